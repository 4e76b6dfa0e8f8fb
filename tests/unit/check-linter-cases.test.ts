import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDocument, type CheckRuleId } from '@/utils/report/check';

interface LinterCase {
  input: string;
  linter: string;
  /** What GB/T 15834 asks for where it differs from the linter. */
  standard?: string;
  why?: string;
}

const { cases } = JSON.parse(readFileSync('tests/fixtures/linter-cases/autocorrect-fullwidth.json', 'utf8')) as { cases: LinterCase[] };
const RULES: CheckRuleId[] = ['halfwidth-punctuation', 'fullwidth-digits'];

/** The input with every fix of the punctuation and digit rules applied, as Fix all does. */
function fixed(text: string): string {
  const fixes = checkDocument(text).filter((f) => RULES.includes(f.rule) && f.fix !== undefined);
  let out = text;
  for (const f of [...fixes].reverse()) out = out.slice(0, f.start) + f.fix + out.slice(f.end);
  return out;
}

describe('AutoCorrect’s published cases (tests/fixtures/linter-cases)', () => {
  for (const c of cases) {
    it(`${c.standard === undefined ? 'agrees' : 'follows the standard'}: ${c.input}`, () => {
      expect(fixed(c.input)).toBe(c.standard ?? c.linter);
    });
  }

  it('agrees on nine cases and differs, by the standard, on four', () => {
    expect(cases.filter((c) => c.standard === undefined).length).toBe(9);
    expect(cases.filter((c) => c.standard !== undefined).length).toBe(4);
  });
});
