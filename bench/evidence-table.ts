/**
 * The Evidence area's table on a big library: 5,000 evidence items (each with two tags and a
 * history), timed for the first page, a sort by review-by, a words filter with facets, and a bulk
 * status change of all of them.
 *
 *   npx node bench/evidence-table.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../core/store/database.ts';
import { evidenceTable } from '../core/evidence/evidence-table.ts';
import { setStatuses } from '../core/evidence/bulk-status.ts';
import { EvidenceTableQuery } from '../shared/evidence-table.ts';

const ITEMS = 5000;
const dir = mkdtempSync(join(tmpdir(), 'evidence-table-bench-'));
const db = openDatabase(join(dir, 'index.db'));
try {
  const now = new Date().toISOString();
  db.transaction(() => {
    const doc = db.prepare("INSERT INTO documents (id, sha256, format, status, title, extracted_at) VALUES (?, ?, 'pdf', 'indexed', ?, ?)");
    const item = db.prepare("INSERT INTO evidence (id, document_id, title, team, status, evidence_date, review_by, tagged_sha256, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const tag = db.prepare("INSERT INTO tags (evidence_id, framework_id, judgement_id, criterion_id, created_at) VALUES (?, 'ilacs-2026', ?, ?, ?)");
    const history = db.prepare("INSERT INTO history (at, user, evidence_id, document_id, action) VALUES (?, ?, ?, ?, 'created')");
    for (let i = 1; i <= ITEMS; i++) {
      doc.run(i, `sha${i}`, `Document ${i}`, now);
      item.run(i, i, `Evidence item ${i} about care leavers and supervision`, `Team ${i % 12}`, ['draft', 'approved', 'retired'][i % 3], `202${i % 5}-0${1 + (i % 9)}-10`, i % 4 ? `202${5 + (i % 3)}-0${1 + (i % 9)}-15` : null, `sha${i}`, now, now);
      tag.run(i, `j${i % 6}`, `C${i % 40}`, now);
      tag.run(i, `j${(i + 1) % 6}`, `C${(i + 7) % 40}`, now);
      history.run(now, `user${i % 7}`, i, i);
    }
  })();
  const labels = { judgement: (id: string) => id, criterion: (id: string) => id };
  const time = (what: string, run: () => unknown) => {
    const started = performance.now();
    run();
    console.log(`${what}: ${Math.round(performance.now() - started)} ms`);
  };
  // The first call pays for preparing the statements.
  time('warm-up', () => evidenceTable(db, EvidenceTableQuery.parse({}), labels));
  time('first page, title order', () => evidenceTable(db, EvidenceTableQuery.parse({}), labels));
  time('sorted by review-by, descending', () => evidenceTable(db, EvidenceTableQuery.parse({ sort: 'reviewBy', direction: 'descending' }), labels));
  time('words and two facets', () => evidenceTable(db, EvidenceTableQuery.parse({ text: 'care c12', filters: { status: ['draft'], judgement: ['j1', 'j2'] } }), labels));
  time(`status of all ${ITEMS} set to approved`, () => setStatuses(db, Array.from({ length: ITEMS }, (_, i) => ({ evidenceId: i + 1, status: 'approved' as const })), 'bench'));
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
