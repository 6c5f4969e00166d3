/**
 * `npm run bench:suggest`: quality of the criterion suggestions on a labelled set
 * (test/fixtures/suggestions/labels.json: council documents written for the purpose, plus the
 * relevant children's-services reports of ../shared/corpus when present). Prints precision at 3
 * (how many of the top three suggestions are right) and hit rate at 3.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../core/core.ts';
import { addRoot } from '../core/store/roots.ts';
import { suggestCriteria } from '../core/evidence/suggestions.ts';

const fixtures = fileURLToPath(new URL('../test/fixtures/suggestions/', import.meta.url));
const corpus = process.env.EVIDENCE_CORPUS ?? fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const { framework: frameworkId, labels } = JSON.parse(readFileSync(join(fixtures, 'labels.json'), 'utf8')) as { framework: string; labels: Record<string, string[]> };

const work = mkdtempSync(join(tmpdir(), 'evidence-suggest-'));
const folder = join(work, 'Evidence');
mkdirSync(folder);
const names = new Map<string, string>();
for (const key of Object.keys(labels)) {
  const source = key.startsWith('corpus:') ? join(corpus, key.slice(7)) : join(fixtures, key);
  if (!existsSync(source)) continue;
  cpSync(source, join(folder, basename(source)));
  names.set(key, basename(source));
}
const core = openCore({ databasePath: join(work, 'suggest.db') });
try {
  await core.indexer.scanRoot(addRoot(core.db, folder).id);
  const framework = core.frameworks.require(frameworkId);
  let precision = 0;
  let hits = 0;
  let n = 0;
  for (const [key, expected] of Object.entries(labels)) {
    const name = names.get(key);
    if (!name) continue;
    const documentId = core.db.prepare('SELECT document_id FROM files WHERE path = ?').pluck().get(join(folder, name)) as number | null;
    if (!documentId) continue;
    const top = suggestCriteria(core.db, framework, documentId, { limit: 3 }).map((s) => s.criterionId);
    const right = top.filter((id) => expected.includes(id)).length;
    precision += right / 3;
    hits += right > 0 ? 1 : 0;
    n++;
    console.log(`${right}/3  ${name.padEnd(48)} suggested ${top.join(', ').padEnd(18)} expected ${expected.join(', ')}`);
  }
  console.log(`\n${n} labelled documents; precision at 3 = ${(precision / n).toFixed(2)}; hit rate at 3 = ${(hits / n).toFixed(2)}`);
} finally {
  await core.close();
  rmSync(work, { recursive: true, force: true });
}
