import { describe, expect, it } from 'vitest';
import { findPlaceholders } from '@/utils/report/placeholders';
import { checkPlaceholderRule } from '@/utils/settings/placeholder-rules';

describe('checkPlaceholderRule', () => {
  it('accepts a sound rule, trimming its name and flags but not its pattern', () => {
    const check = checkPlaceholderRule({ name: ' 项目编号 ', pattern: '项目编号\\d*待定', flags: ' i ', kind: 'free' });
    expect(check).toEqual({ ok: true, rule: { name: '项目编号', pattern: '项目编号\\d*待定', flags: 'i', kind: 'free' } });
    if (!check.ok) return;
    const found = findPlaceholders('编号：项目编号12待定。', { rules: [{ id: 'r', ...check.rule, enabled: true }] });
    expect(found.map((p) => p.text)).toEqual(['项目编号12待定']);
  });

  it('refuses a missing name, an unknown kind, bad flags, a broken, empty-matching or catastrophic pattern', () => {
    const base = { name: 'n', pattern: 'abc', flags: '', kind: 'free' };
    expect(checkPlaceholderRule({ ...base, name: ' ' })).toEqual({ ok: false, message: 'The rule needs a name.' });
    expect(checkPlaceholderRule({ ...base, kind: 'colour' }).ok).toBe(false);
    expect(checkPlaceholderRule({ ...base, flags: 'g' }).ok).toBe(false);
    expect(checkPlaceholderRule({ ...base, pattern: '[' })).toMatchObject({ ok: false, message: expect.stringContaining('Invalid pattern') });
    expect(checkPlaceholderRule({ ...base, pattern: '' }).ok).toBe(false);
    expect(checkPlaceholderRule({ ...base, pattern: 'x?' }).ok).toBe(false);
    expect(checkPlaceholderRule({ ...base, pattern: '(\\w+\\s*)*$' }).ok).toBe(false);
  });
});
