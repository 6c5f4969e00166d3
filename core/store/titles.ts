/**
 * The title shown for a document: its own metadata title when that says something, else the file
 * name. Many PDFs carry generator junk ("Microsoft Word - Document1", "untitled") as their title.
 */
const JUNK_TITLE = /^(microsoft (word|powerpoint|excel) - |untitled|document\d*$|slide \d+$|\s*$)/iu;

export function displayTitle(metadataTitle: string | null | undefined, fileName: string): string {
  const title = metadataTitle?.trim();
  if (title && !JUNK_TITLE.test(title) && title.length <= 300) return title;
  return fileName.replace(/\.[^.]+$/u, '') || fileName;
}
