import type { SearchFacets } from '../../../shared/contract.ts';
import { FacetGroups } from '../shared/FacetGroups.tsx';
import { hasFilter, type FilterField } from './query-edit.ts';

const GROUPS: { key: keyof SearchFacets['facets']; field: FilterField; title: string }[] = [
  { key: 'type', field: 'type', title: 'Type' },
  { key: 'folder', field: 'folder', title: 'Folder' },
  { key: 'year', field: 'modified', title: 'Year modified' },
  { key: 'judgement', field: 'judgement', title: 'Judgement' },
  { key: 'status', field: 'status', title: 'Evidence status' },
  { key: 'team', field: 'team', title: 'Team' },
  { key: 'tagged', field: 'tagged', title: 'Tagged' },
];

const FIELDS = new Map<string, FilterField>(GROUPS.map((g) => [g.key, g.field]));

/**
 * Facet counts. A ticked box means the filter is in the query text; ticking writes it there and
 * unticking takes it out (see query-edit.ts), so the query stays the single truth.
 */
export function Facets({ facets, query, onToggle }: { facets: SearchFacets['facets']; query: string; onToggle: (field: FilterField, value: string) => void }) {
  return (
    <FacetGroups
      groups={GROUPS.map(({ key, title }) => ({ key, title, values: facets[key] }))}
      isChecked={(key, value) => hasFilter(query, FIELDS.get(key)!, value)}
      onToggle={(key, value) => onToggle(FIELDS.get(key)!, value)}
    />
  );
}
