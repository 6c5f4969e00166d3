// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { CURRENT_HIT_CLASS, HIT_CLASS, foldWord, hitsOfSegments, markCurrentHit, markHits } from '../../renderer/src/document/text-layer-hits.ts';

const layer = (...spans: string[]) => {
  const root = document.createElement('div');
  for (const text of spans) {
    const span = document.createElement('span');
    span.textContent = text;
    root.append(span);
  }
  return root;
};
const marked = (root: HTMLElement) => [...root.querySelectorAll(`mark.${HIT_CLASS}`)].map((m) => m.textContent);

describe('marking hits in the PDF text layer', () => {
  it('wraps whole matching words (case- and accent-insensitive) and counts them', () => {
    const root = layer('Social workers follow the Kestrel protocol', 'kestrels and café');
    const count = markHits(root, [['kestrel'], ['cafe']]);
    expect(count).toBe(2);
    expect(marked(root)).toEqual(['Kestrel', 'café']);
    // The text itself is unchanged, only wrapped.
    expect(root.textContent).toBe('Social workers follow the Kestrel protocolkestrels and café');
  });

  it('marks a phrase only where its words stand together, not its words elsewhere on the page', () => {
    const root = layer('Section 2: Practice in the permanence team', 'Social workers follow the kestrel permanence protocol when a', 'protocol review');
    const hits = hitsOfSegments([
      { text: 'Social workers follow the ', hit: false },
      { text: 'kestrel permanence protocol', hit: true },
      { text: ' when a', hit: false },
    ]);
    expect(hits).toEqual([['kestrel', 'permanence', 'protocol']]);
    expect(markHits(root, hits)).toBe(1);
    expect(marked(root)).toEqual(['kestrel', 'permanence', 'protocol']);
    // The heading's "permanence" and the lone "protocol" on the last line stay unmarked.
    expect(root.children[0].querySelector('mark')).toBeNull();
    expect(root.children[2].querySelector('mark')).toBeNull();
  });

  it('finds a phrase that the text layer splits across spans (a line break in the middle)', () => {
    const root = layer('follow the kestrel permanence', 'protocol when a placement');
    expect(markHits(root, hitsOfSegments([{ text: 'kestrel permanence\nprotocol', hit: true }]))).toBe(1);
    expect(marked(root)).toEqual(['kestrel', 'permanence', 'protocol']);
  });

  it('marks a match inside a word when there is no whole word for it', () => {
    const root = layer('the permanence team');
    expect(markHits(root, [['perman']])).toBe(1);
    expect(marked(root)).toEqual(['perman']);
    expect(root.textContent).toBe('the permanence team');
  });

  it('marks nothing without hits, and ignores segments that are not hits', () => {
    const root = layer('care plans');
    expect(markHits(root, hitsOfSegments([{ text: 'care plans', hit: false }]))).toBe(0);
    expect(marked(root)).toEqual([]);
  });

  it('treats text as text: markup-looking words are not parsed', () => {
    const root = layer('<img src=x> care');
    expect(markHits(root, [['img'], ['care']])).toBe(2);
    expect(root.querySelector('img')).toBeNull();
  });

  it('folds like the index', () => {
    expect(foldWord('Éducation')).toBe('education');
  });
});

describe('the current hit in the PDF text layer', () => {
  it('numbers the hits in reading order, a phrase’s words as one hit, whatever order they were asked for', () => {
    const root = layer('care plan first, then the', 'kestrel permanence protocol', 'and a care plan again');
    expect(markHits(root, [['kestrel', 'permanence', 'protocol'], ['care', 'plan']])).toBe(3);
    const numbers = [...root.querySelectorAll<HTMLElement>(`mark.${HIT_CLASS}`)].map((m) => `${m.dataset.hit}:${m.textContent}`);
    expect(numbers).toEqual(['0:care', '0:plan', '1:kestrel', '1:permanence', '1:protocol', '2:care', '2:plan']);
  });

  it('marks every piece of the current hit, and only that hit', () => {
    const root = layer('care plan first, then the', 'kestrel permanence protocol', 'and a care plan again');
    markHits(root, [['kestrel', 'permanence', 'protocol'], ['care', 'plan']]);
    const current = () => [...root.querySelectorAll(`.${CURRENT_HIT_CLASS}`)].map((m) => m.textContent);
    expect(markCurrentHit(root, 1)?.textContent).toBe('kestrel');
    expect(current()).toEqual(['kestrel', 'permanence', 'protocol']);
    markCurrentHit(root, 2);
    expect(current()).toEqual(['care', 'plan']);
    expect(markCurrentHit(root, 7)).toBeNull();
    expect(markCurrentHit(root, null)).toBeNull();
    expect(current()).toEqual([]);
  });
});
