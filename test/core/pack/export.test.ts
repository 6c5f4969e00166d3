import { type Dirent, appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../core/core.ts';
import { createLocalApi } from '../../../core/api/local-client.ts';
import type { Api } from '../../../shared/contract.ts';
import { ApiCallError } from '../../../shared/api-error.ts';
import { PACK_FILES } from '../../../shared/pack.ts';
import { annexASpec, DEFAULT_ANNEX_A_SPEC_ID } from '../../../shared/annexa/index.ts';
import { unzipSync, strFromU8 } from 'fflate';
import { testCore, testHost } from '../../helpers/core.ts';
import { evidenceLibrary } from '../../helpers/evidence-fixture.ts';
import { tempDir } from '../../helpers/temp.ts';

const PLAN = 'test-improvement-plan';

async function library(): Promise<{ dir: string; core: Core; api: Api; root: string; doc: (name: string) => number }> {
  const dir = tempDir();
  const core = testCore(dir);
  const { root, doc } = await evidenceLibrary(core, dir);
  const { dispatch } = core.api(testHost);
  const api = createLocalApi(dispatch, core.subscribe);
  return { dir, core, api, root, doc };
}

/** Tags a file against criteria and sets its status. */
async function evidence(api: Api, documentId: number, criteria: string[], status: 'approved' | 'draft' = 'approved', title?: string) {
  for (const criterionId of criteria) await api.call('tags.add', { documentIds: [documentId], frameworkId: PLAN, criterionId, strength: 'key', note: `serves ${criterionId}` });
  return api.call('evidence.save', { documentId, fields: { status, ...(title ? { title } : {}) } });
}

const files = (folder: string): string[] =>
  (readdirSync(folder, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(folder.length + 1).split('\\').join('/'))
    .sort();

const scope = (extra: object = {}) => ({ scope: { frameworkId: PLAN, ...extra } });

describe('exporting a pack', () => {
  it('files approved evidence by judgement, with the index, the workbook, pack.json and a manifest that verifies', async () => {
    const { dir, api, doc } = await library();
    await evidence(api, doc('pathway-plans.txt'), ['R1.1', 'R2.1']);
    await evidence(api, doc('supervision-audit.txt'), ['R2.1']);
    await evidence(api, doc('housing.txt'), ['R1.2'], 'draft');
    const out = join(dir, 'Pack');

    const result = await api.call('pack.export', { ...scope(), destination: out });

    expect(result).toMatchObject({ pack: out, evidence: 2, copied: 2, reused: 0, verify: { ok: true, missing: [], changed: [], extra: [], problems: [] } });
    const written = files(out);
    expect(written).toEqual(
      expect.arrayContaining([
        'evidence/1 Recommendation 1_ care leavers/pathway-plans.txt',
        'evidence/2 Recommendation 2_ supervision/supervision-audit.txt',
        PACK_FILES.index, PACK_FILES.workbook, PACK_FILES.meta, PACK_FILES.manifest,
      ]),
    );
    // The draft stays out; each file is copied once, however many criteria it serves.
    expect(written.filter((f) => f.startsWith('evidence/'))).toHaveLength(2);
    expect(result.files).toBe(written.length);
    expect(readFileSync(join(out, 'evidence/1 Recommendation 1_ care leavers/pathway-plans.txt'), 'utf8')).toContain('Pathway plan quality improved');
    const manifest = readFileSync(join(out, PACK_FILES.manifest), 'utf8');
    expect(manifest.trim().split('\n')).toHaveLength(written.length - 1);
    expect(manifest).toMatch(/^[0-9a-f]{64} {2}evidence\/1 Recommendation 1_ care leavers\/pathway-plans\.txt$/mu);
    const meta = JSON.parse(readFileSync(join(out, PACK_FILES.meta), 'utf8'));
    expect(meta).toMatchObject({ schema: 'evidence-store/pack@1', framework: { id: PLAN }, counts: { evidence: 2, files: 2 }, appVersion: '0.0.0-test' });
    expect(await api.call('pack.verify', { path: out })).toEqual({ ok: true, files: written.length - 1, missing: [], changed: [], extra: [], problems: [] });
    // Nothing is left beside the pack.
    expect(readdirSync(dir).filter((n) => n.startsWith('.Pack'))).toEqual([]);
  });

  it('takes drafts and chosen judgements only when asked', async () => {
    const { dir, api, doc } = await library();
    await evidence(api, doc('pathway-plans.txt'), ['R1.1']);
    await evidence(api, doc('supervision-audit.txt'), ['R2.1']);
    await evidence(api, doc('housing.txt'), ['R1.2'], 'draft');
    const preview = await api.call('pack.preview', scope({ judgementIds: ['r1'], statuses: ['approved', 'draft'] }));
    expect(preview).toMatchObject({ evidence: 2, files: 2, judgements: [{ id: 'r1', evidence: 2, criteria: 3 }] });
    const out = join(dir, 'Care leavers');
    await api.call('pack.export', { ...scope({ judgementIds: ['R1'], statuses: ['approved', 'draft'] }), destination: out });
    expect(files(out).filter((f) => f.startsWith('evidence/'))).toEqual([
      'evidence/1 Recommendation 1_ care leavers/housing.txt',
      'evidence/1 Recommendation 1_ care leavers/pathway-plans.txt',
    ]);
    await expect(api.call('pack.preview', scope({ judgementIds: ['r9'] }))).rejects.toMatchObject({ code: 'invalid-argument', field: 'scope.judgementIds' });
  });

  it('previews what is left out: a file no longer there, personal data, a changed file', async () => {
    const { core, api, doc, root } = await library();
    await evidence(api, doc('pathway-plans.txt'), ['R1.1']);
    await evidence(api, doc('supervision-audit.txt'), ['R2.1']);
    await api.call('evidence.save', { documentId: doc('supervision-audit.txt'), fields: { personalData: true } });
    await evidence(api, doc('housing.txt'), ['R1.2']);
    rmSync(join(root, 'housing.txt'));
    await api.call('scan.run', {});
    const preview = await api.call('pack.preview', scope());
    expect(preview).toMatchObject({ evidence: 3, files: 2, personalData: 1, missing: [{ title: expect.any(String) }], annexa: null, selfEvaluation: false });
    expect(preview.bytes).toBe(statSync(join(root, 'pathway-plans.txt')).size + statSync(join(root, 'supervision-audit.txt')).size);
    void core;
  });

  it('replaces a previous pack only after the new one verified, reusing the files that did not change', async () => {
    const { dir, api, doc, root } = await library();
    await evidence(api, doc('pathway-plans.txt'), ['R1.1']);
    await evidence(api, doc('supervision-audit.txt'), ['R2.1']);
    const out = join(dir, 'Pack');
    await api.call('pack.export', { ...scope(), destination: out });
    appendFileSync(join(root, 'supervision-audit.txt'), ' A second audit in March.');
    await api.call('scan.run', {});

    const again = await api.call('pack.export', { ...scope(), destination: out });

    expect(again).toMatchObject({ copied: 1, reused: 1, verify: { ok: true } });
    expect(readFileSync(join(out, 'evidence/2 Recommendation 2_ supervision/supervision-audit.txt'), 'utf8')).toContain('second audit');
    expect(readdirSync(dir).filter((n) => n.startsWith('.Pack'))).toEqual([]);
  });

  it('holds what a file says now when it changed after it was indexed, and marks it changed', async () => {
    const { dir, api, doc, root } = await library();
    await evidence(api, doc('pathway-plans.txt'), ['R1.1']);
    writeFileSync(join(root, 'pathway-plans.txt'), 'Rewritten after the scan, same name.');
    const out = join(dir, 'Pack');
    const result = await api.call('pack.export', { ...scope(), destination: out });
    expect(result.verify.ok).toBe(true);
    expect(readFileSync(join(out, 'evidence/1 Recommendation 1_ care leavers/pathway-plans.txt'), 'utf8')).toBe('Rewritten after the scan, same name.');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('The file changed after it was tagged');
  });

  it('refuses a folder that holds anything but a pack, and writes nothing there or beside it', async () => {
    const { dir, api, doc } = await library();
    await evidence(api, doc('pathway-plans.txt'), ['R1.1']);
    const out = join(dir, 'Documents');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.docx'), 'mine');
    const error = await api.call('pack.export', { ...scope(), destination: out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ code: 'invalid-argument', field: 'destination', message: expect.stringContaining('already holds other files') });
    expect(files(out)).toEqual(['notes.docx']);
    expect(readdirSync(dir).filter((n) => n.startsWith('.Documents'))).toEqual([]);
    await expect(api.call('pack.export', { ...scope(), destination: join(dir, 'no such folder', 'Pack') })).rejects.toMatchObject({ field: 'destination' });
    // Inside a folder of the library, it would be indexed as well.
    await expect(api.call('pack.export', { ...scope(), destination: join(dir, 'Evidence', 'Pack') })).rejects.toMatchObject({
      field: 'destination',
      message: expect.stringContaining('a folder of the library'),
    });
    expect(existsSync(join(dir, 'Evidence', 'Pack'))).toBe(false);
  });

  it('leaves the previous pack as it was when an export fails, and logs it', async () => {
    const { dir, api, doc, root } = await library();
    await evidence(api, doc('pathway-plans.txt'), ['R1.1']);
    await evidence(api, doc('supervision-audit.txt'), ['R2.1']);
    const out = join(dir, 'Pack');
    await api.call('pack.export', { ...scope(), destination: out });
    const before = files(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]);
    // Gone since the last scan: the index still thinks it is there.
    rmSync(join(root, 'supervision-audit.txt'));

    await expect(api.call('pack.export', { ...scope(), destination: out })).rejects.toMatchObject({ message: expect.stringContaining('left as it was') });

    expect(files(out).map((f) => [f, readFileSync(join(out, f), 'utf8')])).toEqual(before);
    expect(readdirSync(dir).filter((n) => n.startsWith('.Pack'))).toEqual([]);
    const log = await api.call('pack.log', {});
    expect(log.map((e) => e.outcome)).toEqual(['failed', 'done']);
    expect(log[0]).toMatchObject({ destination: out, frameworkId: PLAN, user: expect.any(String), message: expect.stringContaining('supervision-audit.txt') });
    expect(log[1]).toMatchObject({ evidence: 2, statuses: ['approved'], include: [], audience: 'shared' });
  });

  it('stops when cancelled, leaving the destination as it was', async () => {
    const { dir, api, doc } = await library();
    await evidence(api, doc('pathway-plans.txt'), ['R1.1']);
    const out = join(dir, 'Pack');
    const off = api.on('pack.progress', (p) => {
      if (p.phase === 'copying') void api.call('pack.cancel', {});
    });
    await expect(api.call('pack.export', { ...scope(), destination: out })).rejects.toMatchObject({ message: expect.stringContaining('cancelled') });
    off();
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('.Pack'))).toEqual([]);
    expect((await api.call('pack.log', {}))[0]).toMatchObject({ outcome: 'cancelled' });
  });

  it('includes the self-evaluation when one is written, and refuses extras that are not there', async () => {
    const { dir, api, doc } = await library();
    await evidence(api, doc('pathway-plans.txt'), ['R1.1']);
    const out = join(dir, 'Pack');
    await expect(api.call('pack.export', { ...scope(), include: ['self-evaluation'], destination: out })).rejects.toMatchObject({ field: 'include' });
    await expect(api.call('pack.export', { ...scope(), include: ['annexa'], destination: out })).rejects.toMatchObject({ field: 'include' });
    expect(existsSync(out)).toBe(false);
    await api.call('selfEvaluation.save', { frameworkId: PLAN, judgementId: 'r1', know: 'Plans are better.', how: 'Audits.', next: 'Keep going.', grade: null, evidenceIds: [] });
    expect((await api.call('pack.preview', scope())).selfEvaluation).toBe(true);
    await api.call('pack.export', { ...scope(), include: ['self-evaluation'], destination: out });
    expect(readFileSync(join(out, PACK_FILES.selfEvaluation)).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(join(out, PACK_FILES.manifest), 'utf8')).toContain(`  ${PACK_FILES.selfEvaluation}\n`);
  });

  it('includes the Annex A workbook: the pseudonymised copy unless the audience is the inspection team', async () => {
    const { dir, api, doc } = await library();
    await evidence(api, doc('pathway-plans.txt'), ['R1.1']);
    const list = annexASpec(DEFAULT_ANNEX_A_SPEC_ID)!.lists[0];
    const value = (key: string) => (key === 'childId' ? 'CHILD-7781' : '');
    writeFileSync(join(dir, 'contacts.csv'), `${list.columns.map((c) => c.header.trim()).join(',')}\r\n${list.columns.map((c) => value(c.key)).join(',')}\r\n`);
    await api.call('annexa.import', { files: [{ path: join(dir, 'contacts.csv') }], inspectionDate: '2024-03-15' });
    expect((await api.call('pack.preview', scope())).annexa).toMatchObject({ inspectionDate: '2024-03-15' });
    const sheets = (file: string) => Object.entries(unzipSync(readFileSync(file))).filter(([name]) => name.startsWith('xl/')).map(([, bytes]) => strFromU8(bytes)).join('');

    await api.call('pack.export', { ...scope(), include: ['annexa'], destination: join(dir, 'Shared') });
    expect(files(join(dir, 'Shared')).filter((f) => f.startsWith('annex-a/'))).toEqual(['annex-a/Annex A (pseudonymised).xlsx']);
    expect(sheets(join(dir, 'Shared', 'annex-a/Annex A (pseudonymised).xlsx'))).not.toContain('CHILD-7781');

    await api.call('pack.export', { ...scope(), include: ['annexa'], audience: 'inspection-team', destination: join(dir, 'Inspectors') });
    expect(sheets(join(dir, 'Inspectors', 'annex-a/Annex A.xlsx'))).toContain('CHILD-7781');
    expect(JSON.parse(readFileSync(join(dir, 'Inspectors', PACK_FILES.meta), 'utf8')).extras.annexa).toEqual({ path: 'annex-a/Annex A.xlsx', pseudonymised: false });
  });
});
