/**
 * What an Annex A import or build is doing, in words. Two texts: `detail`, shown on screen and
 * updated with every progress event (rows counted so far), and `announce`, for the live region,
 * which changes only when the phase does, so a screen reader hears "Checking 12,345 rows" once
 * rather than a running count.
 */
import type { AnnexaProgress } from '../../../shared/annexa/api.ts';

/** Uploading files before the import (browser mode: annexa.stage). */
export interface UploadStep {
  name: string;
  index: number;
  of: number;
}

export interface ProgressWords {
  announce: string;
  detail: string;
  /** 0-1 when the share done is known; undefined shows an indeterminate bar. */
  value: number | undefined;
}

const n = (x: number) => x.toLocaleString('en-GB');
const rows = (x: number) => `${n(x)} ${x === 1 ? 'row' : 'rows'}`;

export function uploadWords(step: UploadStep): ProgressWords {
  const text = `Handing over ${step.name} (${n(step.index)} of ${n(step.of)})…`;
  return { announce: 'Handing over the files…', detail: text, value: step.of ? (step.index - 1) / step.of : undefined };
}

export function progressWords(p: AnnexaProgress): ProgressWords {
  switch (p.phase) {
    case 'reading':
      if (p.total !== null && p.done === 0) {
        return { announce: 'Reading the extracts…', detail: `Reading ${n(p.total)} ${p.total === 1 ? 'file' : 'files'}…`, value: undefined };
      }
      return { announce: 'Reading the extracts…', detail: `Reading the extracts: ${rows(p.done)} so far${p.message ? ` (${p.message})` : ''}…`, value: undefined };
    case 'validating':
      return { announce: `Checking ${rows(p.done)} against the Annex A rules…`, detail: `Checking ${rows(p.done)} against the Annex A rules…`, value: undefined };
    case 'storing':
      return { announce: 'Saving the lists and findings…', detail: `Saving ${rows(p.done)} and their findings…`, value: undefined };
    case 'building':
      return { announce: 'Building the workbook…', detail: 'Building the workbook…', value: undefined };
    case 'done':
      return { announce: 'Done.', detail: p.done ? `Done: ${rows(p.done)}.` : 'Done.', value: 1 };
    case 'failed':
      return { announce: 'It did not finish.', detail: p.message ?? 'It did not finish.', value: undefined };
  }
}
