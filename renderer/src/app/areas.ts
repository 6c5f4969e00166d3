export type Area = 'search' | 'library' | 'frameworks' | 'annexa' | 'export' | 'requests' | 'settings';

/** Alt+1, Alt+2… in the order of the navigation (Settings, at the bottom, is Alt+9). */
export const AREAS: readonly Area[] = ['search', 'library', 'frameworks', 'annexa', 'export', 'requests'];

export const AREA_LABELS: Record<Area, string> = { search: 'Search', library: 'Library', frameworks: 'Frameworks', annexa: 'Annex A', export: 'Export', requests: 'Requests', settings: 'Settings' };
