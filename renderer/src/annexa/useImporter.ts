/**
 * Runs an Annex A import: hands over the uploads (annexa.stage), calls annexa.import, and follows
 * its progress events. One import at a time; the words for the screen and the live region come
 * from progress-text.ts.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnnexaImportReport } from '../../../shared/annexa/api.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { toFileRefs, type Extract } from './extracts.ts';
import { progressWords, uploadWords, type ProgressWords } from './progress-text.ts';

export interface ImportRequest {
  inspectionDate: string;
  specId?: string;
  /** A saved mapping's system, or a mapping file's text (this wins when both are given). */
  system?: string;
  mapping?: string;
}

export interface Importer {
  running: boolean;
  words: ProgressWords | null;
  error: string | null;
  /** Resolves to the report, or null when the import failed (the error says why). */
  run(extracts: readonly Extract[], request: ImportRequest): Promise<AnnexaImportReport | null>;
  clearError(): void;
}

export function useImporter(): Importer {
  const api = useApi();
  const [running, setRunning] = useState(false);
  const [words, setWords] = useState<ProgressWords | null>(null);
  const [error, setError] = useState<string | null>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const run = useCallback(
    async (extracts: readonly Extract[], request: ImportRequest) => {
      setRunning(true);
      setError(null);
      setWords(null);
      // Progress events are for whoever is importing; this page listens only while it is.
      const off = api.on('annexa.progress', (p) => {
        if (live.current && p.phase !== 'failed') setWords(progressWords(p));
      });
      try {
        const files = await toFileRefs(
          extracts,
          async (name, base64) => (await api.call('annexa.stage', { name, base64 })).staged,
          (step) => live.current && setWords(uploadWords(step)),
        );
        const report = await api.call('annexa.import', { files, ...request });
        return report;
      } catch (e) {
        if (live.current) setError(errorMessage(e));
        return null;
      } finally {
        off();
        if (live.current) {
          setRunning(false);
          setWords(null);
        }
      }
    },
    [api],
  );

  return { running, words, error, run, clearError: useCallback(() => setError(null), []) };
}
