import { useEffect, useState } from 'react';
import type { Checks, Coverage, EvidenceItem } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { useEvidenceVersion } from '../evidence/changes.ts';
import type { Loaded } from './useFrameworks.ts';

function useLoad<T>(load: (() => Promise<T>) | null, deps: readonly unknown[]): Loaded<T> {
  const version = useEvidenceVersion();
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    if (!load) return;
    let live = true;
    load().then(
      (value) => live && setState({ status: 'ready', value }),
      (error) => live && setState({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
    // `load` is rebuilt every render; what it loads is named by deps.
  }, [...deps, version]);
  return state;
}

/** Counts per criterion and judgement for a framework; reloaded whenever evidence changes. */
export function useCoverage(frameworkId: string | null): Loaded<Coverage> {
  const api = useApi();
  return useLoad(frameworkId ? () => api.call('coverage.get', { frameworkId }) : null, [api, frameworkId]);
}

/** The evidence behind one criterion. */
export function useCriterionEvidence(frameworkId: string | null, criterionId: string | null): Loaded<EvidenceItem[]> {
  const api = useApi();
  return useLoad(frameworkId && criterionId ? () => api.call('coverage.evidence', { frameworkId, criterionId }) : null, [api, frameworkId, criterionId]);
}

/** The to-do list, with the evidence items it names (for their titles). */
export function useChecks(frameworkId: string | null): Loaded<{ checks: Checks; items: Map<number, EvidenceItem> }> {
  const api = useApi();
  return useLoad(
    frameworkId
      ? async () => {
          const checks = await api.call('checks.list', { frameworkId });
          const ids = [
            ...new Set([...checks.untagged, ...checks.pastReview, ...checks.fileMissing, ...checks.changedSinceTagged, ...checks.duplicates.flatMap((d) => d.evidenceIds)]),
          ];
          const items = ids.length ? await api.call('evidence.list', { evidenceIds: ids.slice(0, 5000) }) : [];
          return { checks, items: new Map(items.map((e) => [e.id, e])) };
        }
      : null,
    [api, frameworkId],
  );
}
