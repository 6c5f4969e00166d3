export type Area = 'search' | 'library' | 'frameworks' | 'annexa' | 'export' | 'requests' | 'evidence' | 'settings';

/**
 * Alt+1, Alt+2… in the order of the navigation (Settings, at the bottom, is Alt+9). Evidence came
 * last, as Alt+7, so the shortcuts people (and the menu, and the docs) already know keep their keys.
 */
export const AREAS: readonly Area[] = ['search', 'library', 'frameworks', 'annexa', 'export', 'requests', 'evidence'];

export const AREA_LABELS: Record<Area, string> = { search: 'Search', library: 'Library', frameworks: 'Frameworks', annexa: 'Annex A', export: 'Export', requests: 'Requests', evidence: 'Evidence', settings: 'Settings' };
