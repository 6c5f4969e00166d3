/**
 * Choosing what goes into a pack: the evidence items of one framework's judgements with the
 * statuses asked for, each file given one Windows-safe place under the folder of the first
 * judgement it serves, and the judgements' criteria with links to those items (gaps included).
 *
 * Only reads the index: nothing here touches the destination.
 */
import type { Framework } from '../../shared/frameworks/index.ts';
import { flattenCriteria } from '../../shared/frameworks/criteria.ts';
import { formatLabel } from '../../shared/formats.ts';
import type { EvidenceStatusName } from '../../shared/evidence.ts';
import { PACK_FILES, type PackExtra } from '../../shared/pack.ts';
import { ApiFailure } from '../api/errors.ts';
import { listEvidence } from '../evidence/evidence.ts';
import type { Db } from '../store/database.ts';
import { packSourceReader, type PresentFile } from '../store/documents.ts';
import type { PackContent, PackItem, PackJudgement } from './model.ts';
import { PackPaths, safeName } from './names.ts';

/** About 2 KB of each document's text goes into the pack's search: enough to find it, small enough for lunr. */
export const EXCERPT_CHARS = 2000;

export interface PackRequest {
  framework: Framework;
  judgementIds: string[];
  statuses: EvidenceStatusName[];
}

/** An evidence file to copy: where from, where to, and the content the index knows it by. */
export interface PackSource {
  /** Index into PackContent.items. */
  item: number;
  documentId: number;
  from: PresentFile;
  /** Inside the pack, with `/`. */
  to: string;
}

export interface PackPlan {
  content: PackContent;
  sources: PackSource[];
  /** Items in scope with no file to copy. */
  missing: { evidenceId: number; title: string }[];
  renamed: number;
  personalData: number;
  bytes: number;
}

/** The folder a judgement's files go in: its place in the framework and its short name (`2 Children in care`). */
function judgementFolder(framework: Framework, judgementId: string): string {
  const index = framework.judgements.findIndex((j) => j.id === judgementId);
  const j = framework.judgements[index];
  return safeName(`${index + 1} ${j.shortTitle ?? j.title}`);
}

export function planPack(db: Db, request: PackRequest, createdAt: string, appVersion: string): PackPlan {
  const { framework } = request;
  const wanted = request.judgementIds.length ? new Set(request.judgementIds.map((id) => id.toLowerCase())) : null;
  const judgements = framework.judgements.filter((j) => !wanted || wanted.has(j.id.toLowerCase()));
  if (wanted) {
    const known = new Set(framework.judgements.map((j) => j.id.toLowerCase()));
    const unknown = request.judgementIds.filter((id) => !known.has(id.toLowerCase()));
    if (unknown.length) throw new ApiFailure('invalid-argument', `${framework.title} has no judgement “${unknown[0]}”.`, 'scope.judgementIds');
  }
  const inScope = new Set(judgements.map((j) => j.id));
  const statuses = new Set(request.statuses);
  const criteria = flattenCriteria({ judgements }).filter((c) => inScope.has(c.judgementId));
  const order = new Map(criteria.map((c, i) => [c.id, i]));

  const paths = new PackPaths();
  const items: PackItem[] = [];
  const sources: PackSource[] = [];
  const missing: PackPlan['missing'] = [];
  const links = new Map<string, PackJudgement['criteria'][number]['links']>();
  let renamed = 0;
  let personalData = 0;
  let bytes = 0;

  const reader = packSourceReader(db);
  for (const e of listEvidence(db)) {
    if (!statuses.has(e.status)) continue;
    const tags = e.tags
      .filter((t) => t.frameworkId === framework.id && inScope.has(t.judgementId) && order.has(t.criterionId))
      .sort((a, b) => order.get(a.criterionId)! - order.get(b.criterionId)!);
    if (!tags.length) continue;
    const file = reader.presentFile(e.documentId);
    if (!file) {
      missing.push({ evidenceId: e.id, title: e.title });
      continue;
    }
    const to = paths.place([PACK_FILES.evidence, judgementFolder(framework, tags[0].judgementId)], file.name);
    if (to.slice(to.lastIndexOf('/') + 1) !== file.name) renamed += 1;
    if (e.personalData) personalData += 1;
    bytes += file.size;
    const index = items.length;
    items.push({
      evidenceId: e.id,
      title: e.title,
      summary: e.summary,
      team: e.team,
      evidenceDate: e.evidenceDate,
      reviewBy: e.reviewBy,
      status: e.status,
      stale: e.stale,
      changedSinceTagged: e.changedSinceTagged,
      path: to,
      fileName: file.name,
      format: formatLabel(file.format),
      bytes: file.size,
      // Filled by readExcerpts while the files copy: reading the start of thousands of documents'
      // text takes a while, and a preview does not need it.
      excerpt: '',
    });
    sources.push({ item: index, documentId: e.documentId, from: file, to });
    for (const t of tags) {
      const list = links.get(t.criterionId) ?? [];
      list.push({ item: index, strength: t.strength, note: t.note });
      links.set(t.criterionId, list);
    }
  }

  const content: PackContent = {
    createdAt,
    framework: { id: framework.id, title: framework.title, version: framework.version ?? null },
    judgements: judgements.map((j) => ({
      id: j.id,
      title: j.title,
      folder: `${PACK_FILES.evidence}/${judgementFolder(framework, j.id)}`,
      criteria: criteria
        .filter((c) => c.judgementId === j.id)
        // Key evidence first under each criterion, then by title.
        .map((c) => ({
          id: c.id,
          title: c.title,
          depth: c.depth,
          links: (links.get(c.id) ?? []).sort(
            (a, b) => Number(b.strength === 'key') - Number(a.strength === 'key') || items[a.item].title.localeCompare(items[b.item].title, 'en-GB'),
          ),
        })),
    })),
    statuses: [...statuses],
    items,
    extras: { annexa: null, selfEvaluation: null },
    appVersion,
  };
  return { content, sources, missing, renamed, personalData, bytes };
}

/**
 * Puts the start of each document's text in its item, for the pack's search: a few documents at a
 * time, letting other work (the copies) go on in between.
 */
export async function readExcerpts(db: Db, plan: PackPlan, signal: AbortSignal): Promise<void> {
  const reader = packSourceReader(db);
  for (const [i, source] of plan.sources.entries()) {
    if (i % 25 === 0) {
      await new Promise((resolve) => setImmediate(resolve));
      signal.throwIfAborted();
    }
    plan.content.items[source.item].excerpt = reader.excerpt(source.documentId, EXCERPT_CHARS);
  }
}

/** Where the extras go inside the pack. */
export function extraPath(extra: PackExtra, pseudonymised: boolean): string {
  if (extra === 'self-evaluation') return PACK_FILES.selfEvaluation;
  return `${PACK_FILES.annexa}/${pseudonymised ? 'Annex A (pseudonymised).xlsx' : 'Annex A.xlsx'}`;
}
