/**
 * The group's self-evaluation, per judgement, in the shape ILACS asks for: what we know about the
 * quality and impact of practice, how we know it (with linked evidence), what we plan to do; plus
 * the group's own grade estimate.
 */
import type { Db } from '../store/database.ts';
import type { SelfEvaluation } from '../../shared/contract.ts';
import { record } from './history.ts';

export function getSelfEvaluation(db: Db, frameworkId: string, judgementId: string): SelfEvaluation {
  const r = db.prepare('SELECT * FROM self_evaluations WHERE framework_id = ? AND judgement_id = ?').get(frameworkId, judgementId) as
    | { know: string; how: string; next: string; grade: string | null; evidence_ids: string; updated_at: string }
    | undefined;
  return {
    frameworkId,
    judgementId,
    know: r?.know ?? '',
    how: r?.how ?? '',
    next: r?.next ?? '',
    grade: r?.grade ?? null,
    evidenceIds: r ? (JSON.parse(r.evidence_ids) as number[]) : [],
    updatedAt: r?.updated_at ?? null,
  };
}

export function saveSelfEvaluation(db: Db, s: Omit<SelfEvaluation, 'updatedAt'>, user: string): SelfEvaluation {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO self_evaluations (framework_id, judgement_id, know, how, next, grade, evidence_ids, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (framework_id, judgement_id) DO UPDATE SET know = excluded.know, how = excluded.how, next = excluded.next,
         grade = excluded.grade, evidence_ids = excluded.evidence_ids, updated_at = excluded.updated_at`,
    ).run(s.frameworkId, s.judgementId, s.know, s.how, s.next, s.grade, JSON.stringify([...new Set(s.evidenceIds)]), new Date().toISOString());
    recordSave(db, user, s.frameworkId, s.judgementId);
  })();
  return getSelfEvaluation(db, s.frameworkId, s.judgementId);
}

/** Whether anything of the framework's self-evaluation has been written (so it is worth exporting). */
export function hasSelfEvaluation(db: Db, frameworkId: string): boolean {
  return (
    db
      .prepare("SELECT 1 FROM self_evaluations WHERE framework_id = ? AND (know <> '' OR how <> '' OR next <> '' OR grade IS NOT NULL) LIMIT 1")
      .get(frameworkId) !== undefined
  );
}

/** A run of saves of one judgement by one person within this long is one entry in the history. */
export const SAVE_RUN_MS = 10 * 60_000;

/**
 * The UI saves as the user types (a second after they stop), so the history would fill with one
 * entry per pause. Saves of the same judgement by the same person, with nothing else recorded in
 * between and within SAVE_RUN_MS of the previous one, update that entry's time instead.
 */
function recordSave(db: Db, user: string, frameworkId: string, judgementId: string): void {
  const detail = { frameworkId, judgementId };
  const last = db.prepare('SELECT id, at, user, action, detail FROM history ORDER BY id DESC LIMIT 1').get() as
    | { id: number; at: string; user: string; action: string; detail: string }
    | undefined;
  const now = new Date();
  if (
    last &&
    last.action === 'self-evaluation saved' &&
    last.user === user &&
    last.detail === JSON.stringify(detail) &&
    now.getTime() - Date.parse(last.at) < SAVE_RUN_MS
  ) {
    db.prepare('UPDATE history SET at = ? WHERE id = ?').run(now.toISOString(), last.id);
    return;
  }
  record(db, user, 'self-evaluation saved', {}, detail);
}
