import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../core/core.ts';
import { addRoot } from '../../core/store/roots.ts';

/** A council's own framework, as a user would import it: two judgements, one nested criterion. */
export const PLAN_JSON = JSON.stringify(
  {
    schema: 'evidence-store/framework@1',
    id: 'test-improvement-plan',
    title: 'Test council improvement plan',
    shortTitle: 'Improvement plan',
    owner: 'Test council',
    version: '2026-1',
    kind: 'improvement-plan',
    gradeScale: [
      { id: 'on-track', label: 'On track' },
      { id: 'at-risk', label: 'At risk' },
    ],
    judgements: [
      {
        id: 'r1',
        title: 'Recommendation 1: care leavers',
        graded: true,
        criteria: [
          {
            id: 'R1.1',
            title: 'Pathway plans are up to date',
            description: 'Every care leaver has a current pathway plan written with them.',
            keywords: ['pathway plan', 'personal adviser', 'care leaver', 'staying close'],
            children: [
              { id: 'R1.1a', title: 'Audit pathway plans', description: 'A quarterly audit of pathway plans.', keywords: ['pathway plan audit', 'audit'] },
            ],
          },
          { id: 'R1.2', title: 'Housing for care leavers', description: 'Suitable accommodation for every care leaver.', keywords: ['accommodation', 'housing', 'supported lodgings'] },
        ],
      },
      {
        id: 'r2',
        title: 'Recommendation 2: supervision',
        graded: true,
        criteria: [
          { id: 'R2.1', title: 'Regular supervision', description: 'Social workers get regular reflective supervision.', keywords: ['supervision', 'reflective supervision', 'management oversight'] },
        ],
      },
    ],
  },
  null,
  2,
);

/** Indexes a folder with a few council documents and saves the test framework. */
export async function evidenceLibrary(core: Core, dir: string): Promise<{ root: string; doc: (name: string) => number }> {
  const root = join(dir, 'Evidence');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'pathway-plans.txt'), 'Care leaver pathway plans were reviewed with each personal adviser. Staying close offer. Pathway plan quality improved.');
  writeFileSync(join(root, 'supervision-audit.txt'), 'Reflective supervision audit: management oversight is regular and recorded. Supervision notes show reflection.');
  writeFileSync(join(root, 'housing.txt'), 'Supported lodgings and accommodation for care leavers; housing pathway with the district councils.');
  await core.indexer.scanRoot(addRoot(core.db, root).id);
  core.frameworks.save(PLAN_JSON, 'tester');
  const doc = (name: string) => core.db.prepare('SELECT document_id FROM files WHERE path = ?').pluck().get(join(root, name)) as number;
  return { root, doc };
}
