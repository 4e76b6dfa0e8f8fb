import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The messages of one language, as the browser would give them. */
let messages: Record<string, string> = {};
vi.mock('#i18n', () => ({
  i18n: { t: (key: string, subs: string[] = []) => (messages[key] ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '') },
}));

describe('countText', () => {
  beforeEach(() => vi.resetModules());

  it('takes the English singular for one and the plural for every other count', async () => {
    messages = { languageTag: 'en', outlineProblems_one: '$1 numbering problem', outlineProblems_other: '$1 numbering problems' };
    const { countText } = await import('@/utils/plural');
    expect(countText('outlineProblems', 1, ['1'])).toBe('1 numbering problem');
    expect(countText('outlineProblems', 0, ['0'])).toBe('0 numbering problems');
    expect(countText('outlineProblems', 2, ['2'])).toBe('2 numbering problems');
  });

  it('has one form in Chinese', async () => {
    messages = { languageTag: 'zh-CN', outlineProblems_other: '$1 处编号问题', outlineProblems_one: 'never asked for' };
    const { countText } = await import('@/utils/plural');
    expect(countText('outlineProblems', 1, ['1'])).toBe('1 处编号问题');
    expect(countText('outlineProblems', 21, ['21'])).toBe('21 处编号问题');
  });
});
