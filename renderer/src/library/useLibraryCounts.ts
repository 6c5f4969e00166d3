/**
 * The library's counts as the core defines them (library.summary), for the status bar and the
 * Library: never added up from the folder cards, which count a document once per folder holding it.
 */
import { useEffect, useState } from 'react';
import type { LibrarySummary } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { useAppData } from '../app/AppData.tsx';

export type LibraryCounts = Omit<LibrarySummary, 'roots' | 'databasePath'> & { folders: number };

/** Null until first loaded; reloaded whenever the folders are (their counts changed, or the poll). */
export function useLibraryCounts(): LibraryCounts | null {
  const api = useApi();
  const { roots, progress } = useAppData();
  const [counts, setCounts] = useState<LibraryCounts | null>(null);
  const finished = progress?.finishedAt ?? null;
  useEffect(() => {
    let live = true;
    api.call('library.summary', {}).then(
      (s) => {
        if (!live) return;
        const { documents, pages, files, missing, failed, unsupported, noText, needsAttention } = s;
        setCounts({ documents, pages, files, missing, failed, unsupported, noText, needsAttention, folders: s.roots.length });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, roots, finished]);
  return counts;
}
