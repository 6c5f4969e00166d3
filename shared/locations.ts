/**
 * Where in a document something is, in the words a person uses: "Page 12", "Slide 3",
 * "Sheet Population", "Email", "Attachment: budget.xlsx — Sheet Q1". One function names every
 * location the app shows (search hits, the page bar, the sheet grid, the CLI), so a hit never reads
 * "p. Slide 1" or "view" and the same place is called the same thing everywhere.
 *
 * It works from what the index stores for a page (its number and the label its extractor gave:
 * "Slide 3", "Sheet: Population", "p. 2" inside an attachment, or just the number), so indexes made
 * before these words existed read the same without being made again.
 */
import { kindOf } from './formats.ts';

export interface StoredPage {
  /** 1-based position in the document. */
  number: number;
  /** The label stored with the page; the number itself (or nothing) when the format has none of its own. */
  label?: string | null;
}

/** One part of a stored label ("Sheet: Q1", "p. 2", "Slide 3") in plain words. */
function part(text: string): string {
  const sheet = /^Sheet:\s*(.*)$/su.exec(text);
  if (sheet) return `Sheet ${sheet[1]}`;
  const page = /^p\.\s*(\S.*)$/su.exec(text);
  if (page) return `Page ${page[1]}`;
  return text;
}

/** The name of a page of a document of this format: "Page 12", "Slide 3", "Sheet Population", "Email". */
export function locationName(format: string, page: StoredPage): string {
  const label = page.label?.trim() ?? '';
  if (!label || label === String(page.number)) {
    // An email's first page is the message itself; its attachments follow, labelled.
    return kindOf(format) === 'email' && page.number === 1 ? 'Email' : `Page ${page.number}`;
  }
  // A PDF's own page label ("iv", "A-3") is still a page.
  if (kindOf(format) === 'pdf') return `Page ${label}`;
  return label.split(' — ').map(part).join(' — ');
}
