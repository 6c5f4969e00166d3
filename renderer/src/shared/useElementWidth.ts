import { useEffect, useState } from 'react';

/**
 * The width of the element given to the returned callback ref, rounded down to `step` pixels so
 * that dragging a window edge redraws a PDF page a few times rather than on every pixel.
 * A callback ref (not a ref object) because the element may appear only after loading.
 */
export function useElementWidth(step = 40): [(element: HTMLElement | null) => void, number] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!element) return;
    const measure = () => setWidth(Math.floor(element.clientWidth / step) * step);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, step]);
  return [setElement, width];
}
