/**
 * Title, author and dates from docProps/core.xml, shared by every OOXML format.
 */
import type { Extracted } from './types.ts';
import { parseXml } from './xml.ts';

type CoreProperties = Pick<Extracted, 'title' | 'author' | 'created' | 'modified'>;

const FIELDS: Record<string, keyof CoreProperties> = {
  title: 'title',
  creator: 'author',
  created: 'created',
  modified: 'modified',
};

function isoDate(value: string): string | undefined {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Missing or unreadable properties are not worth failing a document over: they yield {}. */
export function readCoreProperties(entries: Map<string, Uint8Array>): CoreProperties {
  const bytes = entries.get('docProps/core.xml');
  if (!bytes) return {};
  const props: CoreProperties = {};
  let field: keyof CoreProperties | null = null;
  let value = '';
  try {
    parseXml(bytes, 'docProps/core.xml', {
      open(name) {
        field = FIELDS[name] ?? null;
        value = '';
      },
      text(text) {
        if (field) value += text;
      },
      close(name) {
        if (!field || FIELDS[name] !== field) return;
        const trimmed = value.trim();
        const parsed = field === 'created' || field === 'modified' ? isoDate(trimmed) : trimmed;
        if (parsed) props[field] = parsed;
        field = null;
      },
    });
  } catch {
    return {};
  }
  return props;
}
