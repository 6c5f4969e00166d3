/**
 * A small pack for the site's tests (unit and end-to-end): two judgements, nested criteria, gaps,
 * an item serving three criteria in two judgements, hostile titles and notes, and file names with
 * spaces, `#`, `%`, `&`, apostrophes and letters beyond ASCII.
 */
import type { PackContent, PackItem } from '../../../../core/pack/model.ts';

/** What a title may hold that must come out as text, never as markup. */
export const HOSTILE = {
  title: '<script>alert("pwned")</script> Audit & "review"',
  summary: 'Shows <img src=x onerror="alert(1)"> practice\'s "impact" & more',
  note: '"><svg onload=alert(2)> key note',
  team: 'Front Door <b>&</b> MASH',
};

function item(fields: Partial<PackItem> & Pick<PackItem, 'evidenceId' | 'title' | 'path'>): PackItem {
  return {
    summary: '',
    team: '',
    evidenceDate: null,
    reviewBy: null,
    status: 'approved',
    stale: false,
    changedSinceTagged: false,
    fileName: fields.path.split('/').pop() ?? '',
    format: 'Text',
    bytes: 120,
    excerpt: '',
    ...fields,
  };
}

export function packFixture(): PackContent {
  const items: PackItem[] = [
    item({
      evidenceId: 11,
      title: 'Quality assurance framework',
      summary: 'How practice is audited each month and what changed as a result.',
      team: 'Quality Assurance',
      evidenceDate: '2024-03-05',
      reviewBy: '2025-03-31',
      path: 'evidence/1 Leadership/QA framework #3 (final) 100%.txt',
      format: 'Text',
      bytes: 2048,
      excerpt: 'The monthly audit cycle samples twenty cases across the service. Moderation meetings agree grades.',
    }),
    item({
      evidenceId: 12,
      title: HOSTILE.title,
      summary: HOSTILE.summary,
      team: HOSTILE.team,
      evidenceDate: '2023-11-30',
      status: 'draft',
      stale: true,
      changedSinceTagged: true,
      path: "evidence/1 Leadership/Children's & families — résumé.txt",
      format: 'Text',
      excerpt: 'Contextual safeguarding panel minutes, exploitation hotspots and disruption plans.',
    }),
    item({
      evidenceId: 13,
      title: 'Care leavers’ local offer',
      summary: 'The offer to care leavers: housing, money and personal advisers.',
      team: 'Care Leavers',
      evidenceDate: '2024-06-01',
      path: 'evidence/2 Care leavers/Local offer ünïcode.txt',
      fileName: 'Local offer ünïcode.txt',
      excerpt: 'Every young person has a pathway plan reviewed by their personal adviser.',
    }),
    item({
      evidenceId: 14,
      title: 'Supervision audit',
      summary: 'Reflective supervision records sampled.',
      team: 'Quality Assurance',
      evidenceDate: null,
      status: 'retired',
      path: 'evidence/1 Leadership/Supervision_audit.v2.txt',
      excerpt: 'Supervision happens every four weeks for ninety per cent of social workers.',
    }),
    item({
      evidenceId: 15,
      title: 'Orphan note',
      summary: 'Not under any criterion in scope.',
      path: 'evidence/1 Leadership/Orphan.txt',
      excerpt: 'zebra crossing',
    }),
  ];
  return {
    createdAt: '2026-03-05T14:07:00.000Z',
    framework: { id: 'ilacs-2026', title: 'ILACS 2026', version: '2026.1' },
    statuses: ['approved', 'draft', 'retired'],
    items,
    judgements: [
      {
        id: 'leadership',
        title: 'The impact of leaders on social work practice',
        folder: 'evidence/1 Leadership',
        criteria: [
          {
            id: 'L1',
            title: 'Leaders know their services well',
            depth: 0,
            links: [
              { item: 0, strength: 'key', note: 'Monthly audits' },
              { item: 1, strength: 'supporting', note: HOSTILE.note },
            ],
          },
          { id: 'L1.1', title: 'Audit findings change practice', depth: 1, links: [{ item: 0, strength: 'supporting', note: '' }] },
          { id: 'L2', title: 'Workforce stability and caseloads', depth: 0, links: [] },
          { id: 'L3', title: 'Supervision is regular and reflective', depth: 0, links: [{ item: 3, strength: 'key', note: '' }] },
        ],
      },
      {
        id: 'care-leavers',
        title: 'The experiences and progress of care leavers',
        folder: 'evidence/2 Care leavers',
        criteria: [
          { id: 'CL1', title: 'Pathway plans are up to date', depth: 0, links: [{ item: 2, strength: 'key', note: '' }, { item: 0, strength: 'supporting', note: '' }] },
          { id: 'CL2', title: 'Suitable accommodation', depth: 0, links: [] },
        ],
      },
    ],
    extras: { annexa: null, selfEvaluation: null },
    appVersion: '0.1.0',
  };
}

/** True when `text` is printable ASCII, tabs and line feeds. */
export function isPrintableAscii(text: string): boolean {
  return [...text].every((c) => c === '\t' || c === '\n' || (c >= ' ' && c <= '~'));
}
