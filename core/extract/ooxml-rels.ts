/**
 * OOXML package relationships (_rels/*.rels): how a DOCX, XLSX or PPTX says which part is its
 * main document, which parts are its sheets or slides, and in what order.
 */
import { attribute, parseXml } from './xml.ts';

export interface Relationship {
  id: string;
  /** Full type URI; compare by suffix, as Transitional and Strict differ only in the prefix. */
  type: string;
  target: string;
  external: boolean;
}

export function readRelationships(entries: Map<string, Uint8Array>, relsPath: string): Relationship[] {
  const bytes = entries.get(relsPath);
  if (!bytes) return [];
  const rels: Relationship[] = [];
  parseXml(bytes, relsPath, {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      rels.push({
        id: attribute(attrs, 'Id') ?? '',
        type: attribute(attrs, 'Type') ?? '',
        target: attribute(attrs, 'Target') ?? '',
        external: attribute(attrs, 'TargetMode') === 'External',
      });
    },
  });
  return rels;
}

/** Resolve a relationship target against the folder of the part that owns it. */
export function resolveTarget(baseDir: string, target: string): string {
  const segments = target.startsWith('/') ? [] : baseDir.split('/').filter(Boolean);
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment && segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function relsPathOf(part: string): string {
  const dir = dirOf(part);
  const base = part.slice(dir.length ? dir.length + 1 : 0);
  return `${dir ? `${dir}/` : ''}_rels/${base}.rels`;
}

/** The package's main part (word/document.xml, xl/workbook.xml …) from _rels/.rels, or `fallback`. */
export function mainPartOf(entries: Map<string, Uint8Array>, fallback: string): string {
  const rel = readRelationships(entries, '_rels/.rels').find((r) => r.type.endsWith('/officeDocument') && !r.external);
  const path = rel ? resolveTarget('', rel.target) : fallback;
  return entries.has(path) ? path : fallback;
}

/** Targets of a part's relationships, resolved to package paths, keyed by relationship id. */
export function relatedParts(entries: Map<string, Uint8Array>, part: string): Map<string, Relationship & { path: string }> {
  const dir = dirOf(part);
  const out = new Map<string, Relationship & { path: string }>();
  for (const rel of readRelationships(entries, relsPathOf(part))) {
    if (!rel.external) out.set(rel.id, { ...rel, path: resolveTarget(dir, rel.target) });
  }
  return out;
}

/**
 * The relationship id on an element (r:id). Looked up by prefix, not local name: <p:sldId> also
 * has an unprefixed `id` that is not a relationship.
 */
export function relationshipId(attributes: Readonly<Record<string, string>>): string {
  for (const [key, value] of Object.entries(attributes)) {
    if (key.endsWith(':id')) return value;
  }
  return '';
}
