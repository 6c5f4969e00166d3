/**
 * The frameworks in use: the built-in ones shipped as data in shared/frameworks, and the group's
 * own (an improvement plan, a peer review's findings), stored in the index as JSON text.
 */
import type { Db } from '../store/database.ts';
import type { FrameworkSummary } from '../../shared/contract.ts';
import { BUILT_IN_FRAMEWORKS, DEFAULT_FRAMEWORK_ID, flattenCriteria, type Framework } from '../../shared/frameworks/index.ts';
import { formatErrors, parseFramework, serializeFramework } from '../../shared/frameworks/parse.ts';
import { record } from './history.ts';

export class FrameworkError extends Error {}

export class FrameworkRegistry {
  private readonly db: Db;
  private readonly builtIn: readonly Framework[];

  constructor(db: Db, builtIn: readonly Framework[] = BUILT_IN_FRAMEWORKS) {
    this.db = db;
    this.builtIn = builtIn;
  }

  get defaultId(): string {
    return (this.builtIn.find((f) => f.id === DEFAULT_FRAMEWORK_ID) ?? this.builtIn[0])?.id ?? '';
  }

  private custom(): Framework[] {
    const out: Framework[] = [];
    for (const json of this.db.prepare('SELECT json FROM frameworks ORDER BY id').pluck().all() as string[]) {
      const parsed = parseFramework(json);
      // A stored file that no longer validates (an older schema) is skipped, not fatal.
      if (parsed.ok) out.push(parsed.framework);
    }
    return out;
  }

  all(): Framework[] {
    return [...this.builtIn, ...this.custom()];
  }

  list(): FrameworkSummary[] {
    const builtIn = new Set(this.builtIn.map((f) => f.id));
    return this.all().map((f) => ({
      id: f.id,
      title: f.title,
      shortTitle: f.shortTitle ?? f.title,
      kind: f.kind ?? 'other',
      builtIn: builtIn.has(f.id),
      isDefault: f.id === this.defaultId,
      judgements: f.judgements.length,
      criteria: flattenCriteria(f).length,
    }));
  }

  get(id?: string): Framework | null {
    const wanted = id ?? this.defaultId;
    return this.all().find((f) => f.id === wanted) ?? null;
  }

  /** The framework, or an error naming it, for handlers. */
  require(id?: string): Framework {
    const f = this.get(id);
    if (!f) throw new FrameworkError(`There is no framework “${id}”. Choose one from the Frameworks list.`);
    return f;
  }

  json(framework: Framework): string {
    return serializeFramework(framework);
  }

  /** Adds or replaces a user framework. A bad file changes nothing. */
  save(text: string, user: string): FrameworkSummary {
    const parsed = parseFramework(text);
    if (!parsed.ok) throw new FrameworkError(formatErrors(parsed.errors));
    const f = parsed.framework;
    if (this.builtIn.some((b) => b.id === f.id)) {
      throw new FrameworkError(`“${f.id}” is the id of a built-in framework. Give your framework its own id (for example “${f.id}-local”).`);
    }
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO frameworks (id, json, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at')
        .run(f.id, serializeFramework(f), new Date().toISOString());
      record(this.db, user, 'framework saved', {}, { frameworkId: f.id, title: f.title });
    })();
    return this.list().find((s) => s.id === f.id)!;
  }

  delete(id: string, user: string): void {
    if (this.builtIn.some((b) => b.id === id)) throw new FrameworkError('Built-in frameworks cannot be deleted.');
    this.db.transaction(() => {
      const removed = this.db.prepare('DELETE FROM frameworks WHERE id = ?').run(id).changes;
      if (!removed) throw new FrameworkError(`There is no framework “${id}”.`);
      const tags = this.db.prepare('DELETE FROM tags WHERE framework_id = ?').run(id).changes;
      this.db.prepare('DELETE FROM self_evaluations WHERE framework_id = ?').run(id);
      record(this.db, user, 'framework deleted', {}, { frameworkId: id, tagsRemoved: tags });
    })();
  }
}
