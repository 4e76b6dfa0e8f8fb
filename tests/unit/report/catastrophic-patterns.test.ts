import { describe, expect, it } from 'vitest';
import corpus from '../../fixtures/catastrophic-patterns.json';
import { checkUserPattern } from '@/utils/report/regex-safety';
import { checkPlaceholderRule } from '@/utils/settings/placeholder-rules';

describe('the catastrophic pattern corpus', () => {
  it('holds at least 40 patterns, each with why', () => {
    expect(corpus.patterns.length).toBeGreaterThanOrEqual(40);
    for (const entry of corpus.patterns) expect(entry.comment.length, entry.pattern).toBeGreaterThan(10);
    expect(new Set(corpus.patterns.map((p) => p.pattern)).size).toBe(corpus.patterns.length);
  });

  it.each(corpus.patterns.map((p) => [p.pattern, p.comment]))('refuses %s (%s) in plain words, quickly', (pattern) => {
    const begin = performance.now();
    const check = checkUserPattern(pattern);
    const elapsed = performance.now() - begin;
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/freeze|every character|exponential|any length|every way|to the end/);
    // The trial gives up soon after a pattern turns slow.
    expect(elapsed).toBeLessThan(2000);
    expect(checkPlaceholderRule({ name: 'rule', pattern, flags: '', kind: 'free' }).ok).toBe(false);
  });
});
