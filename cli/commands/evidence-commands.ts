/**
 * `frameworks`, `coverage` and `tag`: the evidence side of the store, for scripts.
 */
import { resolve } from 'node:path';
import { openDatabase } from '../../core/store/database.ts';
import { FrameworkRegistry } from '../../core/evidence/frameworks.ts';
import { builtInFrameworkSource } from '../../core/evidence/builtin-source.ts';
import { coverage } from '../../core/evidence/coverage.ts';
import { addTag, saveEvidence, type EvidenceStatus, type Strength } from '../../core/evidence/evidence.ts';
import { flattenCriteria } from '../../core/evidence/framework-shape.ts';
import { currentUser } from '../../core/evidence/user.ts';
import { UsageError } from '../main.ts';

function withRegistry<T>(databasePath: string, run: (db: ReturnType<typeof openDatabase>, registry: FrameworkRegistry) => T): T {
  const db = openDatabase(databasePath);
  try {
    return run(db, new FrameworkRegistry(db, builtInFrameworkSource));
  } finally {
    db.close();
  }
}

export function runFrameworks(options: { databasePath: string; json: boolean }): number {
  return withRegistry(options.databasePath, (_db, registry) => {
    const list = registry.list();
    if (options.json) console.log(JSON.stringify({ frameworks: list }));
    else for (const f of list) console.log(`${f.isDefault ? '*' : ' '} ${f.id.padEnd(20)} ${f.shortTitle} (${f.judgements} judgements, ${f.criteria} criteria${f.builtIn ? '' : ', yours'})`);
    return 0;
  });
}

export function runCoverage(options: { databasePath: string; json: boolean; framework?: string }): number {
  return withRegistry(options.databasePath, (db, registry) => {
    const framework = registry.get(options.framework);
    if (!framework) throw new UsageError(`There is no framework “${options.framework}”. See: evidence-store frameworks`);
    const c = coverage(db, framework);
    if (options.json) {
      console.log(
        JSON.stringify({
          framework: framework.id,
          judgements: c.judgements.map((j) => ({
            id: j.id,
            title: j.title,
            criteria: j.criteria.map((x) => ({ id: x.id, title: x.title, approved: x.approved, draft: x.draft, stale: x.stale, key: x.key, supporting: x.supporting })),
          })),
        }),
      );
      return 0;
    }
    console.log(`${framework.title}: ${c.evidenceCount} evidence items tagged`);
    for (const j of c.judgements) {
      console.log(`\n${j.title}  (${j.gaps} of ${j.criteria.length} criteria without approved evidence)`);
      for (const x of j.criteria) {
        console.log(`  ${x.gap ? '!' : ' '} ${'  '.repeat(x.depth)}${x.id.padEnd(8)} approved ${x.approved}  draft ${x.draft}  stale ${x.stale}  ${x.title}`);
      }
    }
    return 0;
  });
}

export function runTag(options: {
  databasePath: string;
  json: boolean;
  path?: string;
  criteria: string[];
  framework?: string;
  status?: string;
  strength?: string;
}): number {
  if (!options.path || !options.criteria.length) throw new UsageError('Usage: evidence-store tag <path> <criterion-id>... [--framework ID] [--status approved]');
  if (options.status && !['draft', 'approved', 'retired'].includes(options.status)) throw new UsageError('--status is draft, approved or retired.');
  if (options.strength && !['key', 'supporting'].includes(options.strength)) throw new UsageError('--strength is key or supporting.');
  return withRegistry(options.databasePath, (db, registry) => {
    const framework = registry.get(options.framework);
    if (!framework) throw new UsageError(`There is no framework “${options.framework}”. See: evidence-store frameworks`);
    const path = resolve(options.path!);
    const documentId = db.prepare('SELECT document_id FROM files WHERE path = ? AND missing = 0').pluck().get(path) as number | null | undefined;
    if (!documentId) throw new UsageError(`“${path}” is not in the index (or could not be read). Index its folder first: evidence-store index <folder>`);
    const all = flattenCriteria(framework);
    const user = currentUser();
    let item;
    for (const id of options.criteria) {
      const c = all.find((x) => x.id.toLowerCase() === id.toLowerCase());
      if (!c) throw new UsageError(`“${id}” is not a criterion of ${framework.id}.`);
      [item] = addTag(db, [documentId], { frameworkId: framework.id, judgementId: c.judgementId, criterionId: c.id, strength: (options.strength as Strength) ?? 'supporting', note: '' }, user);
    }
    if (options.status) item = saveEvidence(db, documentId, { status: options.status as EvidenceStatus }, user);
    if (options.json) console.log(JSON.stringify(item));
    else console.log(`${item!.title}: ${item!.status}, tagged ${item!.tags.filter((t) => t.frameworkId === framework.id).map((t) => t.criterionId).join(', ')}`);
    return 0;
  });
}
