/**
 * Annex A column mappings the user confirmed, by source system, kept in the evidence index (they
 * hold header names, never a child's data) and reused on the next import.
 */
import type { Db } from './database.ts';

export function saveAnnexaMapping(db: Db, system: string, json: string): void {
  db.prepare('INSERT INTO annexa_mappings (system, json, saved_at) VALUES (?, ?, ?) ON CONFLICT (system) DO UPDATE SET json = excluded.json, saved_at = excluded.saved_at')
    .run(system, json, new Date().toISOString());
}

export function annexaMappings(db: Db): { system: string; json: string; savedAt: string }[] {
  return (db.prepare('SELECT system, json, saved_at FROM annexa_mappings ORDER BY system COLLATE NOCASE').all() as { system: string; json: string; saved_at: string }[]).map(
    (r) => ({ system: r.system, json: r.json, savedAt: r.saved_at }),
  );
}

export function deleteAnnexaMapping(db: Db, system: string): boolean {
  return db.prepare('DELETE FROM annexa_mappings WHERE system = ?').run(system).changes > 0;
}
