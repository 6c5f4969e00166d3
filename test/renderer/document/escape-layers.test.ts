/**
 * Esc while a document is open puts away the newest layer over it first; a layer taken away (its
 * panel closed some other way) is never closed by a later Esc.
 */
import { describe, expect, it } from 'vitest';
import { addEscapeLayer, closeTopEscapeLayer } from '../../../renderer/src/document/escape-layers.ts';

describe('layers Esc puts away', () => {
  it('closes the newest first, one per Esc, then answers that there is none', () => {
    const closed: string[] = [];
    addEscapeLayer(() => closed.push('results'));
    addEscapeLayer(() => closed.push('evidence'));
    expect(closeTopEscapeLayer()).toBe(true);
    expect(closed).toEqual(['evidence']);
    expect(closeTopEscapeLayer()).toBe(true);
    expect(closed).toEqual(['evidence', 'results']);
    expect(closeTopEscapeLayer()).toBe(false);
  });

  it('forgets a layer taken away, even one under another', () => {
    const closed: string[] = [];
    const removeLower = addEscapeLayer(() => closed.push('lower'));
    const removeUpper = addEscapeLayer(() => closed.push('upper'));
    removeLower();
    expect(closeTopEscapeLayer()).toBe(true);
    expect(closeTopEscapeLayer()).toBe(false);
    expect(closed).toEqual(['upper']);
    // Taken away after Esc closed it: nothing else goes.
    removeUpper();
    expect(closeTopEscapeLayer()).toBe(false);
  });
});
