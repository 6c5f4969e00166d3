import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_FRAMEWORKS,
  DEFAULT_FRAMEWORK_ID,
  flattenCriteria,
  builtInFramework,
  loadBuiltIn,
} from '../../../shared/frameworks/index.ts';
import type { Framework } from '../../../shared/frameworks/index.ts';
import { parseFramework, serializeFramework } from '../../../shared/frameworks/parse.ts';

const DATA = join(import.meta.dirname, '../../../shared/frameworks/data');
const files = readdirSync(DATA).filter((f) => f.endsWith('.json')).sort();

const ILACS_GRADES = ['Outstanding', 'Good', 'Requires improvement to be good', 'Inadequate'];
const LEADERS = 'The impact of leaders on social work practice with children and families';
const HELP = 'The experiences and progress of children who need help and protection';
const IN_CARE = 'The experiences and progress of children in care';
const LEAVERS = 'The experiences and progress of care leavers';
const COMBINED = 'The experiences and progress of children in care and care leavers';

function get(id: string): Framework {
  const f = builtInFramework(id);
  if (!f) throw new Error(`no built-in framework ${id}`);
  return f;
}

describe('the built-in frameworks', () => {
  it('are the seven data files, each loaded once', () => {
    expect(files).toEqual([
      'area-send-2023.json', 'csc-nf-2023.json', 'ilacs-2018.json', 'ilacs-2023.json', 'ilacs-2026.json', 'jtai-2022.json', 'sif-2013.json',
    ]);
    expect(BUILT_IN_FRAMEWORKS.map((f) => `${f.id}.json`).sort()).toEqual(files);
  });

  it.each(files)('%s parses from its file text and is stored in the exported form', (file) => {
    const text = readFileSync(join(DATA, file), 'utf8');
    const r = parseFramework(text);
    if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 2));
    expect(serializeFramework(r.framework)).toBe(text);
    expect(r.framework.builtIn).toBe(true);
  });

  it.each(BUILT_IN_FRAMEWORKS.map((f) => [f.id, f] as const))('%s round-trips through serialize and parse', (_id, f) => {
    const r = parseFramework(serializeFramework(f));
    expect(r).toEqual({ ok: true, framework: f });
  });

  it('make ILACS from April 2026 the only default', () => {
    expect(DEFAULT_FRAMEWORK_ID).toBe('ilacs-2026');
    expect(BUILT_IN_FRAMEWORKS.filter((f) => f.default).map((f) => f.id)).toEqual(['ilacs-2026']);
    expect(BUILT_IN_FRAMEWORKS[0].id).toBe('ilacs-2026');
  });

  it('give every criterion 4 to 12 distinct lower-case keywords, a short title and a one-line description', () => {
    for (const f of BUILT_IN_FRAMEWORKS) {
      for (const c of flattenCriteria(f)) {
        const where = `${f.id} ${c.id}`;
        expect(c.keywords.length, where).toBeGreaterThanOrEqual(4);
        expect(c.keywords.length, where).toBeLessThanOrEqual(12);
        expect(new Set(c.keywords).size, where).toBe(c.keywords.length);
        for (const k of c.keywords) expect(k, where).toBe(k.toLowerCase().trim());
        expect(c.title.length, where).toBeLessThanOrEqual(80);
        expect(c.description, where).not.toMatch(/[\r\n]/);
      }
    }
  });

  it('keep judgement ids unique, and criterion ids unique across each framework, ignoring case', () => {
    for (const f of BUILT_IN_FRAMEWORKS) {
      const judgements = f.judgements.map((j) => j.id);
      expect(new Set(judgements).size, f.id).toBe(judgements.length);
      const criteria = flattenCriteria(f).map((c) => c.id.toLowerCase());
      expect(new Set(criteria).size, f.id).toBe(criteria.length);
    }
  });

  it('keep framework ids unique', () => {
    expect(new Set(BUILT_IN_FRAMEWORKS.map((f) => f.id)).size).toBe(BUILT_IN_FRAMEWORKS.length);
  });

  it('refuse to load a broken built-in file, loudly and with its line', () => {
    const broken = JSON.parse(readFileSync(join(DATA, 'jtai-2022.json'), 'utf8'));
    broken.judgements[0].criteria[1].id = 'JT01';
    expect(() => loadBuiltIn('jtai-2022.json', broken)).toThrow(/jtai-2022\.json is invalid:\nLine \d+: criterion id "JT01" is used twice/);
    const thin = JSON.parse(readFileSync(join(DATA, 'jtai-2022.json'), 'utf8'));
    thin.judgements[0].criteria[0].keywords = ['front door'];
    expect(() => loadBuiltIn('jtai-2022.json', thin)).toThrow(/criterion "JT01" has 1 keywords; built-in criteria need 4 to 12/);
  });
});

describe('ILACS from April 2026', () => {
  const f = get('ilacs-2026');

  it('has four graded judgements with Ofsted’s exact titles and no overall effectiveness', () => {
    expect(f.judgements.map((j) => j.title)).toEqual([LEADERS, HELP, IN_CARE, LEAVERS]);
    expect(f.judgements.every((j) => j.graded)).toBe(true);
    expect(f.judgements.some((j) => /overall/i.test(j.title))).toBe(false);
  });

  it('uses Ofsted’s four grade words and says what is unverified', () => {
    expect(f.gradeScale.map((g) => g.label)).toEqual(ILACS_GRADES);
    expect(f.validFrom).toBe('2026-04');
    expect(f.validTo).toBeUndefined();
    expect(f.notes).toMatch(/NOT been checked against the April 2026/);
  });
});

describe('ILACS January 2023 to March 2026', () => {
  const f = get('ilacs-2023');

  it('has five graded judgements: leaders, help and protection, children in care, care leavers, overall effectiveness', () => {
    expect(f.judgements.map((j) => j.title)).toEqual([LEADERS, HELP, IN_CARE, LEAVERS, 'Overall effectiveness']);
    expect(f.judgements.every((j) => j.graded)).toBe(true);
    expect(f.gradeScale.map((g) => g.label)).toEqual(ILACS_GRADES);
    expect([f.validFrom, f.validTo]).toEqual(['2023-01', '2026-03']);
  });

  it('judges care leavers separately, on pathway plans, staying close and personal advisers among others', () => {
    const cl = f.judgements.find((j) => j.id === 'cl');
    const words = cl?.criteria.flatMap((c) => c.keywords) ?? [];
    expect(words).toEqual(expect.arrayContaining(['pathway plan', 'staying close', 'personal adviser', 'local offer']));
  });
});

describe('ILACS 2018 to 2022', () => {
  const f = get('ilacs-2018');

  it('puts children in care and care leavers in one judgement', () => {
    expect(f.judgements.map((j) => j.title)).toEqual([LEADERS, HELP, COMBINED, 'Overall effectiveness']);
    const combined = f.judgements.find((j) => j.title === COMBINED);
    const ids = combined?.criteria.map((c) => c.id) ?? [];
    expect(ids).toEqual(expect.arrayContaining(['CIC01', 'CIC15', 'CL01', 'CL12']));
    expect(f.judgements.some((j) => j.title === LEAVERS || j.title === IN_CARE)).toBe(false);
    expect([f.validFrom, f.validTo]).toEqual(['2018-01', '2022-12']);
  });
});

describe('the other built-in frameworks', () => {
  it('SIF has its three key judgements, two sub-judgements, overall effectiveness and the LSCB', () => {
    const f = get('sif-2013');
    expect(f.judgements.map((j) => j.title)).toEqual([
      'Children who need help and protection',
      'Children looked after and achieving permanence',
      'Adoption performance',
      'Experiences and progress of care leavers',
      'Leadership, management and governance',
      'Overall effectiveness',
      'The Local Safeguarding Children Board',
    ]);
    expect(f.gradeScale.map((g) => g.label)).toEqual(['Outstanding', 'Good', 'Requires improvement', 'Inadequate']);
  });

  it('Area SEND gives one of three outcomes rather than grades, and flags its criteria as unverified', () => {
    const f = get('area-send-2023');
    expect(f.gradeScale.map((g) => g.id)).toEqual(['positive', 'inconsistent', 'systemic-failings']);
    expect(f.judgements.every((j) => !j.graded)).toBe(true);
    expect(f.notes).toMatch(/UNVERIFIED/);
  });

  it('JTAI is ungraded: front door, themed deep dive, leadership', () => {
    const f = get('jtai-2022');
    expect(f.gradeScale).toEqual([]);
    expect(f.judgements.map((j) => j.id)).toEqual(['front-door', 'theme', 'leadership']);
    expect(f.judgements.every((j) => !j.graded)).toBe(true);
  });

  it('the national framework is a cross-cutting set of outcomes, enablers and principles', () => {
    const f = get('csc-nf-2023');
    expect(f.kind).toBe('cross-cutting');
    expect(f.judgements.map((j) => [j.title, j.criteria.length])).toEqual([['Outcomes', 4], ['Enablers', 3], ['Principles', 6]]);
    expect(f.notes).toMatch(/unverified/);
  });
});
