// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { HIT_CLASS, foldWord, markWords } from '../../renderer/src/document/text-layer-hits.ts';

describe('marking hits in the PDF text layer', () => {
  it('wraps whole matching words (case- and accent-insensitive) and counts them', () => {
    const root = document.createElement('div');
    root.innerHTML = '<span>Social workers follow the Kestrel protocol</span><span>kestrels and café</span>';
    const count = markWords(root, new Set(['kestrel', 'cafe']));
    expect(count).toBe(2);
    expect([...root.querySelectorAll(`mark.${HIT_CLASS}`)].map((m) => m.textContent)).toEqual(['Kestrel', 'café']);
    // The text itself is unchanged, only wrapped.
    expect(root.textContent).toBe('Social workers follow the Kestrel protocolkestrels and café');
  });

  it('treats text as text: markup-looking words are not parsed', () => {
    const root = document.createElement('div');
    const span = document.createElement('span');
    span.textContent = '<img src=x> care';
    root.append(span);
    expect(markWords(root, new Set(['img', 'care']))).toBe(2);
    expect(root.querySelector('img')).toBeNull();
  });

  it('folds like the index', () => {
    expect(foldWord('Éducation')).toBe('education');
  });
});
