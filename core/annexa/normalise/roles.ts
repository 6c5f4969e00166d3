/**
 * The columns some checks need by their meaning rather than by name: whose date of birth, whose
 * age. The spec marks the date of birth (`personal: "dob"`); the age is the integer column whose
 * key starts with "age". Found once per list.
 */
import type { ListSpec } from '../../../shared/annexa/spec-schema.ts';

export interface ListRoles {
  /** The date of birth column's key, if the list has one. */
  dob: string | null;
  /** The age column's key, if the list has one. */
  age: string | null;
  /**
   * Whether the list may hold unborn children (an expected date of birth after the inspection,
   * events before the birth, age -1): the age column allows -1, as lists 1–7 and 10 do.
   */
  unbornAllowed: boolean;
}

export function listRoles(list: ListSpec): ListRoles {
  const dob = list.columns.find((c) => c.type === 'date' && c.personal === 'dob') ?? list.columns.find((c) => c.type === 'date' && /^(date ?of ?birth|dob)$/iu.test(c.key));
  const age = list.columns.find((c) => c.type === 'integer' && /^age/iu.test(c.key));
  return { dob: dob?.key ?? null, age: age?.key ?? null, unbornAllowed: age ? age.min === undefined || age.min < 0 : true };
}
