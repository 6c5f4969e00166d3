/**
 * What Esc puts away first while a document is open: a panel shown over it (the evidence panel on
 * a narrow window) goes before the results list over it (results-panel.ts), and the document
 * closes only when nothing is over it. The document view adds a layer while it shows one; the
 * app's Esc asks the newest first.
 */
type Layer = () => void;

const layers: Layer[] = [];

/** Adds a layer Esc closes; returns the function that takes it away again. */
export function addEscapeLayer(close: Layer): () => void {
  layers.push(close);
  return () => {
    const at = layers.lastIndexOf(close);
    if (at !== -1) layers.splice(at, 1);
  };
}

/** Closes the newest layer and answers true, or answers false when there is none. */
export function closeTopEscapeLayer(): boolean {
  const top = layers.pop();
  if (!top) return false;
  top();
  return true;
}
