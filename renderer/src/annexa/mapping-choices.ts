/**
 * The mapping step's state and the mapping file made from it. The import report says, for each
 * table it recognised, which header of the table feeds each column of the template; the person
 * checking it may pick another header or "No column". From those choices comes a mapping file
 * (evidence-store/annex-a-mapping@1, shared/annexa/mapping.ts) that either re-imports the
 * same extracts or is saved for the source system.
 */
import type { AnnexaImportReport, AnnexaListReport } from '../../../shared/annexa/api.ts';

/** The format's name; core/annexa/mapping-file.ts checks it (the renderer cannot import the core). */
import { MAPPING_SCHEMA } from '../../../shared/annexa/mapping.ts';

export { MAPPING_SCHEMA };

/** Per table (by its source, which is unique within an import), per column key: the header chosen, or null for "No column". */
export type MappingChoices = Readonly<Record<string, Readonly<Record<string, string | null>>>>;

export interface MappingFileData {
  schema: typeof MAPPING_SCHEMA;
  system: string;
  lists: Record<string, Record<string, string | null>>;
}

/** The choices as the import made them. */
export function choicesFromReport(report: Pick<AnnexaImportReport, 'lists'>): MappingChoices {
  return Object.fromEntries(report.lists.map((l) => [l.source, Object.fromEntries(l.columns.map((c) => [c.column, c.from]))]));
}

/** One choice changed, leaving the rest as they are. */
export function choose(choices: MappingChoices, source: string, column: string, header: string | null): MappingChoices {
  return { ...choices, [source]: { ...choices[source], [column]: header } };
}

function chosen(choices: MappingChoices, table: AnnexaListReport, column: string): string | null {
  const forTable = choices[table.source];
  if (forTable && Object.hasOwn(forTable, column)) return forTable[column];
  return table.columns.find((c) => c.column === column)?.from ?? null;
}

/** What the person should see about one table with the choices applied. */
export interface TableCheck {
  /** Required columns (keys) that no header feeds. */
  missingRequired: string[];
  /** Headers of the table that feed no column: left out of the lists. */
  dropped: string[];
  /** A header chosen for more than one column: header → column keys. The mapping cannot be used until it is one. */
  usedTwice: { header: string; columns: string[] }[];
  /** Columns whose choice differs from what the import used. */
  changed: string[];
}

export function checkTable(table: AnnexaListReport, choices: MappingChoices): TableCheck {
  const byHeader = new Map<string, string[]>();
  const missingRequired: string[] = [];
  const changed: string[] = [];
  for (const c of table.columns) {
    const header = chosen(choices, table, c.column);
    if (header === null) {
      if (c.required) missingRequired.push(c.column);
    } else {
      byHeader.set(header, [...(byHeader.get(header) ?? []), c.column]);
    }
    if (header !== c.from) changed.push(c.column);
  }
  return {
    missingRequired,
    dropped: table.headers.filter((h) => !byHeader.has(h)),
    usedTwice: [...byHeader].filter(([, columns]) => columns.length > 1).map(([header, columns]) => ({ header, columns })),
    changed,
  };
}

/** True when any table's choices differ from the import's. */
export function hasChanges(report: Pick<AnnexaImportReport, 'lists'>, choices: MappingChoices): boolean {
  return report.lists.some((t) => checkTable(t, choices).changed.length > 0);
}

/** True when some header is chosen for two columns of one table (the mapping file would be refused). */
export function hasConflicts(report: Pick<AnnexaImportReport, 'lists'>, choices: MappingChoices): boolean {
  return report.lists.some((t) => checkTable(t, choices).usedTwice.length > 0);
}

/**
 * The mapping file for the choices. A column gets:
 * - the chosen header, when there is one;
 * - null ("this system has no such column: guess nothing") when the person took away a header the
 *   import had found: otherwise the next import would find it again by its usual name;
 * - nothing, when no header fed it and none was chosen, so that a later extract that has the
 *   column is still mapped by recognition (as core's mappingFileFor does).
 * A list given by two tables (one list split over two files) gets one entry: a header found in
 * either wins over null, and the first table's header wins over the second's.
 */
export function mappingFileFromChoices(system: string, tables: readonly AnnexaListReport[], choices: MappingChoices): MappingFileData {
  const lists: MappingFileData['lists'] = {};
  for (const table of tables) {
    const columns = (lists[table.list] ??= {});
    for (const c of table.columns) {
      const header = chosen(choices, table, c.column);
      const before = columns[c.column];
      if (header !== null) {
        if (before === undefined || before === null) columns[c.column] = header;
      } else if (c.from !== null && before === undefined) {
        columns[c.column] = null;
      }
    }
  }
  return { schema: MAPPING_SCHEMA, system: system.trim(), lists };
}

/** The file's text, as annexa.import (`mapping`) and annexa.saveMapping (`json`) take it. */
export function mappingText(file: MappingFileData): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
