/** Extracted text cleaned the same way for every word-processing format: no trailing spaces, at most one blank line. */
export function tidyLines(text: string): string {
  return text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}
