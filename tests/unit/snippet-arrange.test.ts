import { describe, expect, it } from 'vitest';
import type { Snippet } from '@/utils/db/schema';
import { arrangeSnippets, elapsed, folderPath, folderTree, inFolder } from '@/utils/snippets/arrange';

const DAY = 86_400_000;
const snippet = (id: string, title: string, useCount: number, lastUsedAt?: number, folder?: string): Snippet => ({
  id,
  title,
  body: title,
  tags: [],
  folder,
  createdAt: 0,
  updatedAt: 0,
  useCount,
  lastUsedAt,
});

// In the order a search gave them; uses and dates written by hand.
const LIST = [
  snippet('a', '第10周周报', 2, 5 * DAY, '工作/周报'),
  snippet('b', '第2周周报', 7, 1 * DAY, '工作/周报'),
  snippet('c', '月度小结', 0, undefined, '工作/月报'),
  snippet('d', 'Alpha memo', 7, 9 * DAY, '个人'),
  snippet('e', '会议通知', 0, undefined),
];
const ids = (list: readonly Snippet[]) => list.map((s) => s.id).join('');

describe('the order the user picks', () => {
  it('best keeps the search order', () => {
    expect(ids(arrangeSnippets(LIST, 'best'))).toBe('abcde');
  });
  it('recent puts the last used first, the never used last in search order', () => {
    expect(ids(arrangeSnippets(LIST, 'recent'))).toBe('dabce');
  });
  it('frequent puts the most used first, ties by last use', () => {
    expect(ids(arrangeSnippets(LIST, 'frequent'))).toBe('dbace');
  });
  it('title: Chinese by pinyin (dì, huì, yuè), numbers inside titles as numbers, Latin after', () => {
    expect(arrangeSnippets(LIST, 'title').map((s) => s.title)).toEqual(['第2周周报', '第10周周报', '会议通知', '月度小结', 'Alpha memo']);
  });
});

describe('folders as a tree', () => {
  it('reads a path with slashes of either width and spaces', () => {
    expect(folderPath(' 工作 ／ 周报 /')).toEqual(['工作', '周报']);
    expect(folderPath(undefined)).toEqual([]);
  });
  it('lists each folder before its subfolders, with what it holds', () => {
    expect(folderTree(LIST)).toEqual([
      { path: '个人', name: '个人', depth: 0, count: 1 },
      { path: '工作', name: '工作', depth: 0, count: 3 },
      { path: '工作/月报', name: '月报', depth: 1, count: 1 },
      { path: '工作/周报', name: '周报', depth: 1, count: 2 },
    ]);
  });
  it('a folder holds its subfolders, not a folder that only starts with its name', () => {
    expect(LIST.filter((s) => inFolder(s, '工作')).map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(inFolder(snippet('x', 'x', 0, undefined, '工作计划'), '工作')).toBe(false);
    expect(inFolder(snippet('y', 'y', 0, undefined, '工作 / 周报'), '工作/周报')).toBe(true);
  });
});

describe('how long ago', () => {
  const now = 400 * DAY;
  it('takes the largest whole unit', () => {
    expect(elapsed(now - 30_000, now)).toEqual({ value: -0, unit: 'minute' });
    expect(elapsed(now - 5 * 60_000, now)).toEqual({ value: -5, unit: 'minute' });
    expect(elapsed(now - 3 * 3_600_000, now)).toEqual({ value: -3, unit: 'hour' });
    expect(elapsed(now - 3 * DAY, now)).toEqual({ value: -3, unit: 'day' });
    expect(elapsed(now - 15 * DAY, now)).toEqual({ value: -2, unit: 'week' });
    expect(elapsed(now - 65 * DAY, now)).toEqual({ value: -2, unit: 'month' });
    expect(elapsed(now - 370 * DAY, now)).toEqual({ value: -1, unit: 'year' });
  });
  it('a time in the future (another device’s clock) is now', () => {
    expect(elapsed(now + DAY, now)).toEqual({ value: -0, unit: 'minute' });
  });
});
