import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatErrors, parseFramework, serializeFramework } from '../../../shared/frameworks/parse.ts';
import type { FrameworkFileError } from '../../../shared/frameworks/parse.ts';
import { flattenCriteria, findCriterion } from '../../../shared/frameworks/index.ts';
import type { Framework } from '../../../shared/frameworks/index.ts';

/** A small valid file, one array entry per line, so each test can point at a line number. */
const BASE = [
  /*  1 */ '{',
  /*  2 */ '  "schema": "evidence-store/framework@1",',
  /*  3 */ '  "id": "test-plan",',
  /*  4 */ '  "title": "Test plan",',
  /*  5 */ '  "shortTitle": "Test",',
  /*  6 */ '  "owner": "Test council",',
  /*  7 */ '  "version": "1",',
  /*  8 */ '  "kind": "improvement-plan",',
  /*  9 */ '  "gradeScale": [],',
  /* 10 */ '  "judgements": [',
  /* 11 */ '    {',
  /* 12 */ '      "id": "j1",',
  /* 13 */ '      "title": "Recommendation area",',
  /* 14 */ '      "graded": false,',
  /* 15 */ '      "criteria": [',
  /* 16 */ '        {',
  /* 17 */ '          "id": "R1",',
  /* 18 */ '          "title": "First",',
  /* 19 */ '          "description": "The first thing.",',
  /* 20 */ '          "keywords": ["first", "one"],',
  /* 21 */ '          "children": [',
  /* 22 */ '            { "id": "R1.1", "title": "Action", "description": "Do it.", "keywords": ["action"] }',
  /* 23 */ '          ]',
  /* 24 */ '        },',
  /* 25 */ '        {',
  /* 26 */ '          "id": "R2",',
  /* 27 */ '          "title": "Second",',
  /* 28 */ '          "description": "The second thing.",',
  /* 29 */ '          "keywords": ["second"]',
  /* 30 */ '        }',
  /* 31 */ '      ]',
  /* 32 */ '    }',
  /* 33 */ '  ]',
  /* 34 */ '}',
];

/** The base file with some lines replaced (1-based line number → new text; null removes the line). */
function edit(changes: Record<number, string | null>, lines = BASE): string {
  return lines
    .map((l, i) => (i + 1 in changes ? changes[i + 1] : l))
    .filter((l): l is string => l !== null)
    .join('\n');
}

function errorsOf(text: string): FrameworkFileError[] {
  const r = parseFramework(text);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.errors;
}

function refused(text: string): string {
  return formatErrors(errorsOf(text));
}

describe('reading a framework file', () => {
  it('accepts a valid file', () => {
    const r = parseFramework(edit({}));
    expect(r.ok).toBe(true);
  });

  it('accepts Windows line endings and a byte-order mark', () => {
    expect(parseFramework(`\uFEFF${edit({}).replace(/\n/g, '\r\n')}`).ok).toBe(true);
    expect(refused(edit({ 18: '          "title": "First"' }).replace(/\n/g, '\r\n'))).toBe('Line 18: a comma is missing at the end of this line.');
  });

  it('stores keywords in lower case and trims text', () => {
    const r = parseFramework(edit({ 20: '          "keywords": ["Pathway Plan ", "MASH"],', 18: '          "title": "  First  ",' }));
    if (!r.ok) throw new Error(formatErrors(r.errors));
    expect(r.framework.judgements[0].criteria[0].keywords).toEqual(['pathway plan', 'mash']);
    expect(r.framework.judgements[0].criteria[0].title).toBe('First');
  });
});

describe('refusing a file that is not valid JSON, with the line to fix', () => {
  it('a missing comma, on the line that needs it', () => {
    expect(refused(edit({ 18: '          "title": "First"' }))).toBe('Line 18: a comma is missing at the end of this line.');
  });

  it('a comma after the last item', () => {
    expect(refused(edit({ 29: '          "keywords": ["second"],' }))).toBe('Line 29: remove the comma before the closing "}" (nothing follows it).');
  });

  it('a field name without quotes', () => {
    expect(refused(edit({ 4: '  title: "Test plan",' }))).toMatch(/^Line 4: /);
  });

  it('curly quotes pasted from a word processor', () => {
    expect(refused(edit({ 6: '  "owner": “Test council”,' }))).toBe('Line 6: curly quotes (“ ” or ‘ ’) are not allowed; use straight double quotes (").');
  });

  it('single quotes', () => {
    expect(refused(edit({ 6: "  \"owner\": 'Test council'," }))).toMatch(/^Line 6: text must be in straight double quotes/);
  });

  it('text that is never closed', () => {
    expect(refused(edit({ 13: '      "title": "Recommendation area,' }))).toMatch(/^Line 13: a piece of text is not closed/);
  });

  it('a file cut short', () => {
    expect(refused(edit({ 33: null, 34: null }))).toMatch(/^Line 32: .*(missing|ends too early)/);
  });

  it('comments, an empty file, and a list instead of an object', () => {
    expect(refused(edit({ 3: '  "id": "test-plan", // ours' }))).toBe('Line 3: comments are not allowed in a framework file.');
    expect(refused('   \n  ')).toBe('Line 1: the file is empty.');
    expect(refused('\n[1, 2]')).toBe('Line 2: a framework file should hold one object, starting with "{".');
  });

  it('reports only the first syntax error, not its knock-on effects', () => {
    expect(errorsOf(edit({ 4: '  "title": "Test plan"', 5: '  "shortTitle" "Test",' }))).toHaveLength(1);
  });
});

describe('refusing a file that does not fit the framework format', () => {
  it('a missing top-level field', () => {
    expect(refused(edit({ 9: '  "gradeScale": []', 10: null, 11: null, 12: null, 13: null, 14: null, 15: null, 16: null, 17: null, 18: null, 19: null, 20: null, 21: null, 22: null, 23: null, 24: null, 25: null, 26: null, 27: null, 28: null, 29: null, 30: null, 31: null, 32: null, 33: null }))).toBe(
      'Line 1: "judgements" is missing.',
    );
  });

  it('a missing field in a criterion, at the line where the criterion starts', () => {
    expect(refused(edit({ 27: null }))).toBe('Line 25: "title" is missing (in criterion "R2").');
  });

  it('a criterion id used twice, naming both lines', () => {
    expect(refused(edit({ 26: '          "id": "R1",' }))).toBe('Line 26: criterion id "R1" is used twice (also on line 17).');
  });

  it('a criterion id that differs from another only in case (ids are typed in any case)', () => {
    expect(refused(edit({ 26: '          "id": "r1",' }))).toBe('Line 26: criterion id "r1" is used twice (also on line 17).');
  });

  it('a sub-criterion id that repeats a criterion id', () => {
    expect(refused(edit({ 22: '            { "id": "R2", "title": "Action", "description": "Do it.", "keywords": ["action"] }' }))).toBe(
      'Line 26: criterion id "R2" is used twice (also on line 22).',
    );
  });

  it('a judgement id used twice', () => {
    const lines = [...BASE.slice(0, 31), '    },', ...BASE.slice(10, 13), '      "graded": false,', '      "criteria": [{ "id": "X1", "title": "X", "description": "X.", "keywords": ["x1"] }]', '    }', ...BASE.slice(32)];
    expect(refused(lines.join('\n'))).toBe('Line 34: judgement id "j1" is used twice (also on line 12).');
  });

  it('criteria nested more than one level deep', () => {
    const deep = '            { "id": "R1.1", "title": "Action", "description": "Do it.", "keywords": ["action"], "children": [] }';
    expect(refused(edit({ 22: deep }))).toBe(
      'Line 22: sub-criterion "R1.1" cannot have its own "children": criteria can be nested only one level deep. Make them separate criteria instead.',
    );
  });

  it('values of the wrong type, once each', () => {
    const errors = errorsOf(edit({ 14: '      "graded": "no",', 20: '          "keywords": "first",' }));
    expect(formatErrors(errors)).toBe(
      [
        'Line 14: "graded" should be true or false, not text (in judgement "j1").',
        'Line 20: "keywords" should be a list in [ ], not text (in criterion "R1").',
      ].join('\n'),
    );
    expect(errors[1]).toMatchObject({ line: 20, column: 23, path: 'judgements[0].criteria[0].keywords' });
  });

  it('an unknown field, suggesting the likely one', () => {
    expect(refused(edit({ 28: '          "desciption": "The second thing.",' }))).toBe(
      [
        'Line 25: "description" is missing (in criterion "R2").',
        'Line 28: "desciption" is not a field of a criterion (in criterion "R2"). Did you mean "description"?',
      ].join('\n'),
    );
  });

  it('text over the length limits and too many keywords', () => {
    const long = 'x'.repeat(81);
    const many = JSON.stringify(Array.from({ length: 13 }, (_, i) => `word ${i}`));
    expect(refused(edit({ 27: `          "title": "${long}",`, 29: `          "keywords": ${many}` }))).toBe(
      [
        'Line 27: "title" is 81 characters long (in criterion "R2"); shorten it to 80 or fewer.',
        'Line 29: "keywords" has 13 entries (in criterion "R2"); the most allowed is 12.',
      ].join('\n'),
    );
  });

  it('a description over two lines, an empty title, an empty keyword list', () => {
    expect(refused(edit({ 18: '          "title": " ",', 19: '          "description": "Line one\\nline two",', 20: '          "keywords": [],' }))).toBe(
      [
        'Line 18: "title" is empty (in criterion "R1").',
        'Line 19: "description" must be on one line (no line breaks) (in criterion "R1").',
        'Line 20: "keywords" needs at least one entry (in criterion "R1").',
      ].join('\n'),
    );
  });

  it('a graded judgement with no grade scale', () => {
    expect(refused(edit({ 14: '      "graded": true,' }))).toBe(
      'Line 14: judgement "j1" is graded but the framework has no "gradeScale"; add the grades or set "graded" to false.',
    );
  });

  it('a bad framework id, kind and dates', () => {
    expect(refused(edit({ 3: '  "id": "Test Plan",', 8: '  "kind": "plan", "validFrom": "2026-05", "validTo": "2025",' }))).toBe(
      [
        'Line 3: "id" should use only lower-case letters, digits and single hyphens (for example "ilacs-2026").',
        'Line 8: "kind" should be one of "inspection", "cross-cutting", "improvement-plan", "peer-review", "other".',
        'Line 8: "validTo" should be a date written as YYYY-MM or YYYY-MM-DD (for example "2026-04").',
      ].join('\n'),
    );
    expect(refused(edit({ 8: '  "kind": "other", "validFrom": "2026-05", "validTo": "2025-01",' }))).toBe(
      'Line 8: "validTo" (2025-01) is before "validFrom" (2026-05).',
    );
  });

  it('a file for another format or version', () => {
    expect(refused(edit({ 2: '  "schema": "evidence-store/framework@2",' }))).toMatch(
      /^Line 2: "schema" should be "evidence-store\/framework@1" .*different version of Evidence Store/,
    );
    expect(refused(edit({ 2: null }))).toBe('Line 1: "schema" is missing; the file should start with "schema": "evidence-store/framework@1".');
  });

  it('the same field twice in one object', () => {
    expect(refused(edit({ 5: '  "shortTitle": "Test", "owner": "Someone",' }))).toBe(
      'Line 6: "owner" appears twice in the same object (also on line 5); keep one.',
    );
  });

  it('never throws, whatever it is given', () => {
    for (const odd of [undefined, null, 42, '{', '"text"', 'null', '{}', '\u0000', 'x'.repeat(5_000_001)]) {
      const r = parseFramework(odd as unknown as string);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number), message: expect.any(String) });
    }
  });
});

describe('formatting problems and writing files', () => {
  it('lists at most twenty problems, then says how many more', () => {
    const errors = Array.from({ length: 23 }, (_, i) => ({ line: i + 1, column: 1, path: '', message: `problem ${i + 1}.` }));
    const text = formatErrors(errors);
    expect(text.split('\n')).toHaveLength(21);
    expect(text).toMatch(/^Line 1: problem 1\.\n/);
    expect(text).toMatch(/\n…and 3 more problems\.$/);
  });

  it('writes pretty JSON with two-space indents and a final newline, which reads back the same', () => {
    const r = parseFramework(edit({}));
    if (!r.ok) throw new Error(formatErrors(r.errors));
    const text = serializeFramework(r.framework);
    expect(text).toMatch(/^\{\n {2}"schema": "evidence-store\/framework@1",\n {2}"id": "test-plan",/);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseFramework(text)).toEqual(r);
  });
});

describe('a council improvement plan', () => {
  const text = readFileSync(join(import.meta.dirname, 'fixtures/improvement-plan.json'), 'utf8');
  const r = parseFramework(text);
  if (!r.ok) throw new Error(formatErrors(r.errors));
  const plan: Framework = r.framework;

  it('fits the framework format: three Ofsted recommendations, each with two or three actions', () => {
    expect(plan.kind).toBe('improvement-plan');
    const recommendations = plan.judgements[0].criteria;
    expect(recommendations.map((c) => c.id)).toEqual(['R1', 'R2', 'R3']);
    for (const rec of recommendations) expect(rec.children?.length).toBeGreaterThanOrEqual(2);
    for (const rec of recommendations) expect(rec.children?.length).toBeLessThanOrEqual(3);
  });

  it('flattens to recommendations and their actions, each action after its recommendation', () => {
    const flat = flattenCriteria(plan);
    expect(flat.map((c) => c.id)).toEqual(['R1', 'R1.1', 'R1.2', 'R2', 'R2.1', 'R2.2', 'R2.3', 'R3', 'R3.1', 'R3.2']);
    expect(flat.find((c) => c.id === 'R2.3')).toMatchObject({ judgementId: 'what-needs-to-improve', parentId: 'R2', depth: 1 });
    expect(flat.find((c) => c.id === 'R2')).toMatchObject({ parentId: null, depth: 0 });
  });

  it('finds an action and where it sits, whatever the case it is typed in', () => {
    expect(findCriterion(plan, 'R3.1')).toMatchObject({ title: 'Supervision audit in the MASH', judgementId: 'what-needs-to-improve', parentId: 'R3' });
    expect(findCriterion(plan, 'r3.1')?.id).toBe('R3.1');
    expect(findCriterion(plan, 'R1')?.parentId).toBeNull();
    expect(findCriterion(plan, 'R9')).toBeUndefined();
  });
});
