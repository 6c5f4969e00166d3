/**
 * "Remove folder and forget its text": afterwards no byte of the index file (or its -wal) holds a
 * word only that folder's documents had, search finds nothing, and evidence made of them stays.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalApi } from '../../../core/api/local-client.ts';
import { newRawKey, type StoreKey } from '../../../core/core.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import { tempDir } from '../../helpers/temp.ts';

// Words no other document has: one in a plain document, one in a document made evidence.
const SECRET = 'quixotryzephyrine';
const EVIDENCE_SECRET = 'marzipanoctolith';

async function twoFolders(key?: StoreKey) {
  const dir = tempDir();
  const databasePath = join(dir, 'index.db');
  const core = testCore(dir, { databasePath, workers: 1, timeoutMs: 30_000, key });
  const api = createLocalApi(core.api(testHost).dispatch, core.subscribe);
  const leaving = join(dir, 'Leaving');
  const staying = join(dir, 'Staying');
  mkdirSync(leaving);
  mkdirSync(staying);
  for (let i = 0; i < 40; i++) writeFileSync(join(leaving, `note-${i}.txt`), `Visit note ${i}. The ${SECRET} was discussed with the family. ${'Padding text. '.repeat(200)}`);
  writeFileSync(join(leaving, 'audit.txt'), `Case audit: the ${EVIDENCE_SECRET} review found plans up to date.`);
  writeFileSync(join(staying, 'policy.txt'), 'Supervision policy for the safeguarding teams.');
  const gone = await api.call('roots.add', { path: leaving, scan: false });
  const kept = await api.call('roots.add', { path: staying, scan: false });
  await api.call('scan.run', {});
  const auditDoc = await api.call('documents.byPath', { path: join(leaving, 'audit.txt') });
  const item = await api.call('evidence.save', { documentId: auditDoc.documentId, fields: { title: 'Case audit, spring', status: 'approved' } });
  return { core, api, databasePath, gone, kept, item, auditDoc };
}

/** The index file and its -wal as bytes, as anyone with the laptop's disk could read them. */
function rawBytes(databasePath: string): Buffer {
  return Buffer.concat([databasePath, `${databasePath}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

describe('removing a folder and forgetting its text', () => {
  it('leaves no byte of its words in the index file, finds nothing, and keeps the evidence made of it', async () => {
    const { api, databasePath, gone, kept, item, auditDoc } = await twoFolders();
    expect((await api.call('search.query', { query: SECRET })).total).toBe(40);
    // Before: the words are there to be read in the file or its -wal.
    expect(rawBytes(databasePath).includes(SECRET)).toBe(true);

    expect(await api.call('roots.remove', { rootId: gone.id, forgetText: true })).toEqual({ ok: true, textForgotten: 41 });

    const bytes = rawBytes(databasePath);
    expect(bytes.includes(SECRET)).toBe(false);
    expect(bytes.includes(EVIDENCE_SECRET)).toBe(false);
    expect((await api.call('search.query', { query: SECRET })).total).toBe(0);
    expect((await api.call('search.query', { query: EVIDENCE_SECRET })).total).toBe(0);
    // A substring search (the trigram index) finds nothing either.
    expect((await api.call('search.query', { query: 'zephyrin' })).total).toBe(0);
    // The other folder and its text are untouched.
    expect((await api.call('roots.list', {})).map((r) => r.id)).toEqual([kept.id]);
    expect((await api.call('search.query', { query: 'supervision policy' })).total).toBe(1);
    // The evidence stays, its file missing, its document without text and saying why.
    expect(await api.call('evidence.get', { documentId: auditDoc.documentId })).toMatchObject({ id: item.id, title: 'Case audit, spring', status: 'approved', fileMissing: true });
    expect(await api.call('documents.get', auditDoc)).toMatchObject({ title: 'Case audit, spring', pages: [], warning: 'text-forgotten', locations: [] });
    const [entry] = (await api.call('audit.list', {})).entries;
    expect(entry).toMatchObject({ action: 'roots.remove', outcome: 'done', detail: expect.stringContaining('text forgotten: 41 documents (1 evidence item kept without text)') });
  });

  it('compacts an encrypted index too (the compaction worker opens it with the same key)', async () => {
    const { api, gone, databasePath } = await twoFolders(newRawKey());
    expect(await api.call('roots.remove', { rootId: gone.id, forgetText: true })).toEqual({ ok: true, textForgotten: 41 });
    expect((await api.call('search.query', { query: SECRET })).total).toBe(0);
    expect(rawBytes(databasePath).includes('SQLite format 3')).toBe(false);
    expect((await api.call('audit.list', {})).entries[0]).toMatchObject({ action: 'roots.remove', outcome: 'done' });
  });

  it('reads the text again when the folder comes back', async () => {
    const { api, gone, auditDoc } = await twoFolders();
    await api.call('roots.remove', { rootId: gone.id, forgetText: true });
    const back = await api.call('roots.add', { path: gone.path, scan: false });
    await api.call('scan.run', { rootIds: [back.id] });
    expect(await api.call('documents.get', auditDoc)).toMatchObject({ warning: null, pageCount: 1 });
    expect((await api.call('search.query', { query: EVIDENCE_SECRET })).results.map((r) => r.documentId)).toEqual([auditDoc.documentId]);
    expect(await api.call('evidence.get', auditDoc)).toMatchObject({ fileMissing: false });
  });

  it('without forgetting, keeps the text of evidence documents (as before) and says so in the audit log', async () => {
    const { api, gone, auditDoc } = await twoFolders();
    expect(await api.call('roots.remove', { rootId: gone.id })).toEqual({ ok: true, textForgotten: 0 });
    expect(await api.call('documents.get', auditDoc)).toMatchObject({ pageCount: 1, warning: null });
    expect((await api.call('audit.list', { action: 'roots.remove' })).entries).toMatchObject([{ detail: expect.stringContaining('was kept') }]);
  });
});
