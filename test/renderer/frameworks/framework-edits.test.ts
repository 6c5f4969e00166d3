import { describe, expect, it } from 'vitest';
import { BUILT_IN_FRAMEWORKS } from '../../../shared/frameworks/index.ts';
import { parseFramework, serializeFramework } from '../../../shared/frameworks/parse.ts';
import { addCriterion, deleteCriterion, keywordList, moveCriterion, moveJudgement, suggestCriterionId } from '../../../renderer/src/frameworks/framework-edits.ts';
import { problemLinesOf } from '../../../renderer/src/frameworks/FrameworkTextEditor.tsx';

const ilacs = BUILT_IN_FRAMEWORKS.find((f) => f.id === 'ilacs-2026')!;

describe('framework edits', () => {
  it('suggest the next id in the judgement’s own pattern, never one in use', () => {
    expect(suggestCriterionId(ilacs, 0)).toBe('L13');
    const withL13 = addCriterion(ilacs, 1, { id: 'L13', title: 'x', description: 'x', keywords: 'x' });
    expect(suggestCriterionId(withL13, 0)).toBe('L14');
  });

  it('leave a framework that still validates, and never change the one they were given', () => {
    const before = serializeFramework(ilacs);
    const next = deleteCriterion(moveJudgement(moveCriterion(addCriterion(ilacs, 0, { id: 'L13', title: 'Workforce', description: 'Stable workforce.', keywords: 'agency, caseloads' }), 0, 0, 1), 0, 1), 1, 0);
    expect(serializeFramework(ilacs)).toBe(before);
    const parsed = parseFramework(serializeFramework({ ...next, id: 'ilacs-2026-local' }));
    expect(parsed.ok).toBe(true);
    // L01 moved below L02, the judgement moved down one, then its first criterion (L02) deleted.
    expect(next.judgements[1].criteria.map((c) => c.id).slice(0, 2)).toEqual(['L01', 'L03']);
    expect(next.judgements[1].criteria.at(-1)?.keywords).toEqual(['agency', 'caseloads']);
  });

  it('change nothing when moving past either end', () => {
    expect(moveCriterion(ilacs, 0, 0, -1).judgements[0].criteria).toEqual(ilacs.judgements[0].criteria);
    expect(moveJudgement(ilacs, ilacs.judgements.length - 1, 1).judgements).toEqual(ilacs.judgements);
  });

  it('read keywords typed on one line', () => {
    expect(keywordList(' return home interviews, missing ;; exploitation ,')).toEqual(['return home interviews', 'missing', 'exploitation']);
  });

  it('find the lines a save problem names', () => {
    expect(problemLinesOf('Line 12: "title" is empty.\nLine 3: bad\nLine 12: again\n…and 2 more problems.')).toEqual([12, 3]);
    expect(problemLinesOf(null)).toEqual([]);
  });
});
