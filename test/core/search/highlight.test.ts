import { describe, expect, it } from 'vitest';
import { highlightText, snippetSegments, HIT_OPEN, HIT_CLOSE } from '../../../core/search/highlight.ts';
import { parseQuery, highlightTerms } from '../../../core/search/query.ts';

const mark = (text: string, query: string) => {
  const { segments, hits } = highlightText(text, highlightTerms(parseQuery(query)));
  return { marked: segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join(''), hits };
};

describe('highlightText', () => {
  it('marks whole words regardless of case and accents', () => {
    expect(mark('Café visits; CAFE review', 'cafe')).toEqual({ marked: '[Café] visits; [CAFE] review', hits: 2 });
  });

  it('marks words starting with a prefix, but not other words containing it', () => {
    expect(mark('safeguarding, safeguards and unsafe', 'safeguard*').marked).toBe('[safeguarding], [safeguards] and unsafe');
  });

  it('marks a number inside a reference and a phrase inside a run of Japanese', () => {
    expect(mark('Case A1312 and A-1312', '1312').marked).toBe('Case A[1312] and A-[1312]');
    expect(mark('新しいマーケットモデルの説明', 'マーケットモデル').marked).toBe('新しい[マーケットモデル]の説明');
  });

  it('marks a phrase only where its words stand together', () => {
    expect(mark('The permanence team follow the kestrel permanence protocol.', '"kestrel permanence protocol"')).toEqual({
      marked: 'The permanence team follow the [kestrel permanence protocol].',
      hits: 1,
    });
  });

  it('marks nothing for an empty query and never produces markup', () => {
    expect(mark('<b>bold</b>', '')).toEqual({ marked: '<b>bold</b>', hits: 0 });
  });
});

describe('snippetSegments', () => {
  it('splits an FTS5 snippet at the hit markers', () => {
    expect(snippetSegments(`the ${HIT_OPEN}care plan${HIT_CLOSE} was\nreviewed`)).toEqual([
      { text: 'the ', hit: false },
      { text: 'care plan', hit: true },
      { text: ' was reviewed', hit: false },
    ]);
  });
});
