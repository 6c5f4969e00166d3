/**
 * The core side of the API contract: one function per method, shell-agnostic.
 *
 * Arguments arrive already validated against the contract's schemas (the shells do that), and
 * anything a user should see comes back as an ApiFailure with a message that says what to do.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Db } from '../store/database.ts';
import type { MethodName, Input, Output, DocumentDetail, Failure, Settings } from '../../shared/contract.ts';
import { listRoots, addRoot, removeRoot, getRoot, RootConflict } from '../store/roots.ts';
import { search } from '../search/search.ts';
import { parseQuery, highlightTerms } from '../search/query.ts';
import { highlightText } from '../search/highlight.ts';
import { displayTitle } from '../store/titles.ts';
import type { Indexer } from '../scan/indexer.ts';
import { ApiFailure } from './errors.ts';
import { FrameworkError, type FrameworkRegistry } from '../evidence/frameworks.ts';
import { flattenCriteria } from '../evidence/framework-shape.ts';
import { addTag, confirmContent, evidenceById, evidenceForDocument, listEvidence, removeTag, saveEvidence } from '../evidence/evidence.ts';
import { listHistory } from '../evidence/history.ts';
import { suggestCriteria } from '../evidence/suggestions.ts';
import { checks, coverage, evidenceForCriterion } from '../evidence/coverage.ts';
import { getSelfEvaluation, saveSelfEvaluation } from '../evidence/self-evaluation.ts';
import { selfEvaluationDocx } from '../export/self-evaluation-docx.ts';
import { currentUser } from '../evidence/user.ts';
import { failureMessage } from './failure-messages.ts';

/** What only a shell can do: open things with the OS, show a native dialog. */
export interface Host {
  mode: 'desktop' | 'browser';
  version: string;
  databasePath: string;
  openPath(path: string): Promise<void>;
  revealPath(path: string): Promise<void>;
  /** Null when the shell has no native picker. */
  pickFolder: (() => Promise<string | null>) | null;
}

export type Handlers = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> };

/** Reading and changing the settings goes through the core, which applies them. */
export interface SettingsAccess {
  get(): Settings;
  set(changes: Partial<Settings>): Promise<Settings>;
}

export function createHandlers(db: Db, indexer: Indexer, host: Host, settings: SettingsAccess, frameworks: FrameworkRegistry): Handlers {
  const user = currentUser();
  const framework = (id?: string) => {
    try {
      return frameworks.require(id);
    } catch (error) {
      throw new ApiFailure('not-found', (error as Error).message);
    }
  };
  const criterion = (frameworkId: string, criterionId: string) => {
    const c = flattenCriteria(framework(frameworkId)).find((x) => x.id === criterionId);
    if (!c) throw new ApiFailure('not-found', `“${criterionId}” is not a criterion of this framework.`);
    return c;
  };
  const documentExists = (documentId: number) => {
    if (!db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId)) throw new ApiFailure('not-found', 'That document is no longer in the index.');
  };
  const judgementLabel = (id: string) => {
    for (const f of frameworks.all()) {
      const j = f.judgements.find((x) => x.id === id);
      if (j) return j.shortTitle ?? j.title;
    }
    return id;
  };
  const presentPath = (documentId: number): string => {
    const path = db
      .prepare('SELECT path FROM files WHERE document_id = ? AND missing = 0 ORDER BY path LIMIT 1')
      .pluck()
      .get(documentId) as string | undefined;
    if (!path) throw new ApiFailure('not-found', 'No file holds this document any more: it was moved or deleted. Scan its folder again.');
    return path;
  };

  return {
    'app.info': async () => ({
      version: host.version,
      mode: host.mode,
      databasePath: host.databasePath,
      canPickFolders: host.pickFolder !== null,
      platform: process.platform,
    }),

    'roots.list': async () => listRoots(db),

    'roots.add': async ({ path }) => {
      const trimmed = path.trim();
      let info;
      try {
        info = await stat(trimmed);
      } catch {
        throw new ApiFailure('invalid-argument', `“${trimmed}” could not be found. Check the path, and that the drive or share is connected.`);
      }
      if (!info.isDirectory()) throw new ApiFailure('invalid-argument', `“${trimmed}” is a file. Add the folder that contains it.`);
      try {
        const root = addRoot(db, trimmed);
        indexer.emit('rootsChanged');
        indexer.enqueue([root.id]);
        return root;
      } catch (error) {
        if (error instanceof RootConflict) throw new ApiFailure('invalid-argument', error.message);
        throw error;
      }
    },

    'roots.remove': async ({ rootId }) => {
      if (!getRoot(db, rootId)) throw new ApiFailure('not-found', 'That folder is no longer in the library.');
      await indexer.forget(rootId);
      removeRoot(db, rootId);
      indexer.emit('rootsChanged');
      return { ok: true };
    },

    'roots.scan': async ({ rootId }) => {
      if (rootId !== undefined && !getRoot(db, rootId)) throw new ApiFailure('not-found', 'That folder is no longer in the library.');
      indexer.enqueue(rootId === undefined ? undefined : [rootId]);
      return { ok: true };
    },

    'scan.status': async () => indexer.progress,

    'search.query': async ({ query, limit, offset }) => search(db, query, { limit, offset, judgementLabel }),

    'documents.get': async ({ documentId }) => documentDetail(db, documentId),

    'documents.page': async ({ documentId, page, query }) => {
      const row = db
        .prepare('SELECT number, label, body FROM pages WHERE document_id = ? AND number = ?')
        .get(documentId, page) as { number: number; label: string; body: string } | undefined;
      if (!row) throw new ApiFailure('not-found', `This document has no page ${page}.`);
      const { segments, hits } = highlightText(row.body, query ? highlightTerms(parseQuery(query)) : []);
      return { documentId, page: row.number, label: row.label, segments, hitCount: hits };
    },

    'documents.file': async ({ documentId }) => {
      const path = presentPath(documentId);
      try {
        return new Uint8Array(await readFile(path));
      } catch {
        throw new ApiFailure('unavailable', `“${path}” could not be read just now. It may be locked or its drive disconnected.`);
      }
    },

    'documents.open': async ({ documentId }) => {
      await host.openPath(presentPath(documentId));
      return { ok: true };
    },

    'documents.reveal': async ({ documentId }) => {
      await host.revealPath(presentPath(documentId));
      return { ok: true };
    },

    'failures.list': async ({ rootId }) => listFailures(db, rootId),

    'dialog.pickFolder': async () => ({ path: host.pickFolder ? await host.pickFolder() : null }),

    'scan.control': async ({ action }) => {
      if (action === 'pause') indexer.pause();
      else if (action === 'resume') indexer.resume();
      else indexer.cancel();
      return { ok: true };
    },

    'failures.retry': async ({ rootId }) => {
      if (rootId !== undefined && !getRoot(db, rootId)) throw new ApiFailure('not-found', 'That folder is no longer in the library.');
      indexer.enqueue(rootId === undefined ? undefined : [rootId], { retryFailed: true });
      return { ok: true };
    },

    'settings.get': async () => settings.get(),

    'settings.set': async (changes) => settings.set(changes),

    'evidence.get': async ({ documentId }) => evidenceForDocument(db, documentId),

    'evidence.save': async ({ documentId, fields }) => {
      documentExists(documentId);
      return saveEvidence(db, documentId, fields, user);
    },

    'evidence.list': async ({ evidenceIds }) => listEvidence(db, evidenceIds),

    'evidence.confirmContent': async ({ evidenceId }) => {
      if (!evidenceById(db, evidenceId)) throw new ApiFailure('not-found', 'That evidence item no longer exists.');
      confirmContent(db, evidenceId, user);
      return evidenceById(db, evidenceId)!;
    },

    'evidence.history': async ({ evidenceId }) => listHistory(db, { evidenceId }),

    'tags.add': async ({ documentIds, frameworkId, criterionId, strength, note }) => {
      const c = criterion(frameworkId, criterionId);
      documentIds.forEach(documentExists);
      return addTag(db, documentIds, { frameworkId, judgementId: c.judgementId, criterionId, strength: strength ?? 'supporting', note: note ?? '' }, user);
    },

    'tags.remove': async ({ evidenceId, frameworkId, criterionId }) => {
      if (!removeTag(db, evidenceId, frameworkId, criterionId, user)) throw new ApiFailure('not-found', 'That tag is not there any more.');
      return { ok: true };
    },

    'suggestions.list': async ({ documentId, frameworkId }) => {
      documentExists(documentId);
      const f = framework(frameworkId);
      const exclude = new Set([
        ...(db.prepare('SELECT criterion_id FROM dismissed_suggestions WHERE document_id = ? AND framework_id = ?').pluck().all(documentId, f.id) as string[]),
        ...(evidenceForDocument(db, documentId)?.tags.filter((t) => t.frameworkId === f.id).map((t) => t.criterionId) ?? []),
      ]);
      return suggestCriteria(db, f, documentId, { exclude });
    },

    'suggestions.dismiss': async ({ documentId, frameworkId, criterionId }) => {
      criterion(frameworkId, criterionId);
      db.prepare('INSERT OR IGNORE INTO dismissed_suggestions (document_id, framework_id, criterion_id) VALUES (?, ?, ?)').run(documentId, frameworkId, criterionId);
      return { ok: true };
    },

    'coverage.get': async ({ frameworkId }) => coverage(db, framework(frameworkId)),

    'coverage.evidence': async ({ frameworkId, criterionId }) => {
      criterion(frameworkId, criterionId);
      return listEvidence(db, evidenceForCriterion(db, frameworkId, criterionId));
    },

    'checks.list': async ({ frameworkId }) => checks(db, framework(frameworkId)),

    'selfEvaluation.get': async ({ frameworkId, judgementId }) => {
      if (!framework(frameworkId).judgements.some((j) => j.id === judgementId)) throw new ApiFailure('not-found', 'That judgement is not in this framework.');
      return getSelfEvaluation(db, frameworkId, judgementId);
    },

    'selfEvaluation.save': async (input) => {
      const f = framework(input.frameworkId);
      if (!f.judgements.some((j) => j.id === input.judgementId)) throw new ApiFailure('not-found', 'That judgement is not in this framework.');
      if (input.grade !== null && !(f.gradeScale ?? []).some((g) => g.id === input.grade)) {
        throw new ApiFailure('invalid-argument', `“${input.grade}” is not a grade of ${f.shortTitle ?? f.title}.`);
      }
      return saveSelfEvaluation(db, input, user);
    },

    'selfEvaluation.export': async ({ frameworkId }) => {
      const f = framework(frameworkId);
      return selfEvaluationDocx(db, f, new Map((f.gradeScale ?? []).map((g) => [g.id, g.label])));
    },

    'frameworks.list': async () => frameworks.list(),

    'frameworks.get': async ({ frameworkId }) => {
      const f = framework(frameworkId);
      return { framework: f, json: frameworks.json(f) };
    },

    'frameworks.save': async ({ json }) => {
      try {
        return frameworks.save(json, user);
      } catch (error) {
        if (error instanceof FrameworkError) throw new ApiFailure('invalid-argument', error.message);
        throw error;
      }
    },

    'frameworks.delete': async ({ frameworkId }) => {
      try {
        frameworks.delete(frameworkId, user);
      } catch (error) {
        if (error instanceof FrameworkError) throw new ApiFailure('invalid-argument', error.message);
        throw error;
      }
      return { ok: true };
    },
  };
}

export function documentDetail(db: Db, documentId: number): DocumentDetail {
  const d = db.prepare('SELECT * FROM documents WHERE id = ?').get(documentId) as
    | { id: number; sha256: string; format: string; title: string | null; author: string | null; created: string | null;
        modified: string | null; page_count: number; text_chars: number; status: string }
    | undefined;
  if (!d) throw new ApiFailure('not-found', 'That document is no longer in the index.');
  const files = db
    .prepare('SELECT path, name, root_id, size, mtime_ms, missing FROM files WHERE document_id = ? ORDER BY missing, path')
    .all(documentId) as { path: string; name: string; root_id: number; size: number; mtime_ms: number; missing: number }[];
  const pages = db
    .prepare('SELECT number, label, length(body) AS chars FROM pages WHERE document_id = ? ORDER BY number')
    .all(documentId) as { number: number; label: string; chars: number }[];
  return {
    id: d.id,
    title: displayTitle(d.title, files[0]?.name ?? ''),
    format: d.format,
    sha256: d.sha256,
    pageCount: pages.length,
    pages,
    author: d.author,
    created: d.created,
    modified: d.modified,
    warning: d.status === 'indexed' && d.text_chars === 0 ? 'no-text' : null,
    locations: files.map((f) => ({
      path: f.path, rootId: f.root_id, size: f.size, modified: new Date(f.mtime_ms).toISOString(), missing: f.missing === 1,
    })),
  };
}

export function listFailures(db: Db, rootId?: number): Failure[] {
  const rows = db
    .prepare(
      `SELECT f.path, f.root_id, f.status, f.reason, f.detail, f.updated_at, d.format, d.status AS doc_status, d.text_chars
       FROM files f LEFT JOIN documents d ON d.id = f.document_id
       WHERE f.missing = 0 AND (? IS NULL OR f.root_id = ?)
         AND (f.status IN ('failed', 'unsupported') OR (d.status = 'indexed' AND d.text_chars = 0))
       ORDER BY f.status, f.reason, f.path`,
    )
    .all(rootId ?? null, rootId ?? null) as {
    path: string; root_id: number; status: string; reason: string | null; detail: string | null; updated_at: string;
    format: string | null; doc_status: string | null; text_chars: number | null;
  }[];
  return rows.map((r) => {
    const warning = r.status === 'indexed';
    const reason = warning ? 'no-text' : r.status === 'unsupported' ? 'unsupported' : r.reason ?? 'corrupt';
    return {
      path: r.path,
      rootId: r.root_id,
      format: r.format ?? 'unknown',
      status: warning ? 'warning' : (r.status as 'failed' | 'unsupported'),
      reason,
      message: failureMessage(reason),
      detail: r.detail ?? '',
      at: r.updated_at,
    };
  });
}
