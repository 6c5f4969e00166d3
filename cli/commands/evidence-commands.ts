/**
 * `frameworks`, `coverage` and `tag`: the evidence side of the store, for scripts.
 */
import { resolve } from 'node:path';
import type { Api, EvidenceItem } from '../../shared/contract.ts';
import { EvidenceStatus, Strength } from '../../shared/contract.ts';
import { UsageError } from '../args.ts';

export async function runFrameworks(api: Api, options: { json: boolean }): Promise<number> {
  const list = await api.call('frameworks.list', {});
  if (options.json) console.log(JSON.stringify({ frameworks: list }));
  else for (const f of list) console.log(`${f.isDefault ? '*' : ' '} ${f.id.padEnd(20)} ${f.shortTitle} (${f.judgements} judgements, ${f.criteria} criteria${f.builtIn ? '' : ', yours'})`);
  return 0;
}

export async function runCoverage(api: Api, options: { json: boolean; framework?: string }): Promise<number> {
  const c = await api.call('coverage.get', { frameworkId: options.framework });
  if (options.json) {
    console.log(
      JSON.stringify({
        framework: c.frameworkId,
        judgements: c.judgements.map((j) => ({
          id: j.id,
          title: j.title,
          criteria: j.criteria.map((x) => ({ id: x.id, title: x.title, approved: x.approved, draft: x.draft, stale: x.stale, key: x.key, supporting: x.supporting })),
        })),
      }),
    );
    return 0;
  }
  console.log(`${c.frameworkId}: ${c.evidenceCount} evidence items tagged`);
  for (const j of c.judgements) {
    console.log(`\n${j.title}  (${j.gaps} of ${j.criteria.length} criteria without approved evidence)`);
    for (const x of j.criteria) {
      console.log(`  ${x.gap ? '!' : ' '} ${'  '.repeat(x.depth)}${x.id.padEnd(8)} approved ${x.approved}  draft ${x.draft}  stale ${x.stale}  ${x.title}`);
    }
  }
  return 0;
}

export interface TagOptions {
  json: boolean;
  path?: string;
  criteria: string[];
  framework?: string;
  status?: string;
  strength?: string;
}

export async function runTag(api: Api, options: TagOptions): Promise<number> {
  if (!options.path || !options.criteria.length) throw new UsageError('Usage: evidence-store tag <path> <criterion-id>... [--framework ID] [--status approved]');
  // The contract's own lists of values, so the CLI cannot drift from the app.
  const status = options.status === undefined ? undefined : EvidenceStatus.safeParse(options.status);
  if (status && !status.success) throw new UsageError(`--status is one of: ${EvidenceStatus.options.join(', ')}.`);
  const strength = options.strength === undefined ? undefined : Strength.safeParse(options.strength);
  if (strength && !strength.success) throw new UsageError(`--strength is one of: ${Strength.options.join(', ')}.`);

  const { documentId } = await api.call('documents.byPath', { path: resolve(options.path) });
  const frameworkId = options.framework ?? (await api.call('frameworks.list', {})).find((f) => f.isDefault)?.id ?? '';
  let item: EvidenceItem | undefined;
  for (const criterionId of options.criteria) {
    [item] = await api.call('tags.add', { documentIds: [documentId], frameworkId, criterionId, strength: strength?.data });
  }
  if (status?.data) item = await api.call('evidence.save', { documentId, fields: { status: status.data } });
  if (options.json) console.log(JSON.stringify(item));
  else console.log(`${item!.title}: ${item!.status}, tagged ${item!.tags.filter((t) => t.frameworkId === frameworkId).map((t) => t.criterionId).join(', ')}`);
  return 0;
}
