/**
 * Dragging documents onto criteria: the documents' ids travel in the drag data under our own
 * type, so a drop from anywhere else (a file from the desktop, text) is never mistaken for them.
 */
export const DOCUMENT_DRAG_TYPE = 'application/x-evidence-store-documents';

export function setDragDocuments(dataTransfer: DataTransfer, documentIds: readonly number[], label: string): void {
  dataTransfer.setData(DOCUMENT_DRAG_TYPE, JSON.stringify(documentIds));
  dataTransfer.setData('text/plain', label);
  dataTransfer.effectAllowed = 'copyLink';
}

/** Whether a drag carries documents (the data itself can only be read on drop). */
export function isDocumentDrag(dataTransfer: DataTransfer | null): boolean {
  return !!dataTransfer && Array.from(dataTransfer.types).includes(DOCUMENT_DRAG_TYPE);
}

/** The dropped documents' ids, or [] when the drop was something else. */
export function readDragDocuments(dataTransfer: DataTransfer | null): number[] {
  const raw = dataTransfer?.getData(DOCUMENT_DRAG_TYPE);
  if (!raw) return [];
  try {
    const ids: unknown = JSON.parse(raw);
    return Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id) && id > 0).slice(0, 1000) : [];
  } catch {
    return [];
  }
}
