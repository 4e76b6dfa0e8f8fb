import { describe, expect, it } from 'vitest';
import { excerpt, matchExcerpt, matchRanges, splitByRanges } from '@/utils/search/highlight';
import { fold, queryTerms, termsOf } from '@/utils/search/text';

const marked = (text: string, query: string) =>
  splitByRanges(text, matchRanges(text, queryTerms(query)))
    .map((p) => (p.match ? `[${p.text}]` : p.text))
    .join('');

describe('matchRanges', () => {
  it('marks every occurrence of a Chinese term', () => {
    expect(marked('学习贯彻，深化学习', '学习')).toBe('[学习]贯彻，深化[学习]');
  });

  it('marks the whole English word a prefix matched, in the original case', () => {
    expect(marked('Reporting and reports, not a prerequisite', 'rep')).toBe('[Reporting] and [reports], not a prerequisite');
  });

  it('merges overlapping matches of several terms', () => {
    expect(marked('政治建设', '政治 治建')).toBe('[政治建]设');
    expect(marked('2023年工作总结', '2023年 工作')).toBe('[2023年工作]总结');
  });

  it('keeps offsets of the original text through full-width folding', () => {
    expect(marked('ＡＢＣ项目', 'abc')).toBe('[ＡＢＣ]项目');
  });

  it('marks nothing for no terms', () => {
    expect(marked('正文', '')).toBe('正文');
  });
});

describe('excerpt', () => {
  it('keeps a short text whole, on one line', () => {
    const text = '第一行\n第二行';
    expect(excerpt(text, [], 20)).toEqual({ text: '第一行 第二行', ranges: [] });
  });

  it('starts a little before a match far into the text, marking the cuts', () => {
    const text = `${'前'.repeat(100)}关键词${'后'.repeat(100)}`;
    const result = excerpt(text, matchRanges(text, queryTerms('关键')), 40);
    expect(result.text.startsWith('…')).toBe(true);
    expect(result.text.endsWith('…')).toBe(true);
    const [range] = result.ranges;
    expect(result.text.slice(range.start, range.end)).toBe('关键');
  });

  it('never cuts a surrogate pair', () => {
    const text = '𠀀'.repeat(50);
    const result = excerpt(text, [], 9);
    expect(result.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('matchExcerpt', () => {
  const shown = (result: { text: string; ranges: { start: number; end: number }[] }) =>
    splitByRanges(result.text, result.ranges)
      .map((p) => (p.match ? `[${p.text}]` : p.text))
      .join('');

  it('marks a short text as excerpt does', () => {
    const text = 'Report on\nthe  quarter';
    expect(matchExcerpt(text, queryTerms('the'), 40)).toEqual(excerpt(text, matchRanges(text, queryTerms('the')), 40));
    expect(shown(matchExcerpt(text, queryTerms('the'), 40))).toBe('Report on [the] quarter');
  });

  it('shows the window around the first match of a 1 MB text, in the time a short one takes', () => {
    // 1,000 lines without the word, then 60,000 with it: about 1.1 MB.
    const text = 'Opening words here.\n'.repeat(1000) + 'then the   quarter closed\n'.repeat(60_000);
    const terms = queryTerms('the');
    const begin = performance.now();
    const result = matchExcerpt(text, terms, 40);
    const elapsed = performance.now() - begin;
    // The match starts a quarter of the width in; 40 characters are shown.
    expect(shown(result)).toBe('…rds here. [then] [the] quarter closed [then] [t]…');
    expect(elapsed).toBeLessThan(50);
  });

  it('does not take a match inside a word at the window edge for a word start', () => {
    const text = 'x'.repeat(5000) + 'other then';
    // `ther` of `other` is inside a word: only `then` is marked.
    expect(shown(matchExcerpt(text, queryTerms('the'), 20))).toBe('…ther [then]');
  });
});

describe('terms', () => {
  it('cuts text into CJK runs and words', () => {
    expect(termsOf(fold('今年 Q4 完成KPI复盘'))).toEqual([
      { text: '今年', cjk: true },
      { text: 'q4', cjk: false },
      { text: '完成', cjk: true },
      { text: 'kpi', cjk: false },
      { text: '复盘', cjk: true },
    ]);
  });

  it('keeps a query term once', () => {
    expect(queryTerms('学习 学习 Study study')).toEqual([
      { text: '学习', cjk: true },
      { text: 'study', cjk: false },
    ]);
  });
});
