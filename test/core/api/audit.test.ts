/**
 * The audit log through the API, as every shell sees it: exports, Annex A imports and deletions
 * are recorded by the core with who, when and what, failures too; and "Delete all Annex A data"
 * leaves no child's data in any file of the data folder.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalApi } from '../../../core/api/local-client.ts';
import { annexASpec, DEFAULT_ANNEX_A_SPEC_ID } from '../../../shared/annexa/index.ts';
import { AuditEntry } from '../../../shared/audit.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import { evidenceLibrary } from '../../helpers/evidence-fixture.ts';
import { tempDir } from '../../helpers/temp.ts';

const PLAN = 'test-improvement-plan';
const CHILD_IDS = ['CHILDQX9041', 'CHILDQX9042', 'CHILDQX9043'];

async function library() {
  const dir = tempDir();
  // The data folder on its own, so "every file in it" means the app's files only.
  const dataDir = join(dir, 'data');
  const core = testCore(dir, { databasePath: join(dataDir, 'index.db'), workers: 1, timeoutMs: 30_000 });
  const { root, doc } = await evidenceLibrary(core, dir);
  const api = createLocalApi(core.api(testHost).dispatch, core.subscribe);
  return { dir, dataDir, api, root, doc };
}

/** An extract of List 1 with one row per child. */
function contactsExtract(dir: string): string {
  const list = annexASpec(DEFAULT_ANNEX_A_SPEC_ID)!.lists[0];
  const row = (id: string) => list.columns.map((c) => (c.key === 'childId' ? id : '')).join(',');
  const file = join(dir, 'contacts.csv');
  writeFileSync(file, [list.columns.map((c) => c.header.trim()).join(','), ...CHILD_IDS.map(row)].join('\r\n') + '\r\n');
  return file;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((name) => join(folder, name)).filter((f) => statSync(f).isFile());
}

describe('the audit log through the API', () => {
  it('records a pack export with where, how much and for whom, and a failed one as failed', async () => {
    const { dir, api, doc, root } = await library();
    await api.call('tags.add', { documentIds: [doc('pathway-plans.txt')], frameworkId: PLAN, criterionId: 'R1.1' });
    await api.call('evidence.save', { documentId: doc('pathway-plans.txt'), fields: { status: 'approved' } });
    const out = join(dir, 'Pack');
    await api.call('pack.export', { scope: { frameworkId: PLAN }, destination: out });
    rmSync(join(root, 'pathway-plans.txt'));
    await expect(api.call('pack.export', { scope: { frameworkId: PLAN }, destination: join(dir, 'Second') })).rejects.toThrow();
    // Refused before anything was written (inside the library): not an export, not logged.
    await expect(api.call('pack.export', { scope: { frameworkId: PLAN }, destination: join(root, 'Pack') })).rejects.toThrow();

    const { entries, total } = await api.call('audit.list', { action: 'pack.export' });
    expect(total).toBe(2);
    for (const e of entries) AuditEntry.parse(e);
    expect(entries[0]).toMatchObject({ outcome: 'failed', detail: expect.stringMatching(/^To .*Second: .*pathway-plans\.txt/) });
    expect(entries[1]).toMatchObject({ outcome: 'done', user: expect.any(String), detail: expect.stringMatching(/^To .*Pack: 1 evidence item, \d+ files, .+\.$/) });
  });

  it('records Annex A imports and deletions with counts, never a child’s id', async () => {
    const { dir, api } = await library();
    await api.call('annexa.import', { files: [{ path: contactsExtract(dir) }], inspectionDate: '2024-03-15' });
    await api.call('annexa.workbook', { pseudonymise: false });
    await api.call('annexa.clear', {});
    await expect(api.call('annexa.import', { files: [{ path: join(dir, 'not-there.csv') }], inspectionDate: '2024-03-15' })).rejects.toThrow(/could not be read/);

    const { entries } = await api.call('audit.list', {});
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([
      ['annexa.import', 'failed'],
      ['annexa.clear', 'done'],
      ['annexa.workbook', 'done'],
      ['annexa.import', 'done'],
    ]);
    expect(entries[0].detail).toMatch(/^From .*not-there\.csv: .*could not be read/);
    expect(entries[3].detail).toMatch(/^3 rows imported into 1 list for the inspection on 15\/03\/2024 \(List 1: 3 rows from .*contacts\.csv\)/);
    expect(entries[2].detail).toContain('child-level');
    expect(entries[1].detail).toContain('Saved column mappings kept');
    const { csv } = await api.call('audit.export', {});
    for (const id of CHILD_IDS) expect(csv).not.toContain(id);
  });

  it('“Delete all Annex A data” leaves no child’s id in any file of the data folder', async () => {
    const { dir, dataDir, api } = await library();
    await api.call('annexa.import', { files: [{ path: contactsExtract(dir) }], inspectionDate: '2024-03-15' });
    const before = filesUnder(dataDir).map((f) => readFileSync(f).toString('latin1')).join('');
    expect(before).toContain(CHILD_IDS[0]);

    await api.call('annexa.clear', {});

    const left = filesUnder(dataDir);
    expect(left.length).toBeGreaterThan(0);
    for (const file of left) {
      const bytes = readFileSync(file);
      for (const id of CHILD_IDS) expect(bytes.includes(id), `${id} in ${file}`).toBe(false);
    }
    expect(await api.call('annexa.status', {})).toBeNull();
  });

  it('exports the log as CSV and has no way to change it', async () => {
    const { api } = await library();
    await api.call('annexa.clear', {});
    const { csv, entries } = await api.call('audit.export', {});
    expect(entries).toBe(1);
    expect(csv).toMatch(/^\uFEFFTime,Who,What,Outcome,Detail,/u);
    expect(csv).toMatch(/\r\n\d{2}\/\d{2}\/\d{4} \d{2}:\d{2},[^,]+,Annex A data deleted,done,/u);
    const { METHOD_NAMES } = await import('../../../shared/channels.ts');
    expect(METHOD_NAMES.filter((m) => m.startsWith('audit.'))).toEqual(['audit.list', 'audit.export']);
  });
});
