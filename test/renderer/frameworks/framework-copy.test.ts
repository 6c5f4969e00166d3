import { describe, expect, it } from 'vitest';
import { copyForEditing } from '../../../renderer/src/frameworks/framework-copy.ts';
import { parseFramework } from '../../../shared/frameworks/parse.ts';
import { BUILT_IN_FRAMEWORKS } from '../../../shared/frameworks/index.ts';
import { serializeFramework } from '../../../shared/frameworks/parse.ts';

describe('copyForEditing', () => {
  it('turns a built-in framework into a valid one of the group’s own, with a new id and no default flag', () => {
    const builtIn = BUILT_IN_FRAMEWORKS[0];
    const copy = copyForEditing(serializeFramework(builtIn));
    const parsed = parseFramework(copy);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.framework.id).toBe(`${builtIn.id}-local`);
    expect(parsed.framework.title).toContain('(our copy)');
    expect(parsed.framework.default).toBeFalsy();
    expect(parsed.framework.judgements).toHaveLength(builtIn.judgements.length);
  });

  it('never takes the id of a copy the group already has', () => {
    const builtIn = BUILT_IN_FRAMEWORKS[0];
    const json = serializeFramework(builtIn);
    const second = JSON.parse(copyForEditing(json, [builtIn.id, `${builtIn.id}-local`])) as { id: string };
    expect(second.id).toBe(`${builtIn.id}-local-2`);
    const third = JSON.parse(copyForEditing(json, [`${builtIn.id}-local`, `${builtIn.id}-local-2`])) as { id: string };
    expect(third.id).toBe(`${builtIn.id}-local-3`);
  });
});
