/**
 * The shape of one list's summary while it is being counted: rows go in one at a time (one pass),
 * figures and tables come out at the end, with the people of the other lists at hand for the
 * figures that compare lists ("children with a contact who were also referred").
 */
import type { SummaryFigure, SummaryTable } from '../../../shared/annexa/summaries.ts';
import type { ListContext, Values } from './context.ts';

export interface OtherLists {
  /** The distinct people (by the list's person column) on another list; null if that list is not in the spec. */
  people(list: string): ReadonlySet<string> | null;
}

export interface ListSummariser {
  add(values: Values): void;
  finish(others: OtherLists): { figures: SummaryFigure[]; tables: SummaryTable[] };
}

export type SummariserFactory = (ctx: ListContext) => ListSummariser;
