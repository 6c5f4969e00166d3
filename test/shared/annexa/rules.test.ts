import { describe, expect, it } from 'vitest';
import { ANNEXA_RULES, RULES } from '../../../shared/annexa/rules.ts';

describe('the rule table', () => {
  it('gives each rule a unique, stable kebab-case id, a severity, a level and one line of description', () => {
    const ids = ANNEXA_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ANNEXA_RULES) {
      expect(r.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/u);
      expect(['error', 'warning']).toContain(r.severity);
      expect(['cell', 'row', 'list', 'across lists']).toContain(r.level);
      expect(r.description).toMatch(/^[A-Z].*\.$/u);
      expect(r.description).not.toContain('\n');
      expect(RULES[r.id]).toBe(r);
    }
  });

  it('keeps the ids the CLI’s JSON and the app’s filters already use', () => {
    // Renaming one breaks saved filters and scripts: add a new id instead.
    expect(ANNEXA_RULES.map((r) => r.id)).toEqual([
      'mandatory-blank',
      'date-invalid',
      'date-future',
      'code-unknown',
      'code-prefix',
      'code-discouraged',
      'integer-invalid',
      'integer-below-min',
      'postcode-shape',
      'id-scientific',
      'date-order',
      'together',
      'requires',
      'blank-when',
      'before-birth',
      'age-mismatch',
      'age-implausible',
      'blank-row',
      'outside-window',
      'one-per-person',
      'duplicate-row',
      'count-inconsistent',
      'same-person',
      'appears-in',
      'case-status',
    ]);
  });
});
