import { z } from 'zod';

/** One value of a facet (a filter with counts): what it filters on, what it is called, how many match. */
export const FacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type FacetValue = z.infer<typeof FacetValue>;
