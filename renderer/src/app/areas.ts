export type Area = 'search' | 'library';

/** Alt+1, Alt+2… in the order of the navigation. */
export const AREAS: readonly Area[] = ['search', 'library'];
