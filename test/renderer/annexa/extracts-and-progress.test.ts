import { describe, expect, it } from 'vitest';
import { addExtracts, chunkedBase64, extractFromPath, extractsFromFiles, fileToBase64, toFileRefs } from '../../../renderer/src/annexa/extracts.ts';
import { progressWords, uploadWords } from '../../../renderer/src/annexa/progress-text.ts';

const csv = (name: string, text: string) => new File([text], name, { type: 'text/csv', lastModified: 1 });

describe('extracts', () => {
  it('go as paths where the shell knows them (desktop), as uploads where it does not (browser)', () => {
    const files = [csv('a.csv', 'x'), csv('b.csv', 'y')];
    const desktop = extractsFromFiles(files, (f) => `C:\\Extracts\\${f.name}`);
    expect(desktop.map((e) => e.kind)).toEqual(['path', 'path']);
    expect(desktop[0]).toMatchObject({ name: 'a.csv', path: 'C:\\Extracts\\a.csv' });
    expect(extractsFromFiles(files, () => null).map((e) => e.kind)).toEqual(['upload', 'upload']);
  });

  it('are listed once each, however often they are added; a typed path loses its quotes', () => {
    const a = extractsFromFiles([csv('a.csv', 'x')], () => null);
    expect(addExtracts(a, extractsFromFiles([csv('a.csv', 'x'), csv('b.csv', 'y')], () => null)).map((e) => e.name)).toEqual(['a.csv', 'b.csv']);
    expect(extractFromPath(' "\\\\server\\share\\Annex A\\list1.csv" ')).toMatchObject({ name: 'list1.csv', path: '\\\\server\\share\\Annex A\\list1.csv' });
  });

  it('hands uploads over as base64 (each time: an import consumes them), and paths as they are', async () => {
    const big = new Uint8Array(100_003).map((_, i) => (i * 7) % 256);
    expect(await fileToBase64(new Blob([big]))).toBe(Buffer.from(big).toString('base64'));
    expect(chunkedBase64(big)).toBe(Buffer.from(big).toString('base64'));
    const staged: string[] = [];
    const steps: string[] = [];
    const extracts = [...extractsFromFiles([csv('a.csv', 'Child ID\n1')], () => null), extractFromPath('/data/b.csv')];
    const refs = await toFileRefs(
      extracts,
      async (name, base64) => {
        staged.push(`${name}:${Buffer.from(base64, 'base64').toString()}`);
        return `id-${staged.length}`;
      },
      (s) => steps.push(uploadWords(s).detail),
    );
    expect(refs).toEqual([{ staged: 'id-1' }, { path: '/data/b.csv' }]);
    expect(staged).toEqual(['a.csv:Child ID\n1']);
    expect(steps).toEqual(['Handing over a.csv (1 of 1)…']);
  });

  it('says in words when a file cannot be read in the page (a folder dropped, a file moved)', async () => {
    const broken = { kind: 'upload', id: 'u', name: 'Extracts', size: 0, file: { arrayBuffer: () => Promise.reject(new Error('NotReadableError')) } as unknown as File } as const;
    await expect(toFileRefs([broken], async () => 'x')).rejects.toThrow(/Extracts could not be read from this computer/u);
  });
});

describe('progress in words', () => {
  it('counts rows on screen, but announces only each phase', () => {
    const reading = progressWords({ phase: 'reading', done: 12000, total: null, secondsLeft: null, message: 'contacts.csv' });
    expect(reading.detail).toBe('Reading the extracts: 12,000 rows so far (contacts.csv)…');
    const later = progressWords({ phase: 'reading', done: 24000, total: null, secondsLeft: null, message: 'contacts.csv' });
    expect(later.announce).toBe(reading.announce);
    expect(progressWords({ phase: 'reading', done: 0, total: 3, secondsLeft: null, message: null }).detail).toBe('Reading 3 files…');
    expect(progressWords({ phase: 'validating', done: 12345, total: 12345, secondsLeft: null, message: null }).announce).toBe('Checking 12,345 rows against the Annex A rules…');
    expect(progressWords({ phase: 'failed', done: 0, total: null, secondsLeft: null, message: 'No Annex A list was found.' }).detail).toBe('No Annex A list was found.');
  });
});
