import { useEffect, useState } from 'react';
import { pathOfDroppedFile } from '../api/client.ts';
import { useAddFolder } from './AddFolder.tsx';

const BROWSER_DROP_NOTE = 'A web page is not told where a dropped folder lives, so it cannot be added by dragging here.';

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * A folder dropped anywhere on the window is added to the library. Electron can tell us its path;
 * a browser cannot, so there we open the path dialog and explain why.
 * Returns whether something is being dragged over the window (to show the drop hint).
 */
export function useFolderDrop(): boolean {
  const addFolder = useAddFolder();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      // Without this the browser would navigate to the dropped file.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = async (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      const paths = files.map(pathOfDroppedFile).filter((p): p is string => p !== null);
      if (paths.length === 0) {
        void addFolder.start(BROWSER_DROP_NOTE);
        return;
      }
      const errors: string[] = [];
      for (const path of paths) {
        const message = await addFolder.addPath(path);
        if (message) errors.push(message);
      }
      addFolder.setError(errors.length ? errors.join(' ') : null);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [addFolder]);

  return dragging;
}
