/** Formatting for people in England: British dates, grouped numbers, sizes in KB/MB. */

import { formatDate as britishDate, formatDateTime as britishDateTime } from '../../../shared/dates.ts';

const numberFormat = new Intl.NumberFormat('en-GB');

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** "1 document", "3 documents". */
export function plural(n: number, one: string, many = one + 's'): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** A day or a moment as dd/mm/yyyy (shared/dates.ts); "—" when there is none. */
export function formatDate(iso: string | null | undefined): string {
  return britishDate(iso, '—');
}

/** A moment as dd/mm/yyyy HH:mm; "never" when there is none. */
export function formatDateTime(iso: string | null | undefined): string {
  return britishDateTime(iso, 'never');
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** The last part of a path (file or folder name), for Windows and POSIX paths alike. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]+/u).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

/**
 * Shortens a long path to its start and its last folders ("\\server\share\…\Placements\2024\plan.pdf"),
 * keeping the file name whole; the full path goes in a title attribute beside it.
 */
export function shortenPath(path: string, max = 70): string {
  if (path.length <= max) return path;
  const sep = path.includes('\\') ? '\\' : '/';
  const unc = path.startsWith('\\\\');
  const parts = path.split(/[\\/]+/u).filter(Boolean);
  if (parts.length <= 3) return path;
  const head = (unc ? '\\\\' + parts.slice(0, 2).join(sep) : (path.startsWith(sep) ? sep : '') + parts[0]) + sep + '…';
  const tail: string[] = [];
  let length = head.length;
  for (let i = parts.length - 1; i >= (unc ? 2 : 1); i--) {
    if (tail.length > 0 && length + parts[i].length + 1 > max) break;
    tail.unshift(parts[i]);
    length += parts[i].length + 1;
  }
  return [head, ...tail].join(sep);
}
