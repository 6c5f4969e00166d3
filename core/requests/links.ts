/**
 * What answers a request: links to documents (at a page), evidence items, searches and Annex A (a
 * list's figures, or its findings as filtered). A link stores ids, and is shown as things are now:
 * a document by its title and the path of a file holding it today (so a renamed or moved file still
 * links), an evidence item by its title, a search by its query (after its name, when it was a saved
 * search), an Annex A list by its title and filter. Links to documents, items or lists that do not exist are refused when made.
 */
import { ANNEX_A_SPECS, DEFAULT_ANNEX_A_SPEC_ID, annexASpec } from '../../shared/annexa/index.ts';
import { AnnexaLinkFilter, describeAnnexaFilter, type RequestLink, type RequestLinkInput } from '../../shared/requests.ts';
import { ApiFailure } from '../api/errors.ts';
import { evidenceById } from '../evidence/evidence.ts';
import { documentDetail, presentPath } from '../store/documents.ts';
import type { Db } from '../store/database.ts';
import type { LinkRow } from './store.ts';

/** The row a link input becomes (without its request, id and time). Refuses what is not there. */
export function linkColumns(db: Db, link: RequestLinkInput): Pick<LinkRow, 'kind' | 'document_id' | 'page' | 'evidence_id' | 'query' | 'list' | 'note'> {
  const empty = { document_id: null, page: null, evidence_id: null, query: null, list: null, note: '' };
  switch (link.kind) {
    case 'document': {
      const detail = documentDetail(db, link.documentId);
      if (!detail) throw new ApiFailure('not-found', 'That document is no longer in the index.', 'link.documentId');
      if (link.page !== undefined && link.page > Math.max(1, detail.pageCount)) {
        throw new ApiFailure('invalid-argument', `That document has ${detail.pageCount} pages; there is no page ${link.page}.`, 'link.page');
      }
      return { ...empty, kind: 'document', document_id: link.documentId, page: link.page ?? null };
    }
    case 'evidence':
      if (!evidenceById(db, link.evidenceId)) throw new ApiFailure('not-found', 'That evidence item no longer exists.', 'link.evidenceId');
      return { ...empty, kind: 'evidence', evidence_id: link.evidenceId };
    case 'search':
      // A saved search's name is kept in the link's note: the link reads as it did when made.
      return { ...empty, kind: 'search', query: link.query.trim() || link.query, note: link.name ?? '' };
    case 'annexa':
      if (link.list !== undefined && !ANNEX_A_SPECS.some((spec) => spec.lists.some((l) => l.key === link.list))) {
        throw new ApiFailure('invalid-argument', `There is no Annex A list “${link.list}”.`, 'link.list');
      }
      // The filter is kept as JSON in the query column (a search's words; unused by Annex A links before filters).
      return { ...empty, kind: 'annexa', list: link.list ?? null, query: link.filter ? JSON.stringify(link.filter) : null, note: link.note ?? '' };
  }
}

/** An Annex A link's stored filter, or null (a list's figures, or a filter this version cannot read). */
function storedFilter(row: LinkRow): AnnexaLinkFilter | null {
  if (row.kind !== 'annexa' || row.query === null) return null;
  try {
    const parsed = AnnexaLinkFilter.safeParse(JSON.parse(row.query));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** "List 6: Children in need", from the default template (list keys and names are the same in every version). */
function listTitle(list: string): string {
  const found = annexASpec(DEFAULT_ANNEX_A_SPEC_ID)?.lists.find((l) => l.key === list) ?? ANNEX_A_SPECS.flatMap((s) => s.lists).find((l) => l.key === list);
  return found ? `List ${found.number}: ${found.name}` : list;
}

/** A stored link as the contract shows it, with today's label and path. */
export function showLink(db: Db, row: LinkRow): RequestLink {
  let label: string;
  let path: string | null = null;
  let filter: AnnexaLinkFilter | null = null;
  switch (row.kind) {
    case 'document': {
      const detail = row.document_id === null ? null : documentDetail(db, row.document_id);
      label = detail ? detail.title : 'A document no longer in the index';
      path = row.document_id === null ? null : presentPath(db, row.document_id);
      break;
    }
    case 'evidence':
      label = (row.evidence_id === null ? null : evidenceById(db, row.evidence_id)?.title) ?? 'An evidence item that no longer exists';
      break;
    case 'search':
      label = row.note ? `${row.note}: ${row.query ?? ''}` : (row.query ?? '');
      break;
    default:
      filter = storedFilter(row);
      label = filter ? `Annex A ${row.list ? listTitle(row.list) : 'all lists'} — ${describeAnnexaFilter(filter)}` : row.list ? `Annex A ${listTitle(row.list)}` : 'Annex A';
  }
  return {
    id: row.id, kind: row.kind, label, documentId: row.document_id, page: row.page, path,
    evidenceId: row.evidence_id, query: row.kind === 'annexa' ? null : row.query, list: row.list, filter, note: row.note, at: row.at,
  };
}

/** How a link reads in a list of paths (the Excel log): a document's path, else its query or label. */
export function linkAsText(link: RequestLink): string {
  if (link.kind === 'document') {
    const where = link.path ?? `${link.label} (file not found)`;
    return link.page ? `${where} (page ${link.page})` : where;
  }
  if (link.kind === 'search') return `search${link.note ? ` “${link.note}”` : ''}: ${link.query ?? link.label}`;
  if (link.kind === 'evidence') return `evidence: ${link.label}`;
  return link.note ? `${link.label}: ${link.note}` : link.label;
}
