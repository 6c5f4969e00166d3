/**
 * Makes test/fixtures/schema/vN.db: an index as version N of the schema left it (the first N
 * migrations, exactly as shipped), holding a little realistic data, for the upgrade tests.
 *
 *   npx node scripts/make-schema-fixture.ts <N>
 *
 * Run it once, when a migration N+1 is added, to keep a file from the version before it. The files
 * are history: they are committed and never remade, so this refuses to overwrite one. The data is
 * written with plain SQL of that version's tables, not with today's store code, which may expect
 * columns version N did not have.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrations } from '../core/store/migrations.ts';

export const FIXTURE_DIR = fileURLToPath(new URL('../test/fixtures/schema/', import.meta.url));

export function fixturePath(version: number): string {
  return join(FIXTURE_DIR, `v${version}.db`);
}

const ROOT = '\\\\council-fs01\\ChildrensServices\\Quality Assurance';
const AT = '2025-11-03T09:15:00.000Z';

interface FixtureDocument {
  name: string;
  format: string;
  title: string | null;
  pages: string[];
}

const DOCUMENTS: FixtureDocument[] = [
  {
    name: 'QA annual report 2024.pdf',
    format: 'pdf',
    title: 'Quality assurance annual report 2024',
    pages: [
      'Quality assurance annual report 2024. Contents and introduction by the Director of Children’s Services.',
      'Case file audits found that care plans were reviewed within timescales for 87% of children in care.',
      'Next steps: strengthen management oversight of pathway plans for care leavers.',
    ],
  },
  {
    name: 'Supervision audit Q3.docx',
    format: 'docx',
    title: null,
    pages: ['Reflective supervision audit, quarter 3: management oversight is regular and recorded on the child’s file.'],
  },
  {
    name: 'care_leavers_local_offer.txt',
    format: 'text',
    title: null,
    pages: ['Our local offer for care leavers: staying close, personal advisers, council tax exemption. Reference A1312.'],
  },
];

/** What search puts in each page's title column: the metadata title, file names, and names with separators as spaces. */
function titleColumn(doc: FixtureDocument): string {
  const spaced = doc.name.replace(/\.[^.]+$/u, '').replace(/[_\-.]+/gu, ' ');
  return [doc.title ?? '', doc.name, spaced].filter(Boolean).join(' · ');
}

export function makeSchemaFixture(version: number, file = fixturePath(version)): void {
  if (!Number.isInteger(version) || version < 1 || version > migrations.length) {
    throw new Error(`The schema version must be 1 to ${migrations.length}, not ${version}.`);
  }
  if (existsSync(file)) throw new Error(`${file} exists already. Schema fixtures are history: keep it.`);
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  // As the app of that time left its file: WAL, with the migrations applied one by one.
  db.pragma('journal_mode = WAL');
  for (let v = 0; v < version; v++) {
    db.transaction(() => {
      db.exec(migrations[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  db.transaction(() => fill(db, version))();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.exec('VACUUM');
  db.pragma('journal_mode = WAL');
  db.close();
}

function fill(db: Database.Database, version: number): void {
  const rootId = db
    .prepare("INSERT INTO roots (path, label, added_at, last_scan_at, state) VALUES (?, 'Quality Assurance', ?, ?, 'online')")
    .run(ROOT, AT, AT).lastInsertRowid;
  const scanId = db.prepare("INSERT INTO scans (root_id, started_at, finished_at, outcome) VALUES (?, ?, ?, 'completed')").run(rootId, AT, AT).lastInsertRowid;
  const documentIds: number[] = [];
  for (const [i, doc] of DOCUMENTS.entries()) {
    const sha = createHash('sha256').update(doc.pages.join('\f')).digest('hex');
    const documentId = Number(
      db
        .prepare(
          `INSERT INTO documents (sha256, format, status, title, modified, page_count, text_chars, extracted_at)
           VALUES (?, ?, 'indexed', ?, ?, ?, ?, ?)`,
        )
        .run(sha, doc.format, doc.title, `2024-0${i + 3}-14T10:00:00.000Z`, doc.pages.length, doc.pages.join('').length, AT).lastInsertRowid,
    );
    documentIds.push(documentId);
    db.prepare(
      `INSERT INTO files (root_id, path, name, ext, size, mtime_ms, document_id, status, seen_scan, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'indexed', ?, ?)`,
    ).run(rootId, `${ROOT}\\${doc.name}`, doc.name, doc.name.slice(doc.name.lastIndexOf('.')), 20_000 + i * 1000, Date.parse(`2024-0${i + 3}-14T10:00:00Z`), documentId, scanId, AT);
    const page = db.prepare('INSERT INTO pages (document_id, number, label, title, body) VALUES (?, ?, ?, ?, ?)');
    doc.pages.forEach((body, p) => page.run(documentId, p + 1, String(p + 1), titleColumn(doc), body));
  }
  // A file that could not be read: a failure with no document, as the failures list shows it.
  db.prepare(
    `INSERT INTO files (root_id, path, name, ext, size, mtime_ms, document_id, status, reason, detail, seen_scan, updated_at)
     VALUES (?, ?, 'Safeguarding partnership minutes.pdf', '.pdf', 51234, ?, NULL, 'failed', 'password', 'The PDF is password protected.', ?, ?)`,
  ).run(rootId, `${ROOT}\\Safeguarding partnership minutes.pdf`, Date.parse('2024-06-01T08:00:00Z'), scanId, AT);

  if (version >= 3) {
    const setting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    setting.run('workers', JSON.stringify(2));
    setting.run('rescanMinutes', JSON.stringify(60));
  }
  if (version >= 4) {
    const evidenceId = db
      .prepare(
        `INSERT INTO evidence (document_id, title, summary, team, evidence_date, review_by, status, personal_data, tagged_sha256, created_at, updated_at)
         SELECT id, 'QA annual report 2024', 'Audit findings on care plans and the next steps for pathway plans.', 'Quality Assurance',
                '2024-03-14', '2026-03-31', 'approved', 0, sha256, ?, ? FROM documents WHERE id = ?`,
      )
      .run(AT, AT, documentIds[0]).lastInsertRowid;
    const tag = db.prepare(
      'INSERT INTO tags (evidence_id, framework_id, judgement_id, criterion_id, strength, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    tag.run(evidenceId, 'ilacs-2026', 'lead', 'L01', 'key', 'Audit programme and what leaders learned from it.', AT);
    tag.run(evidenceId, 'ilacs-2026', 'cl', 'CL02', 'supporting', '', AT);
    const history = db.prepare('INSERT INTO history (at, user, evidence_id, document_id, action, detail) VALUES (?, ?, ?, ?, ?, ?)');
    history.run(AT, 'j.smith', evidenceId, documentIds[0], 'created', '{}');
    history.run(AT, 'j.smith', evidenceId, documentIds[0], 'tagged',
      JSON.stringify({ frameworkId: 'ilacs-2026', judgementId: 'lead', criterionId: 'L01', strength: 'key', note: 'Audit programme and what leaders learned from it.' }));
    history.run(AT, 'a.khan', evidenceId, documentIds[0], 'updated', JSON.stringify({ status: { from: 'draft', to: 'approved' } }));
    db.prepare('INSERT INTO dismissed_suggestions (document_id, framework_id, criterion_id) VALUES (?, ?, ?)').run(documentIds[1], 'ilacs-2026', 'HP02');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const version = Number(process.argv[2]);
  makeSchemaFixture(version);
  console.log(`Wrote ${fixturePath(version)} (schema version ${version}).`);
}
