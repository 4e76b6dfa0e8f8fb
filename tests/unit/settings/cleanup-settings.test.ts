import { describe, expect, it } from 'vitest';
import { cleanMaterial, DEFAULT_CLEANUP_RULES, type CleanupRule } from '@/utils/report/cleanup';
import {
  checkOwnCleanupRule,
  cleanupRulesOf,
  EMPTY_CLEANUP_SETTINGS,
  parseCleanupSettings,
  withBuiltInSwitched,
  withOwnRule,
  withoutOwnRule,
} from '@/utils/settings/cleanup-settings';

const own = (overrides: Partial<CleanupRule> = {}): CleanupRule => ({
  id: 'mine',
  name: '删除页码行',
  kind: 'remove-line',
  pattern: '^第\\d+页$',
  flags: 'm',
  enabled: true,
  ...overrides,
});

describe('parseCleanupSettings', () => {
  it('reads back what was stored', () => {
    const settings = { off: ['masked-party'], own: [own(), own({ id: 'r', kind: 'replace', pattern: 'AAA', replacement: '甲' })] };
    expect(parseCleanupSettings(JSON.stringify(settings))).toEqual(settings);
  });

  it('gives the defaults for nothing, bad JSON or the wrong shape', () => {
    for (const bad of [undefined, '', '{', 'null', '42', '"text"', '[]']) expect(parseCleanupSettings(bad)).toEqual(EMPTY_CLEANUP_SETTINGS);
  });

  it('drops damaged entries, unknown built-in ids, repeated ids and rules posing as built-in ones', () => {
    const stored = {
      off: ['masked-party', 'no-such-rule', 3],
      own: [own(), own({ name: '又一条' }), { id: 'x', name: 'n', kind: 'explode', pattern: 'a' }, { id: 'y' }, null, own({ id: 'paywall-markers' })],
    };
    expect(parseCleanupSettings(JSON.stringify(stored))).toEqual({ off: ['masked-party'], own: [own()] });
  });

  it('gives a replace rule without a replacement an empty one', () => {
    const stored = { own: [{ id: 'r', name: 'n', kind: 'replace', pattern: 'a', enabled: true }] };
    expect(parseCleanupSettings(JSON.stringify(stored)).own[0].replacement).toBe('');
  });
});

describe('cleanupRulesOf', () => {
  it('is the built-in rules when nothing is set', () => {
    expect(cleanupRulesOf(EMPTY_CLEANUP_SETTINGS)).toEqual(DEFAULT_CLEANUP_RULES);
  });

  it('switches built-in rules off and runs the user rules before the blank-space tidying', () => {
    const rules = cleanupRulesOf({ off: ['masked-party'], own: [own()] });
    expect(rules.find((r) => r.id === 'masked-party')?.enabled).toBe(false);
    const ids = rules.map((r) => r.id);
    expect(ids.indexOf('mine')).toBe(ids.indexOf('trailing-spaces') - 1);
    // The removed line leaves no blank line behind: the tidying rules run after it.
    const { text } = cleanMaterial('一、总体情况\n第1页\n\n\n二、下一步\n光荣在D', rules);
    expect(text).toBe('一、总体情况\n\n二、下一步\n光荣在D');
  });
});

describe('checkOwnCleanupRule', () => {
  it('accepts a sound rule', () => {
    expect(checkOwnCleanupRule(own())).toEqual({ ok: true });
  });

  it('refuses a blank name, a broken or catastrophic pattern, a replace rule with nothing to put', () => {
    expect(checkOwnCleanupRule(own({ name: '  ' })).ok).toBe(false);
    expect(checkOwnCleanupRule(own({ pattern: '(' }))).toMatchObject({ ok: false, message: expect.stringContaining('Invalid pattern') });
    expect(checkOwnCleanupRule(own({ pattern: '(a+)+$' }))).toMatchObject({ ok: false, message: expect.stringContaining('repeats') });
    expect(checkOwnCleanupRule(own({ pattern: 'a*' })).ok).toBe(false);
    expect(checkOwnCleanupRule(own({ kind: 'replace' })).ok).toBe(false);
  });
});

describe('changes', () => {
  it('adds, replaces and removes the user rules, leaving the settings given untouched', () => {
    const start = { off: [], own: [own()] };
    const added = withOwnRule(start, own({ id: 'b', name: 'B' }));
    expect(added.own.map((r) => r.id)).toEqual(['mine', 'b']);
    const edited = withOwnRule(added, own({ pattern: '^Page \\d+$' }));
    expect(edited.own.map((r) => r.pattern)).toEqual(['^Page \\d+$', '^第\\d+页$']);
    expect(withoutOwnRule(edited, 'mine').own.map((r) => r.id)).toEqual(['b']);
    expect(start.own).toEqual([own()]);
  });

  it('switches built-in rules once each, and ignores ids that are not built in', () => {
    const off = withBuiltInSwitched(withBuiltInSwitched(EMPTY_CLEANUP_SETTINGS, 'blank-lines', false), 'blank-lines', false);
    expect(off.off).toEqual(['blank-lines']);
    expect(withBuiltInSwitched(off, 'blank-lines', true).off).toEqual([]);
    expect(withBuiltInSwitched(EMPTY_CLEANUP_SETTINGS, 'mine', false).off).toEqual([]);
  });
});
