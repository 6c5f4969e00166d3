/**
 * The core side of the API contract: one function per method, shell-agnostic.
 *
 * Arguments arrive already validated against the contract's schemas (the shells do that), and
 * anything a user should see comes back as an ApiFailure with a message that says what to do.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Db } from '../store/database.ts';
import type { AppInfo, MethodName, Input, Output, Settings } from '../../shared/contract.ts';
import { findCriterion } from '../../shared/frameworks/criteria.ts';
import { listRoots, addRoot, getRoot, RootConflict } from '../store/roots.ts';
import { documentDetail, documentExists, documentIdAtPath, pageText, presentPath } from '../store/documents.ts';
import { libraryFile, listFailures } from '../store/failures.ts';
import { libraryCounts } from '../store/library.ts';
import { folderRefusal } from '../scan/folder-rules.ts';
import { searchSteps, facetSteps } from '../search/search.ts';
import { LatestPerChannel } from '../search/cancel.ts';
import type { RankWorkers } from '../search/rank-workers.ts';
import { parseQuery, highlightTerms } from '../search/query.ts';
import { highlightText } from '../search/highlight.ts';
import type { Indexer } from '../scan/indexer.ts';
import { ApiFailure } from './errors.ts';
import { createAnnexaHandlers } from './annexa-handlers.ts';
import { createPackHandlers } from './pack-handlers.ts';
import { createRequestHandlers } from './request-handlers.ts';
import { createAuditHandlers } from './audit-handlers.ts';
import { audited } from '../audit/audit-log.ts';
import { failedDetail, rootRemovedDetail } from '../audit/details.ts';
import type { FolderRemover } from '../scan/remove-folder.ts';
import { createEvidenceTableHandlers } from './evidence-table-handlers.ts';
import { createSavedSearchHandlers } from './saved-search-handlers.ts';
import { createStoreHandlers } from './store-handlers.ts';
import { documentHits } from '../search/document-hits.ts';
import type { PackService } from '../pack/service.ts';
import type { AnnexaService } from '../annexa/service.ts';
import { FrameworkError, type FrameworkRegistry } from '../evidence/frameworks.ts';
import { addTag, confirmContent, evidenceById, evidenceForDocument, listEvidence, removeTag, saveEvidence } from '../evidence/evidence.ts';
import { listHistory } from '../evidence/history.ts';
import { dismissedCriteria, dismissSuggestion, suggestCriteria } from '../evidence/suggestions.ts';
import { checks, coverage, evidenceForCriterion } from '../evidence/coverage.ts';
import { getSelfEvaluation, saveSelfEvaluation } from '../evidence/self-evaluation.ts';
import { selfEvaluationDocx } from '../export/self-evaluation-docx.ts';
import { currentUser } from '../evidence/user.ts';
import { failureMessage } from '../../shared/failures.ts';

/** What only a shell can do: open things with the OS, show a native dialog. */
export interface Host {
  mode: AppInfo['mode'];
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

export function createHandlers(
  db: Db, indexer: Indexer, host: Host, settings: SettingsAccess, frameworks: FrameworkRegistry, annexa: () => AnnexaService, pack: () => PackService,
  remover: FolderRemover, rankWorkers?: RankWorkers,
): Handlers {
  const user = currentUser();
  // The index's own folder is never a library folder (it would index itself).
  const dataDir = db.memory ? null : dirname(resolve(db.name));
  const framework = (id?: string) => {
    try {
      return frameworks.require(id);
    } catch (error) {
      throw new ApiFailure('not-found', (error as Error).message);
    }
  };
  /** The criterion, found however its id was typed ("cl02" is CL02), with its canonical id. */
  const criterion = (frameworkId: string, criterionId: string) => {
    const f = framework(frameworkId);
    const c = findCriterion(f, criterionId);
    if (!c) throw new ApiFailure('not-found', `“${criterionId}” is not a criterion of ${f.shortTitle ?? f.title}.`, 'criterionId');
    return c;
  };
  const mustExist = (documentId: number) => {
    if (!documentExists(db, documentId)) throw new ApiFailure('not-found', 'That document is no longer in the index.');
  };
  // Typing in a search box cancels the search it replaces, here as well as in the renderer.
  const searches = new LatestPerChannel();
  const judgementLabel = (id: string) => {
    for (const f of frameworks.all()) {
      const j = f.judgements.find((x) => x.id === id);
      if (j) return j.shortTitle ?? j.title;
    }
    return id;
  };
  const pathOf = (documentId: number): string => {
    mustExist(documentId);
    const path = presentPath(db, documentId);
    if (!path) throw new ApiFailure('not-found', 'No file holds this document any more: it was moved or deleted. Scan its folder again.');
    return path;
  };
  const detailOf = (documentId: number) => {
    const detail = documentDetail(db, documentId);
    if (!detail) throw new ApiFailure('not-found', 'That document is no longer in the index.');
    return detail;
  };

  return {
    ...createAnnexaHandlers(db, annexa),
    ...createPackHandlers(pack, host.version),
    ...createRequestHandlers(db),
    ...createAuditHandlers(db),
    ...createEvidenceTableHandlers(db, frameworks),
    ...createSavedSearchHandlers(db),
    ...createStoreHandlers(host.databasePath),

    'app.info': async () => ({
      version: host.version,
      mode: host.mode,
      databasePath: host.databasePath,
      canPickFolders: host.pickFolder !== null,
      platform: process.platform,
    }),

    'library.summary': async () => ({ databasePath: host.databasePath, ...libraryCounts(db), roots: listRoots(db) }),

    'roots.list': async () => listRoots(db),

    'roots.add': async ({ path, scan }) => {
      const trimmed = path.trim();
      let info;
      try {
        info = await stat(trimmed);
      } catch {
        throw new ApiFailure('invalid-argument', `“${trimmed}” could not be found. Check the path, and that the drive or share is connected.`, 'path');
      }
      if (!info.isDirectory()) throw new ApiFailure('invalid-argument', `“${trimmed}” is a file. Add the folder that contains it.`, 'path');
      const refusal = dataDir ? folderRefusal(trimmed, { dataDir }) : null;
      if (refusal) throw new ApiFailure('invalid-argument', refusal, 'path');
      let root;
      try {
        root = addRoot(db, trimmed);
      } catch (error) {
        if (error instanceof RootConflict) throw new ApiFailure('invalid-argument', error.message, 'path');
        throw error;
      }
      indexer.emit('rootsChanged');
      if (scan !== false) indexer.enqueue([root.id]);
      return root;
    },

    'roots.remove': async ({ rootId, forgetText }) => {
      const root = getRoot(db, rootId);
      if (!root) throw new ApiFailure('not-found', 'That folder is no longer in the library.');
      // One removal at a time: a second would wait behind the first's compaction for minutes.
      if (remover.busy) throw new ApiFailure('unavailable', remover.busyMessage());
      const forgotten = await audited(
        db,
        'roots.remove',
        { done: (r) => rootRemovedDetail(root.path, r), failed: (error) => failedDetail(root.path, error) },
        () => remover.remove(rootId, forgetText ?? false),
      );
      return { ok: true, textForgotten: forgotten?.documents ?? 0 };
    },

    'removal.status': async () => remover.status,

    'roots.scan': async ({ rootId }) => {
      if (rootId !== undefined && !getRoot(db, rootId)) throw new ApiFailure('not-found', 'That folder is no longer in the library.');
      indexer.enqueue(rootId === undefined ? undefined : [rootId]);
      return { ok: true };
    },

    'scan.status': async () => indexer.progress,

    'scan.run': async ({ rootIds, retryFailed }) => {
      for (const id of rootIds ?? []) if (!getRoot(db, id)) throw new ApiFailure('not-found', 'That folder is no longer in the library.', 'rootIds');
      return indexer.run(rootIds, { retryFailed });
    },

    'search.query': async ({ query, limit, offset, channel }) => searches.run(channel, searchSteps(db, query, { limit, offset, rankWorkers })),
    'search.facets': async ({ query, channel }) => searches.run(channel, facetSteps(db, query, judgementLabel)),

    'documents.get': async ({ documentId }) => detailOf(documentId),

    'documents.byPath': async ({ path }) => {
      const full = resolve(path);
      const documentId = documentIdAtPath(db, full);
      if (documentId === null) {
        throw new ApiFailure('not-found', `“${full}” is not in the index (or could not be read). Add or scan its folder first.`, 'path');
      }
      return { documentId };
    },

    'documents.page': async ({ documentId, page, query }) => {
      const row = pageText(db, documentId, page);
      if (!row) throw new ApiFailure('not-found', `This document has no page ${page}.`);
      const { segments, hits } = highlightText(row.body, query ? highlightTerms(parseQuery(query)) : []);
      return { documentId, page: row.number, label: row.label, segments, hitCount: hits };
    },

    'documents.hits': async ({ documentId, query }) => {
      mustExist(documentId);
      return documentHits(db, documentId, query);
    },

    'documents.file': async ({ documentId }) => {
      const path = pathOf(documentId);
      try {
        return new Uint8Array(await readFile(path));
      } catch {
        throw new ApiFailure('unavailable', `“${path}” could not be read just now. It may be locked or its drive disconnected.`);
      }
    },

    'documents.open': async ({ documentId }) => {
      // Decided here, not in the UI: every shell's Open goes through this check.
      const { openRefusal } = detailOf(documentId);
      if (openRefusal) throw new ApiFailure('forbidden', openRefusal);
      await host.openPath(pathOf(documentId));
      return { ok: true };
    },

    'documents.reveal': async ({ documentId }) => {
      await host.revealPath(pathOf(documentId));
      return { ok: true };
    },

    'failures.list': async ({ rootId }) => listFailures(db, rootId).map((f) => ({ ...f, message: failureMessage(f.reason) })),

    'failures.reveal': async ({ path }) => {
      // The page could be made to ask for any path: only a file the library holds is shown.
      const file = libraryFile(db, path);
      if (!file) throw new ApiFailure('not-found', 'That file is not in the library any more. Refresh the list, or scan its folder again.');
      await host.revealPath(file.path);
      return { ok: true };
    },

    'dialog.pickFolder': async () => ({ path: host.pickFolder ? await host.pickFolder() : null }),

    'scan.control': async ({ action }) => {
      // A folder removal pauses scanning until it ends (a scan would wait behind its compaction and
      // record its files as failed): Resume waits for it, and Cancel leaves scanning paused.
      if (action === 'resume' && remover.busy) {
        throw new ApiFailure('unavailable', 'Scanning goes on by itself once the folder being removed is done (the status bar shows how far it is).');
      }
      if (action === 'pause') {
        indexer.pause();
        remover.keepPaused();
      } else if (action === 'resume') indexer.resume();
      else {
        indexer.cancel();
        if (remover.busy) {
          await indexer.idle();
          indexer.pause();
        }
      }
      return { ok: true };
    },

    'failures.retry': async ({ rootId, paths }) => {
      if (rootId !== undefined && !getRoot(db, rootId)) throw new ApiFailure('not-found', 'That folder is no longer in the library.');
      if (paths) {
        // Only files of the library are read, each with its own folder's scan.
        const byRoot = new Map<number, string[]>();
        for (const p of paths) {
          const file = libraryFile(db, p);
          if (!file || (rootId !== undefined && file.rootId !== rootId)) {
            throw new ApiFailure('not-found', `“${p}” is not a file in the library any more. Refresh the list, or scan its folder again.`);
          }
          byRoot.set(file.rootId, [...(byRoot.get(file.rootId) ?? []), file.path]);
        }
        for (const [id, files] of byRoot) indexer.enqueue([id], { retryFailed: true, paths: files });
        return { ok: true };
      }
      indexer.enqueue(rootId === undefined ? undefined : [rootId], { retryFailed: true });
      return { ok: true };
    },

    'settings.get': async () => settings.get(),

    'settings.set': async (changes) => settings.set(changes),

    'evidence.get': async ({ documentId }) => evidenceForDocument(db, documentId),

    'evidence.save': async ({ documentId, fields }) => {
      mustExist(documentId);
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
      const f = framework(frameworkId);
      const c = criterion(f.id, criterionId);
      documentIds.forEach(mustExist);
      return addTag(db, documentIds, { frameworkId: f.id, judgementId: c.judgementId, criterionId: c.id, strength: strength ?? 'supporting', note: note ?? '' }, user);
    },

    'tags.remove': async ({ evidenceId, frameworkId, criterionId }) => {
      const c = criterion(frameworkId, criterionId);
      if (!removeTag(db, evidenceId, frameworkId, c.id, user)) throw new ApiFailure('not-found', 'That tag is not there any more.');
      return { ok: true };
    },

    'suggestions.list': async ({ documentId, frameworkId }) => {
      mustExist(documentId);
      const f = framework(frameworkId);
      const exclude = new Set([
        ...dismissedCriteria(db, documentId, f.id),
        ...(evidenceForDocument(db, documentId)?.tags.filter((t) => t.frameworkId === f.id).map((t) => t.criterionId) ?? []),
      ]);
      return suggestCriteria(db, f, documentId, { exclude });
    },

    'suggestions.dismiss': async ({ documentId, frameworkId, criterionId }) => {
      mustExist(documentId);
      const c = criterion(frameworkId, criterionId);
      dismissSuggestion(db, documentId, frameworkId, c.id);
      return { ok: true };
    },

    'coverage.get': async ({ frameworkId }) => coverage(db, framework(frameworkId)),

    'coverage.evidence': async ({ frameworkId, criterionId }) => {
      const c = criterion(frameworkId, criterionId);
      return listEvidence(db, evidenceForCriterion(db, frameworkId, c.id));
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
        throw new ApiFailure('invalid-argument', `“${input.grade}” is not a grade of ${f.shortTitle ?? f.title}.`, 'grade');
      }
      return saveSelfEvaluation(db, input, user);
    },

    'selfEvaluation.export': async ({ frameworkId }) => {
      const f = framework(frameworkId);
      return audited(
        db,
        'selfEvaluation.export',
        { done: (bytes) => `The self-evaluation for ${f.title} as a Word document, ${bytes.byteLength.toLocaleString('en-GB')} bytes, handed over to be saved.`, failed: (error) => failedDetail(null, error) },
        () => selfEvaluationDocx(db, f, new Map((f.gradeScale ?? []).map((g) => [g.id, g.label]))),
      );
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
        if (error instanceof FrameworkError) throw new ApiFailure('invalid-argument', error.message, 'json');
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
