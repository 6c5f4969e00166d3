import { useState, type DragEvent } from 'react';
import { isDocumentDrag, readDragDocuments } from '../evidence/drag.ts';

/** Drop-target handlers for a criterion row: highlight while documents hover, hand their ids over on drop. */
export function useCriterionDrop(onDrop: (criterionId: string, documentIds: number[]) => void) {
  const [over, setOver] = useState<string | null>(null);
  const handlers = (criterionId: string) => ({
    onDragOver: (event: DragEvent) => {
      if (!isDocumentDrag(event.dataTransfer)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      if (over !== criterionId) setOver(criterionId);
    },
    onDragLeave: (event: DragEvent) => {
      if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
      setOver((o) => (o === criterionId ? null : o));
    },
    onDrop: (event: DragEvent) => {
      const ids = readDragDocuments(event.dataTransfer);
      setOver(null);
      if (!ids.length) return;
      event.preventDefault();
      onDrop(criterionId, ids);
    },
  });
  return { over, handlers };
}
