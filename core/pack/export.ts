/**
 * Writing a pack: copy the evidence, write the site, the Excel index, the extras, pack.json and the
 * manifest into a working folder beside the destination, verify it the way `verify` does, and only
 * then put it in the destination's place (destination.ts). Anything that goes wrong, a cancel
 * included, removes the working folder and leaves the destination as it was.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PACK_FILES, PACK_SCHEMA, type PackExportResult, type PackProgress } from '../../shared/pack.ts';
import { copyEvidence, type CopyOptions } from './copy.ts';
import { prepareDestination, swapIntoPlace, workingFolder } from './destination.ts';
import { evidenceIndexBytes } from './evidence-workbook.ts';
import { formatManifest, parseManifest } from './manifest.ts';
import type { PackPlan } from './plan.ts';
import { buildPackSiteInWorker } from './site/build-in-worker.ts';
import { verifyPack } from './verify.ts';

export interface ExportInput {
  destination: string;
  plan: PackPlan;
  /** Extras already made (the Annex A workbook, the self-evaluation), by path inside the pack. */
  extras: { path: string; bytes: Uint8Array }[];
  /** Fills the items' text excerpts (plan.ts readExcerpts); run while the files copy. */
  readExcerpts: () => Promise<void>;
  /** What pack.json records of how the pack was asked for. */
  request: Record<string, unknown>;
  signal: AbortSignal;
  onProgress: (progress: PackProgress) => void;
}

/** Progress within one phase, with time left once there is enough to go on. */
function phaseClock(phase: PackProgress['phase'], total: number, onProgress: ExportInput['onProgress']) {
  const started = Date.now();
  let done = 0;
  let files = 0;
  let last = 0;
  const emit = (force = false) => {
    const now = Date.now();
    if (!force && now - last < 200) return;
    last = now;
    const elapsed = (now - started) / 1000;
    const secondsLeft = done > 0 && elapsed >= 1 && total > done ? Math.round((elapsed / done) * (total - done)) : done >= total ? 0 : null;
    onProgress({ phase, done, total, files, secondsLeft, message: null });
  };
  emit(true);
  return {
    add(bytes: number, file = 1) {
      done += bytes;
      files += file;
      emit();
    },
    end: () => emit(true),
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function previousManifest(folder: string): Promise<CopyOptions['previous']> {
  try {
    const { entries } = parseManifest(await readFile(join(folder, PACK_FILES.manifest), 'utf8'));
    const shaByPath = new Map(entries.map((e) => [e.path, e.sha256]));
    const pathBySha = new Map(entries.map((e) => [e.sha256, e.path]));
    return { folder, shaByPath, pathBySha };
  } catch {
    return null;
  }
}

export async function writePack(input: ExportInput): Promise<PackExportResult> {
  const started = Date.now();
  const { plan, signal } = input;
  input.onProgress({ phase: 'preparing', done: 0, total: 0, files: 0, secondsLeft: null, message: null });
  const destination = await prepareDestination(input.destination);
  const working = await workingFolder(destination.path);
  try {
    const previous = destination.previous ? await previousManifest(destination.path) : null;
    const copying = phaseClock('copying', plan.bytes, input.onProgress);
    const [copied] = await Promise.all([copyEvidence(plan.sources, { working, previous, signal, onBytes: (b) => copying.add(b) }), input.readExcerpts()]);
    copying.end();
    signal.throwIfAborted();

    // What the copies found goes into the listing: a file changed since it was indexed shows as changed.
    const items = plan.content.items.map((item) => ({ ...item }));
    for (const [i, c] of copied.entries()) {
      const item = items[plan.sources[i].item];
      item.bytes = c.bytes;
      if (c.changedSinceIndexed) item.changedSinceTagged = true;
    }
    const content = { ...plan.content, items };

    const generated: { path: string; bytes: Uint8Array }[] = [
      // The search index is seconds of CPU for thousands of items: built in a worker, cancellable.
      ...(await buildPackSiteInWorker(content, { signal })),
      { path: PACK_FILES.workbook, bytes: (await evidenceIndexBytes(content)).bytes },
      ...input.extras,
    ];
    const meta = {
      schema: PACK_SCHEMA,
      createdAt: content.createdAt,
      appVersion: content.appVersion,
      framework: content.framework,
      scope: { judgements: content.judgements.map((j) => ({ id: j.id, title: j.title })), statuses: content.statuses },
      request: input.request,
      counts: { evidence: items.length, files: copied.length, criteria: content.judgements.reduce((n, j) => n + j.criteria.length, 0) },
      extras: content.extras,
    };
    generated.push({ path: PACK_FILES.meta, bytes: new TextEncoder().encode(JSON.stringify(meta, null, 2) + '\n') });
    const writing = phaseClock('writing', generated.reduce((n, g) => n + g.bytes.byteLength, 0), input.onProgress);
    for (const g of generated) {
      signal.throwIfAborted();
      const target = join(working, ...g.path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, g.bytes);
      writing.add(g.bytes.byteLength);
    }
    writing.end();

    const listed = [...copied.map((c) => ({ path: c.path, sha256: c.sha256 })), ...generated.map((g) => ({ path: g.path, sha256: sha256(g.bytes) }))];
    await writeFile(join(working, PACK_FILES.manifest), formatManifest(listed));

    const total = copied.reduce((n, c) => n + c.bytes, 0) + generated.reduce((n, g) => n + g.bytes.byteLength, 0);
    const verifying = phaseClock('verifying', total, input.onProgress);
    let seen = 0;
    const verify = await verifyPack(working, {
      signal,
      hashed: new Map(copied.map((c) => [c.path, c.sha256])),
      onProgress: (p) => {
        verifying.add(p.done - seen, 0);
        seen = p.done;
      },
    });
    verifying.end();
    if (!verify.ok) {
      const first = [...verify.changed, ...verify.missing, ...verify.extra][0] ?? '';
      throw new Error(`The new pack did not verify (${first}${verify.changed.length + verify.missing.length + verify.extra.length > 1 ? ' and others' : ''}); the destination was left as it was.`);
    }
    signal.throwIfAborted();
    await swapIntoPlace(working, destination.path);
    const result: PackExportResult = {
      pack: destination.path,
      files: listed.length + 1,
      evidence: items.length,
      bytes: total,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      copied: copied.filter((c) => !c.reused).length,
      reused: copied.filter((c) => c.reused).length,
      verify,
    };
    input.onProgress({ phase: 'done', done: total, total, files: result.files, secondsLeft: 0, message: null });
    return result;
  } finally {
    // After a successful swap the working folder is the pack and no longer exists under this name.
    await rm(working, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
}
