/**
 * The format of a saved Annex A column mapping (one definition for the core, which reads and checks
 * it, and the screen, which writes it from the person's choices):
 *
 *   { "schema": "evidence-store/annex-a-mapping@1", "system": "Mosaic",
 *     "lists": { "list1": { "childId": "Person ID", "dateOfContact": "Contact Date", "age": null } } }
 *
 * A column mapped to null means "this system's extract has no such column".
 */
import { z } from 'zod';

export const MAPPING_SCHEMA = 'evidence-store/annex-a-mapping@1';

const Header = z.string().trim().min(1, 'a header cannot be empty (use null for "no such column")').max(1000).nullable();

export const MappingFile = z
  .object({
    schema: z.literal(MAPPING_SCHEMA, { error: `should be "${MAPPING_SCHEMA}"` }),
    system: z.string().trim().min(1, 'name the source system ("Mosaic", "LCS" …)').max(100),
    lists: z.record(
      z.string().regex(/^list\d{1,2}$/u, 'a list key such as "list1"'),
      z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/u, 'a column key such as "childId"'), Header),
    ),
  })
  .strict();
export type MappingFile = z.infer<typeof MappingFile>;
