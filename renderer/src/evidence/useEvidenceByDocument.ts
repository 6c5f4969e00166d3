import { useEffect, useState } from 'react';
import type { EvidenceItem } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { useEvidenceVersion } from './changes.ts';

/**
 * Every evidence item by its document, for the chips on search results: one call, reloaded when
 * evidence changes or new results arrive. Silent on failure (chips are extra, not essential).
 */
export function useEvidenceByDocument(refreshKey: unknown): ReadonlyMap<number, EvidenceItem> {
  const api = useApi();
  const version = useEvidenceVersion();
  const [map, setMap] = useState<ReadonlyMap<number, EvidenceItem>>(new Map());
  useEffect(() => {
    let live = true;
    api.call('evidence.list', {}).then(
      (items) => live && setMap(new Map(items.map((e) => [e.documentId, e]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, version, refreshKey]);
  return map;
}
