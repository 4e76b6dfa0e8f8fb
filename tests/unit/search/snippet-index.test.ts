import { describe, expect, it } from 'vitest';
import { SnippetIndex, useScore, type Searchable } from '@/utils/search/snippet-index';

const NOW = Date.UTC(2025, 5, 1);
const DAY = 24 * 3600 * 1000;

interface Doc extends Searchable {
  id: string;
}

function doc(id: string, fields: Partial<Doc> = {}): Doc {
  return { id, title: '', body: '', tags: [], updatedAt: NOW - 100 * DAY, useCount: 0, ...fields };
}

const ids = (docs: Doc[]) => docs.map((d) => d.id);

const LIBRARY: Doc[] = [
  doc('party', { title: '加强政治建设', body: '牢固树立政治机关意识，坚定拥护“两个确立”。', tags: ['党建'] }),
  doc('study', { title: '理论学习', body: '持续深化理论学习，推动学习贯彻走深走实。', tags: ['学习'] }),
  doc('summary', { title: 'Annual work summary', body: 'We completed the reporting cycle ahead of schedule.', tags: ['report'] }),
  doc('mixed', { title: '2023年工作总结', body: 'Q4 报告 covering the KPI review：完成率 98%。', tags: ['总结', 'KPI'] }),
  doc('fullwidth', { title: 'ＡＢＣ项目', body: '全角字母的项目名称。' }),
];

describe('SnippetIndex: Chinese', () => {
  const index = new SnippetIndex(LIBRARY, NOW);

  it('finds a two-character word inside running text, with no spaces around it', () => {
    expect(ids(index.search('机关'))).toEqual(['party']);
    expect(ids(index.search('走深'))).toEqual(['study']);
  });

  it('finds a run that straddles what a word segmenter would cut (政治|建设 → 治建)', () => {
    expect(ids(index.search('治建'))).toEqual(['party']);
  });

  it('needs the characters together: bigrams present apart are not a match', () => {
    // 政治 and 意识 are both in `party`, but 治意 is not.
    expect(index.search('治意')).toEqual([]);
  });

  it('finds one character too, by a scan', () => {
    expect(ids(index.search('党'))).toEqual(['party']);
  });

  it('treats every word of the query as required', () => {
    expect(ids(index.search('理论 贯彻'))).toEqual(['study']);
    expect(index.search('理论 政治')).toEqual([]);
  });
});

describe('SnippetIndex: English', () => {
  const index = new SnippetIndex(LIBRARY, NOW);

  it('matches words by prefix, in any case', () => {
    expect(ids(index.search('rep'))).toEqual(['summary']);
    expect(ids(index.search('re'))).toEqual(['summary', 'mixed']);
    expect(ids(index.search('ANNUAL'))).toEqual(['summary']);
  });

  it('does not match inside a word', () => {
    expect(index.search('port')).toEqual([]);
    expect(index.search('nual')).toEqual([]);
  });

  it('folds full-width letters to ASCII, both ways', () => {
    expect(ids(index.search('abc'))).toEqual(['fullwidth']);
    expect(ids(index.search('ＡＢ'))).toEqual(['fullwidth']);
  });
});

describe('SnippetIndex: mixed Chinese and English', () => {
  const index = new SnippetIndex(LIBRARY, NOW);

  it('splits a mixed query into its Chinese and English terms', () => {
    expect(ids(index.search('2023年工作'))).toEqual(['mixed']);
    expect(ids(index.search('kpi 完成率'))).toEqual(['mixed']);
    expect(ids(index.search('报告cov'))).toEqual(['mixed']);
  });

  it('finds an English word written right after Chinese text', () => {
    expect(ids(index.search('q4'))).toEqual(['mixed']);
  });

  it('searches tags as well as title and body', () => {
    expect(ids(index.search('党建'))).toEqual(['party']);
  });

  it('returns everything for an empty or blank query, and nothing for punctuation alone', () => {
    expect(index.search('')).toHaveLength(LIBRARY.length);
    expect(index.search('   ')).toHaveLength(LIBRARY.length);
    expect(index.search('，。!?')).toHaveLength(LIBRARY.length);
  });

  it('filters by tag, with or without a query', () => {
    expect(ids(index.search('', { tags: ['学习'] }))).toEqual(['study']);
    expect(ids(index.search('工作', { tags: ['总结'] }))).toEqual(['mixed']);
    expect(index.search('工作', { tags: ['学习'] })).toEqual([]);
  });

  it('survives an empty library and odd input', () => {
    const empty = new SnippetIndex<Doc>([], NOW);
    expect(empty.search('工作')).toEqual([]);
    expect(index.search('\u0000\uD800')).toHaveLength(LIBRARY.length);
    expect(index.search('x'.repeat(10_000))).toEqual([]);
  });
});

describe('SnippetIndex: ranking', () => {
  it('puts a title match above a body match, however often the body one was used', () => {
    const index = new SnippetIndex(
      [
        doc('body', { title: '其他', body: '年度考核工作', useCount: 50, lastUsedAt: NOW - DAY }),
        doc('title', { title: '年度考核', body: '正文' }),
        doc('tag', { title: '其他', body: '正文', tags: ['年度考核'] }),
      ],
      NOW,
    );
    expect(ids(index.search('考核'))).toEqual(['title', 'tag', 'body']);
  });

  it('among equal matches, puts recently and often used ones first', () => {
    const index = new SnippetIndex(
      [
        doc('old', { title: '述职报告', useCount: 30, lastUsedAt: NOW - 365 * DAY }),
        doc('never', { title: '述职报告' }),
        doc('recent', { title: '述职报告', useCount: 3, lastUsedAt: NOW - DAY }),
        doc('frequent', { title: '述职报告', useCount: 20, lastUsedAt: NOW - 2 * DAY }),
      ],
      NOW,
    );
    expect(ids(index.search('述职'))).toEqual(['frequent', 'recent', 'old', 'never']);
    expect(ids(index.search(''))).toEqual(['frequent', 'recent', 'old', 'never']);
  });

  it('scores use as uses halved every 30 days since last touched', () => {
    expect(useScore(doc('a', { useCount: 3, lastUsedAt: NOW }), NOW)).toBe(4);
    expect(useScore(doc('a', { useCount: 3, lastUsedAt: NOW - 30 * DAY }), NOW)).toBeCloseTo(2);
    // An edit counts as a touch when it is later than the last use.
    expect(useScore(doc('a', { updatedAt: NOW }), NOW)).toBe(1);
  });
});

describe('SnippetIndex: building a slice at a time', () => {
  it('stops when time runs out, goes on where it stopped, and searches the same', () => {
    const many = Array.from({ length: 300 }, (_, i) => doc(`d${i}`, { title: i % 2 ? `工作总结 ${i}` : `Report ${i}`, body: LIBRARY[i % LIBRARY.length].body }));
    const sliced = new SnippetIndex(many, NOW);
    let slices = 1;
    let budget = 0;
    while (!sliced.prepare(() => ++budget % 2 !== 0)) slices++;
    expect(slices).toBeGreaterThan(2);
    const whole = new SnippetIndex(many, NOW);
    for (const query of ['工作', 'rep', '机关', 'kpi 完成']) expect(ids(sliced.search(query))).toEqual(ids(whole.search(query)));
  });

  it('finishes the index on the first query', () => {
    const index = new SnippetIndex(LIBRARY, NOW);
    expect(index.prepare(() => false)).toBe(true); // fewer than one slice
    const partly = new SnippetIndex(Array.from({ length: 200 }, (_, i) => doc(`p${i}`, { title: `标题${i}` })), NOW);
    expect(partly.prepare(() => false)).toBe(false);
    expect(partly.search('标题')).toHaveLength(200);
  });
});
