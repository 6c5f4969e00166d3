import { useEffect, useRef, useState } from 'react';

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * While the Annex A area is open, files dropped anywhere on the window are extracts for it, not
 * folders for the library. The listeners sit on the window in the capture phase and stop the
 * event there, so the library's window-wide folder drop (useFolderDrop) never sees it and its
 * "Drop a folder" hint does not appear. Returns whether files are being dragged over the window.
 */
export function useExtractDrop(onFiles: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const handler = useRef(onFiles);
  useEffect(() => {
    handler.current = onFiles;
  }, [onFiles]);

  useEffect(() => {
    let depth = 0;
    const take = (event: DragEvent) => {
      if (!hasFiles(event)) return false;
      event.stopPropagation();
      return true;
    };
    const enter = (event: DragEvent) => {
      if (!take(event)) return;
      depth++;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!take(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!take(event)) return;
      // Without this the browser would open the dropped file itself.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!take(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length) handler.current(files);
    };
    const options = { capture: true };
    window.addEventListener('dragenter', enter, options);
    window.addEventListener('dragleave', leave, options);
    window.addEventListener('dragover', over, options);
    window.addEventListener('drop', drop, options);
    return () => {
      window.removeEventListener('dragenter', enter, options);
      window.removeEventListener('dragleave', leave, options);
      window.removeEventListener('dragover', over, options);
      window.removeEventListener('drop', drop, options);
    };
  }, []);

  return dragging;
}
