import { describe, expect, it } from 'vitest';
import { validateRule } from '@/utils/report/placeholders';
import { patternProblem } from '@/utils/report/pattern-problems';
import { checkOwnCleanupRule } from '@/utils/settings/cleanup-settings';
import { checkPlaceholderRuleFields } from '@/utils/settings/placeholder-rules';

/** The reason for a pattern the real check refuses. */
function reasonOf(pattern: string, flags = '') {
  const check = validateRule({ pattern, flags });
  if (check.ok) throw new Error(`${pattern} was accepted`);
  return patternProblem(check.message);
}

describe('patternProblem', () => {
  it('names each syntax error of the engine as a kind with a sentence', () => {
    const cases: [string, string][] = [
      ['中心(工作', 'unclosed-group'],
      ['中心)工作', 'unmatched-paren'],
      ['[中心', 'unclosed-class'],
      ['*号', 'nothing-to-repeat'],
      ['(?<a>x)(?<a>y)', 'bad-group-name'],
      ['a{5,2}', 'bad-range'],
      ['[z-a]', 'bad-range'],
      ['(?<1a>x)', 'bad-group-name'],
      ['\\', 'bad-escape'],
    ];
    for (const [pattern, kind] of cases) expect(reasonOf(pattern), pattern).toMatchObject({ reason: 'syntax', kind });
    expect(reasonOf('\\p{Nope}', 'u')).toMatchObject({ reason: 'syntax', kind: 'bad-escape' });
    expect(reasonOf('x', 'gx')).toMatchObject({ reason: 'syntax', kind: 'bad-flags' });
  });

  it('names the repeat that could freeze the page, with the part of the pattern', () => {
    expect(reasonOf('(中+)+心')).toEqual({ reason: 'nested', part: '(中+)+' });
    expect(reasonOf('(a|a)*b')).toEqual({ reason: 'nested', part: '(a|a)*' });
    expect(reasonOf('(?=.*x)y')).toEqual({ reason: 'slow', part: '(?=.*x)' });
    expect(reasonOf('(\\w)\\1+')).toEqual({ reason: 'slow', part: '\\1+' });
    expect(reasonOf('.*x')).toEqual({ reason: 'slow', part: '.*' });
  });

  it('names an empty pattern, one that matches empty text, and a missing name', () => {
    expect(reasonOf('')).toEqual({ reason: 'empty' });
    expect(reasonOf('x*')).toEqual({ reason: 'matches-empty' });
    const fields = checkPlaceholderRuleFields({ name: ' ', pattern: 'x', flags: '', kind: 'free' });
    expect(!fields.ok && patternProblem(fields.message)).toEqual({ reason: 'name-missing' });
    const cleanup = checkOwnCleanupRule({ id: 'c', name: '', kind: 'remove', pattern: 'x', enabled: true });
    expect(!cleanup.ok && patternProblem(cleanup.message)).toEqual({ reason: 'name-missing' });
  });
});
