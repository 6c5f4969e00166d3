/**
 * Where a search's words are in one document: the pages holding a hit and how many each holds,
 * counted exactly as the document view's page counts them (documents.page), so "Hit 3 of 17" and
 * "2 hits on this page" never disagree.
 */
import type { DocumentHits } from '../../shared/contract.ts';
import type { Db } from '../store/database.ts';
import { pageBodies } from '../store/documents.ts';
import { highlightText } from './highlight.ts';
import { highlightTerms, parseQuery } from './query.ts';

export function documentHits(db: Db, documentId: number, query: string): DocumentHits {
  const terms = highlightTerms(parseQuery(query));
  const pages: DocumentHits['pages'] = [];
  if (terms.length === 0) return { documentId, pages, total: 0 };
  for (const row of pageBodies(db, documentId)) {
    const { hits } = highlightText(row.body, terms);
    if (hits > 0) pages.push({ page: row.number, label: row.label, count: hits });
  }
  return { documentId, pages, total: pages.reduce((sum, p) => sum + p.count, 0) };
}
