/**
 * The pack for the API: preview, export (one at a time, cancellable, logged in the pack log and the
 * audit log), verify and the log.
 * Copying and hashing are streamed I/O and stay on this thread; the CPU work (the search index,
 * the Annex A workbook) runs in workers.
 */
import type { z } from 'zod';
import type { PackExportResult, PackLogEntry, PackOptions, PackPreview, PackProgress, PackVerifyResult } from '../../shared/pack.ts';
import { PackOptions as PackOptionsSchema } from '../../shared/pack.ts';
import type { AnnexaService } from '../annexa/service.ts';
import { ApiFailure } from '../api/errors.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { failedDetail, packExportDetail } from '../audit/details.ts';
import { hasSelfEvaluation } from '../evidence/self-evaluation.ts';
import type { FrameworkRegistry } from '../evidence/frameworks.ts';
import { currentUser } from '../evidence/user.ts';
import { selfEvaluationDocx } from '../export/self-evaluation-docx.ts';
import type { Db } from '../store/database.ts';
import { listExports, recordExport } from '../store/pack-exports.ts';
import { rootHolding } from '../store/roots.ts';
import { CopyError } from './copy.ts';
import { writePack } from './export.ts';
import { extraPath, planPack, readExcerpts, type PackPlan } from './plan.ts';
import { verifyPack } from './verify.ts';

type Options = z.output<typeof PackOptionsSchema>;

export interface PackServiceDeps {
  db: Db;
  frameworks: FrameworkRegistry;
  annexa: () => AnnexaService;
  onProgress: (progress: PackProgress) => void;
}

export class PackService {
  private readonly deps: PackServiceDeps;
  private running: AbortController | null = null;

  constructor(deps: PackServiceDeps) {
    this.deps = deps;
  }

  private plan(options: Options, appVersion: string): PackPlan {
    const framework = this.deps.frameworks.get(options.scope.frameworkId);
    if (!framework) throw new ApiFailure('not-found', `There is no framework “${options.scope.frameworkId}”. Choose one from the Frameworks list.`, 'scope.frameworkId');
    return planPack(this.deps.db, { framework, judgementIds: options.scope.judgementIds, statuses: options.scope.statuses }, new Date().toISOString(), appVersion);
  }

  private annexaImport(): { importedAt: string; inspectionDate: string } | null {
    const report = this.deps.annexa().status();
    return report ? { importedAt: report.importedAt, inspectionDate: report.inspectionDate } : null;
  }

  preview(input: PackOptions): PackPreview {
    const options = PackOptionsSchema.parse(input);
    const plan = this.plan(options, '');
    const { content } = plan;
    return {
      framework: content.framework,
      judgements: content.judgements.map((j) => ({
        id: j.id,
        title: j.title,
        evidence: new Set(j.criteria.flatMap((c) => c.links.map((l) => l.item))).size,
        criteria: j.criteria.length,
      })),
      evidence: content.items.length + plan.missing.length,
      files: plan.sources.length,
      bytes: plan.bytes,
      missing: plan.missing,
      changedSinceTagged: content.items.filter((i) => i.changedSinceTagged).length,
      renamed: plan.renamed,
      personalData: plan.personalData,
      annexa: this.annexaImport(),
      selfEvaluation: hasSelfEvaluation(this.deps.db, content.framework.id),
    };
  }

  async export(input: PackOptions & { destination: string }, appVersion: string): Promise<PackExportResult> {
    if (this.running) throw new ApiFailure('unavailable', 'An export is already running. Wait for it to finish, or cancel it, then export again.');
    const controller = new AbortController();
    this.running = controller;
    const options = PackOptionsSchema.parse({ scope: input.scope, include: input.include, audience: input.audience });
    const started = Date.now();
    let plan: PackPlan | null = null;
    const log = (outcome: PackLogEntry['outcome'], result: PackExportResult | null, message: string | null) => {
      recordAudit(this.deps.db, {
        action: 'pack.export',
        outcome,
        detail: result ? packExportDetail(result, options) : failedDetail(input.destination, message ?? outcome),
      });
      recordExport(this.deps.db, {
        at: new Date().toISOString(),
        user: currentUser(),
        destination: result?.pack ?? input.destination,
        frameworkId: plan?.content.framework.id ?? options.scope.frameworkId ?? this.deps.frameworks.defaultId,
        judgementIds: plan?.content.judgements.map((j) => j.id) ?? options.scope.judgementIds,
        statuses: options.scope.statuses,
        include: options.include,
        audience: options.audience,
        outcome,
        evidence: result?.evidence ?? 0,
        files: result?.files ?? 0,
        bytes: result?.bytes ?? 0,
        seconds: result?.seconds ?? Math.round((Date.now() - started) / 100) / 10,
        message,
      });
    };
    try {
      // A pack inside a library folder would be indexed too: its copies would become more places the
      // same documents are, and the next export could copy from the last pack rather than the original.
      const root = rootHolding(this.deps.db, input.destination);
      if (root) {
        throw new ApiFailure(
          'invalid-argument',
          `${input.destination} is inside ${root}, a folder of the library, so the pack would be indexed as well. Choose a folder outside the library.`,
          'destination',
        );
      }
      const current = this.plan(options, appVersion);
      plan = current;
      // The Annex A workbook can take seconds to build: say something is happening from the start.
      this.deps.onProgress({ phase: 'preparing', done: 0, total: 0, files: 0, secondsLeft: null, message: null });
      const extras = await this.extras(options, current);
      const result = await writePack({
        destination: input.destination,
        plan: current,
        extras,
        readExcerpts: () => readExcerpts(this.deps.db, current, controller.signal),
        request: options,
        signal: controller.signal,
        onProgress: this.deps.onProgress,
      });
      log('done', result, null);
      return result;
    } catch (error) {
      const cancelled = controller.signal.aborted;
      const failure = cancelled
        ? new ApiFailure('unavailable', 'The export was cancelled. The destination was left as it was.')
        : error instanceof ApiFailure
          ? error
          : new ApiFailure(error instanceof CopyError ? 'unavailable' : 'internal', `${(error as Error).message} The destination was left as it was.`);
      // A refusal before anything was written (a bad folder, a bad scope) is not an export to log.
      if (cancelled || !(error instanceof ApiFailure && error.code === 'invalid-argument')) log(cancelled ? 'cancelled' : 'failed', null, failure.message);
      this.deps.onProgress({ phase: cancelled ? 'cancelled' : 'failed', done: 0, total: 0, files: 0, secondsLeft: null, message: failure.message });
      throw failure;
    } finally {
      this.running = null;
    }
  }

  /** The Annex A workbook and the self-evaluation, when asked for and there to include. */
  private async extras(options: Options, plan: PackPlan): Promise<{ path: string; bytes: Uint8Array }[]> {
    const out: { path: string; bytes: Uint8Array }[] = [];
    if (options.include.includes('annexa')) {
      if (!this.annexaImport()) throw new ApiFailure('invalid-argument', 'There is no Annex A import to include: import the extracts in Annex A first, or leave it out.', 'include');
      const pseudonymised = options.audience !== 'inspection-team';
      const path = extraPath('annexa', pseudonymised);
      out.push({ path, bytes: await this.deps.annexa().workbook({ pseudonymise: pseudonymised }) });
      plan.content.extras.annexa = { path, pseudonymised };
    }
    if (options.include.includes('self-evaluation')) {
      const framework = this.deps.frameworks.require(plan.content.framework.id);
      if (!hasSelfEvaluation(this.deps.db, framework.id)) {
        throw new ApiFailure('invalid-argument', `Nothing of the self-evaluation for ${framework.title} has been written yet, so there is none to include.`, 'include');
      }
      const path = extraPath('self-evaluation', false);
      out.push({ path, bytes: await selfEvaluationDocx(this.deps.db, framework, new Map((framework.gradeScale ?? []).map((g) => [g.id, g.label]))) });
      plan.content.extras.selfEvaluation = path;
    }
    return out;
  }

  cancel(): void {
    this.running?.abort();
  }

  async verify(path: string): Promise<PackVerifyResult> {
    try {
      return await verifyPack(path);
    } catch (error) {
      throw new ApiFailure('invalid-argument', (error as Error).message, 'path');
    }
  }

  log(): PackLogEntry[] {
    return listExports(this.deps.db);
  }
}
