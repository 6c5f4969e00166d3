/**
 * A column mapping the user confirmed, saved per source system ("Mosaic", "LCS", "Eclipse") and
 * reused on the next import: the headers that system writes, for each column of each list.
 *
 *   { "schema": "evidence-store/annex-a-mapping@1", "system": "Mosaic",
 *     "lists": { "list1": { "childId": "Person ID", "dateOfContact": "Contact Date", "age": null } } }
 *
 * A column mapped to null means "this system's extract has no such column": nothing is guessed for
 * it. Columns the file does not name are found as usual (recognise.ts). The same text is stored in
 * the index (annexa.saveMapping) and given to the CLI as `--mapping FILE`. It names headers, never
 * a child's data.
 */
import { MAPPING_SCHEMA, MappingFile } from '../../shared/annexa/mapping.ts';
import { listByKey } from '../../shared/annexa/index.ts';
import type { AnnexASpec } from '../../shared/annexa/index.ts';
import { mapColumns } from './map-columns.ts';
import type { MappedColumns } from './map-columns.ts';
import type { ColumnMapping } from './model.ts';

export { MAPPING_SCHEMA, MappingFile };

/** A mapping file that cannot be used, with every problem in words. */
export class MappingFileError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The mapping file cannot be used:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'MappingFileError';
    this.problems = problems;
  }
}

function where(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : 'the file';
}

/** Nearest key by edit distance, for "did you mean"; only when it is close. */
function nearest(key: string, options: readonly string[]): string | null {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const here = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
        prev = here;
      }
    }
    return row[b.length];
  };
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const option of options) {
    const d = distance(key, option);
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(key.length / 4)) ? best : null;
}

/**
 * Parse and check a mapping file's text. With `spec`, every list and column it names must exist
 * in that template version. Throws a MappingFileError naming each problem.
 */
export function parseMappingFile(text: string, spec?: AnnexASpec): MappingFile {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new MappingFileError([`it is not valid JSON (${(err as Error).message}). Check for a missing comma, quote or bracket.`]);
  }
  const parsed = MappingFile.safeParse(data);
  if (!parsed.success) {
    throw new MappingFileError(
      parsed.error.issues.map((issue) => {
        if (issue.code === 'unrecognized_keys') return `${where(issue.path)}: unexpected ${issue.keys.map((k) => `"${k}"`).join(', ')}; a mapping file has only "schema", "system" and "lists".`;
        if (issue.code === 'invalid_type' && issue.path.length === 3) return `${where(issue.path)}: should be the source header's text, or null for "no such column".`;
        if (issue.code === 'invalid_type') return `${where(issue.path)}: ${issue.input === undefined ? 'is missing' : issue.message}.`;
        return `${where(issue.path)}: ${issue.message}.`;
      }),
    );
  }
  if (spec) {
    const problems: string[] = [];
    for (const [listKey, columns] of Object.entries(parsed.data.lists)) {
      const list = listByKey(spec, listKey);
      if (!list) {
        problems.push(`lists.${listKey}: ${spec.id} has no such list (it has list1 … list${spec.lists.length}).`);
        continue;
      }
      const keys = list.columns.map((c) => c.key);
      for (const key of Object.keys(columns)) {
        if (keys.includes(key)) continue;
        const guess = nearest(key, keys);
        problems.push(`lists.${listKey}.${key}: List ${list.number} (${list.name}) has no column "${key}"${guess ? `; did you mean "${guess}"?` : '.'}`);
      }
      const seen = new Map<string, string>();
      for (const [key, header] of Object.entries(columns)) {
        if (header === null) continue;
        const other = seen.get(header.trim().toLowerCase());
        if (other) problems.push(`lists.${listKey}: "${header}" is given for both ${other} and ${key}; one header can feed one column.`);
        else seen.set(header.trim().toLowerCase(), key);
      }
    }
    if (problems.length) throw new MappingFileError(problems);
  }
  return parsed.data;
}

/**
 * A table's mapping for one list with a saved mapping applied: the columns the file names come
 * from the headers it gives; the others are found by the spec's headers and synonyms.
 */
export function applyMappingFile(file: MappingFile, spec: AnnexASpec, listKey: string, headers: readonly string[]): MappedColumns {
  const list = listByKey(spec, listKey);
  if (!list) throw new MappingFileError([`${spec.id} has no list "${listKey}".`]);
  return mapColumns(list, headers, file.lists[listKey]);
}

/**
 * The mapping file for what the user confirmed: each list's columns named by the header that feeds
 * them. Columns with no header are left out rather than saved as null, so that a later extract
 * that has them is still mapped by recognition.
 */
export function mappingFileFor(system: string, confirmed: ReadonlyArray<{ headers: readonly string[]; mapping: ColumnMapping }>): MappingFile {
  const lists: MappingFile['lists'] = {};
  for (const { headers, mapping } of confirmed) {
    const columns: Record<string, string | null> = { ...lists[mapping.list] };
    for (const [key, index] of Object.entries(mapping.columns)) {
      // One list split over two files: a column found in either keeps its header.
      if (index !== null) columns[key] = headers[index];
    }
    lists[mapping.list] = columns;
  }
  return { schema: MAPPING_SCHEMA, system: system.trim(), lists };
}

/** The file's text, as saved and as the CLI reads it. */
export function formatMappingFile(file: MappingFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
