import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../api/ApiContext.tsx';
import { flattenCriteria, type FlatCriterion } from './criteria.ts';
import { fetchFramework } from './useFrameworks.ts';

export type CriterionNames = ReadonlyMap<string, FlatCriterion & { frameworkShort: string }>;

export function criterionKey(frameworkId: string, criterionId: string): string {
  return `${frameworkId}\u0000${criterionId}`;
}

/** Titles of the criteria of the given frameworks (for showing tags), keyed by criterionKey(). */
export function useCriterionNames(frameworkIds: readonly string[]): CriterionNames {
  const api = useApi();
  const key = [...new Set(frameworkIds)].sort().join('\n');
  const ids = useMemo(() => (key ? key.split('\n') : []), [key]);
  const [names, setNames] = useState<CriterionNames>(new Map());
  useEffect(() => {
    let live = true;
    Promise.allSettled(ids.map((id) => fetchFramework(api, id))).then((results) => {
      if (!live) return;
      const map = new Map<string, FlatCriterion & { frameworkShort: string }>();
      for (const r of results) {
        if (r.status !== 'fulfilled') continue;
        const f = r.value.framework;
        for (const c of flattenCriteria(f)) map.set(criterionKey(f.id, c.id), { ...c, frameworkShort: f.shortTitle ?? f.title });
      }
      setNames(map);
    });
    return () => {
      live = false;
    };
  }, [api, ids]);
  return names;
}
