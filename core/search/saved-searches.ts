/**
 * Saved searches: a query kept under a name (unique whatever its case). The query is kept as the
 * search box held it, filters included, so running it again gives the same search.
 */
import type { SavedSearch } from '../../shared/saved-searches.ts';
import { ApiFailure } from '../api/errors.ts';
import type { Db } from '../store/database.ts';

interface Row {
  id: number;
  name: string;
  query: string;
  created_at: string;
  updated_at: string;
}

const show = (r: Row): SavedSearch => ({ id: r.id, name: r.name, query: r.query, createdAt: r.created_at, updatedAt: r.updated_at });

function byId(db: Db, id: number): Row | undefined {
  return db.prepare('SELECT * FROM saved_searches WHERE id = ?').get(id) as Row | undefined;
}

function byName(db: Db, name: string): Row | undefined {
  return db.prepare('SELECT * FROM saved_searches WHERE name = ? COLLATE NOCASE').get(name) as Row | undefined;
}

function mustExist(db: Db, id: number): Row {
  const row = byId(db, id);
  if (!row) throw new ApiFailure('not-found', 'That saved search no longer exists (it may have been deleted in another window).');
  return row;
}

function nameTaken(name: string): ApiFailure {
  return new ApiFailure('invalid-argument', `There is already a saved search called “${name}”. Choose another name.`, 'name');
}

export function listSavedSearches(db: Db): SavedSearch[] {
  return (db.prepare('SELECT * FROM saved_searches ORDER BY name COLLATE NOCASE, id').all() as Row[]).map(show);
}

/** Saves `query` under `name`; a name in use is refused unless `replace` (then that one gets the query). */
export function saveSearch(db: Db, name: string, query: string, replace = false, now = new Date().toISOString()): SavedSearch {
  return db.transaction(() => {
    const existing = byName(db, name);
    if (existing && !replace) throw nameTaken(existing.name);
    if (existing) {
      db.prepare('UPDATE saved_searches SET name = ?, query = ?, updated_at = ? WHERE id = ?').run(name, query, now, existing.id);
      return show(mustExist(db, existing.id));
    }
    const { lastInsertRowid } = db.prepare('INSERT INTO saved_searches (name, query, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, query, now, now);
    return show(mustExist(db, Number(lastInsertRowid)));
  })();
}

export function renameSavedSearch(db: Db, id: number, name: string, now = new Date().toISOString()): SavedSearch {
  return db.transaction(() => {
    mustExist(db, id);
    const other = byName(db, name);
    if (other && other.id !== id) throw nameTaken(other.name);
    db.prepare('UPDATE saved_searches SET name = ?, updated_at = ? WHERE id = ?').run(name, now, id);
    return show(mustExist(db, id));
  })();
}

/** Deletes it and answers what it was (the UI's undo saves it again). */
export function deleteSavedSearch(db: Db, id: number): SavedSearch {
  return db.transaction(() => {
    const row = mustExist(db, id);
    db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id);
    return show(row);
  })();
}

