/**
 * The frameworks in use: the built-in ones shipped as data in shared/frameworks, and the group's
 * own (an improvement plan, a peer review's findings), stored in the index as JSON text.
 */
import type { Db } from '../store/database.ts';
import { flattenCriteria, type FrameworkShape } from './framework-shape.ts';
import { record } from './history.ts';

export interface FrameworkDefinition extends FrameworkShape {
  shortTitle?: string;
  kind?: string;
  version?: string;
  default?: boolean;
}

export type ParseResult = { ok: true; framework: FrameworkDefinition } | { ok: false; message: string };

export interface FrameworkSource {
  builtIn: FrameworkDefinition[];
  /** Validates a framework file's text; the message names the line and the problem. */
  parse(text: string): ParseResult;
  serialize(framework: FrameworkDefinition): string;
}

export interface FrameworkSummary {
  id: string;
  title: string;
  shortTitle: string;
  kind: string;
  builtIn: boolean;
  isDefault: boolean;
  judgements: number;
  criteria: number;
}

export class FrameworkError extends Error {}

export class FrameworkRegistry {
  private readonly db: Db;
  private readonly source: FrameworkSource;

  constructor(db: Db, source: FrameworkSource) {
    this.db = db;
    this.source = source;
  }

  get defaultId(): string {
    return (this.source.builtIn.find((f) => f.default) ?? this.source.builtIn[0])?.id ?? '';
  }

  private custom(): FrameworkDefinition[] {
    const out: FrameworkDefinition[] = [];
    for (const json of this.db.prepare('SELECT json FROM frameworks ORDER BY id').pluck().all() as string[]) {
      const parsed = this.source.parse(json);
      // A stored file that no longer validates (an older schema) is skipped, not fatal.
      if (parsed.ok) out.push(parsed.framework);
    }
    return out;
  }

  all(): FrameworkDefinition[] {
    return [...this.source.builtIn, ...this.custom()];
  }

  list(): FrameworkSummary[] {
    const builtIn = new Set(this.source.builtIn.map((f) => f.id));
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

  get(id?: string): FrameworkDefinition | null {
    const wanted = id ?? this.defaultId;
    return this.all().find((f) => f.id === wanted) ?? null;
  }

  /** The framework, or an error naming it, for handlers. */
  require(id?: string): FrameworkDefinition {
    const f = this.get(id);
    if (!f) throw new FrameworkError(`There is no framework “${id}”. Choose one from the Frameworks list.`);
    return f;
  }

  json(framework: FrameworkDefinition): string {
    return this.source.serialize(framework);
  }

  /** Adds or replaces a user framework. A bad file changes nothing. */
  save(text: string, user: string): FrameworkSummary {
    const parsed = this.source.parse(text);
    if (!parsed.ok) throw new FrameworkError(parsed.message);
    const f = parsed.framework;
    if (this.source.builtIn.some((b) => b.id === f.id)) {
      throw new FrameworkError(`“${f.id}” is the id of a built-in framework. Give your framework its own id (for example “${f.id}-local”).`);
    }
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO frameworks (id, json, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at')
        .run(f.id, this.source.serialize(f), new Date().toISOString());
      record(this.db, user, 'framework saved', {}, { frameworkId: f.id, title: f.title });
    })();
    return this.list().find((s) => s.id === f.id)!;
  }

  delete(id: string, user: string): void {
    if (this.source.builtIn.some((b) => b.id === id)) throw new FrameworkError('Built-in frameworks cannot be deleted.');
    this.db.transaction(() => {
      const removed = this.db.prepare('DELETE FROM frameworks WHERE id = ?').run(id).changes;
      if (!removed) throw new FrameworkError(`There is no framework “${id}”.`);
      const tags = this.db.prepare('DELETE FROM tags WHERE framework_id = ?').run(id).changes;
      this.db.prepare('DELETE FROM self_evaluations WHERE framework_id = ?').run(id);
      record(this.db, user, 'framework deleted', {}, { frameworkId: id, tagsRemoved: tags });
    })();
  }
}
