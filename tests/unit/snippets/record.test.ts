import { describe, expect, it } from 'vitest';
import type { Snippet } from '@/utils/db/schema';
import { abbreviationBefore } from '@/utils/snippets/abbreviation';
import { checkAbbreviation, defaultTitle, duplicateSnippet, editedSnippet, hasMarkup, newSnippet, parseTags } from '@/utils/snippets/record';

describe('defaultTitle', () => {
  it('takes a Chinese first sentence, without its full stop', () => {
    expect(defaultTitle('加强政治建设，确保正确方向。牢固树立政治机关意识。')).toBe('加强政治建设，确保正确方向');
  });

  it('cuts long Chinese at 24 characters', () => {
    const title = defaultTitle('今年以来我们围绕中心工作认真履行职责扎实推进各项任务取得了明显成效');
    expect(title).toBe('今年以来我们围绕中心工作认真履行职责扎实推进各项…');
  });

  it('takes at most eight English words', () => {
    expect(defaultTitle('We completed the annual review of all programmes in the region')).toBe('We completed the annual review of all programmes…');
    expect(defaultTitle('Budget review. Then the rest')).toBe('Budget review');
  });

  it('keeps numbers with points whole and skips blank lines', () => {
    expect(defaultTitle('\n\n  完成率 98.5% 以上\n第二行')).toBe('完成率 98.5% 以上');
  });

  it('is empty for an empty body', () => {
    expect(defaultTitle('')).toBe('');
    expect(defaultTitle(' \n ')).toBe('');
  });
});

describe('parseTags', () => {
  it('splits at English and Chinese separators, trims and keeps each once', () => {
    expect(parseTags('党建, 总结，学习、党建；年度')).toEqual(['党建', '总结', '学习', '年度']);
    expect(parseTags(' , ，')).toEqual([]);
  });
});

describe('abbreviations', () => {
  const known = new Set(['zj', 'zjbg', 'sig2']);

  it('finds an abbreviation right after Chinese text, a space or punctuation', () => {
    expect(abbreviationBefore('今年的zj', known)).toBe('zj');
    expect(abbreviationBefore('see zjbg', known)).toBe('zjbg');
    expect(abbreviationBefore('（sig2', known)).toBe('sig2');
    expect(abbreviationBefore('zj', known)).toBe('zj');
  });

  it('needs the whole word: not the end of a longer one', () => {
    expect(abbreviationBefore('xzj', known)).toBeNull();
    expect(abbreviationBefore('2023zj', known)).toBeNull();
    expect(abbreviationBefore('zj ', known)).toBeNull();
    expect(abbreviationBefore('', known)).toBeNull();
  });

  it('is exact about case', () => {
    expect(abbreviationBefore('ZJ', known)).toBeNull();
  });

  it('accepts letters and digits up to 32, unique among snippets', () => {
    const others = [{ id: 'a', abbreviation: 'zj' }, { id: 'b' }];
    expect(checkAbbreviation('zjbg', 'c', others)).toBeNull();
    expect(checkAbbreviation('zj', 'a', others)).toBeNull();
    expect(checkAbbreviation('zj', 'c', others)).toBe('taken');
    for (const bad of ['', 'z j', ';sig', '总结', 'x'.repeat(33)]) expect(checkAbbreviation(bad, 'c', others)).toBe('invalid');
  });
});

describe('records', () => {
  const base = newSnippet({ body: '持续深化理论学习。', html: '<p>持续<strong>深化</strong>理论学习。</p>', tags: ['学习'], folder: ' 党建 ', abbreviation: 'llxx' }, 'id-1', 1000);

  it('makes a new snippet with a title from its first words and counts at zero', () => {
    expect(base).toEqual({
      id: 'id-1',
      title: '持续深化理论学习',
      body: '持续深化理论学习。',
      html: '<p>持续<strong>深化</strong>理论学习。</p>',
      tags: ['学习'],
      folder: '党建',
      abbreviation: 'llxx',
      createdAt: 1000,
      updatedAt: 1000,
      useCount: 0,
    });
  });

  it('keeps HTML only when it has formatting', () => {
    expect(hasMarkup('plain &amp; text<br>')).toBe(false);
    expect(hasMarkup('<p>x</p>')).toBe(true);
    expect(newSnippet({ body: 'x', html: 'x<br>' }, 'id', 1).html).toBeUndefined();
  });

  it('duplicates under a new id, unused, without the abbreviation', () => {
    const used: Snippet = { ...base, useCount: 7, lastUsedAt: 5000 };
    const copy = duplicateSnippet(used, 'id-2', 9000, '副本');
    const expected: Snippet = { ...base, id: 'id-2', title: '副本', createdAt: 9000, updatedAt: 9000, useCount: 0 };
    delete expected.abbreviation;
    expect(copy).toStrictEqual(expected);
    expect('abbreviation' in copy).toBe(false);
    expect('lastUsedAt' in copy).toBe(false);
  });

  it('applies edits, dropping emptied optional fields and keeping the counts', () => {
    const used: Snippet = { ...base, useCount: 7, lastUsedAt: 5000 };
    const edited = editedSnippet(used, { title: '新标题', body: '新正文', tags: [] }, 8000);
    expect(edited).toEqual({ id: 'id-1', title: '新标题', body: '新正文', tags: [], createdAt: 1000, updatedAt: 8000, useCount: 7, lastUsedAt: 5000 });
  });
});
