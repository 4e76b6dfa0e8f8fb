import { describe, expect, it } from 'vitest';
import { literalOf, literalOfReplacement, literalPattern, literalReplacement } from '@/utils/report/literal-pattern';

describe('a rule written as plain text', () => {
  it('is found exactly as written, signs and all', () => {
    for (const text of ['中心工作', '【待定】', '(  )', 'a.b*c+?', '[Name]', '{{单位}}', 'x^2 $5 a|b \\']) {
      const pattern = literalPattern(text);
      const found = `前${text}后${text}`.match(new RegExp(pattern, 'g'));
      expect(found, text).toEqual([text, text]);
      expect(literalOf(pattern), text).toBe(text);
    }
    expect(literalPattern('（　）')).toBe('（　）');
    expect(literalPattern('a.b')).toBe('a\\.b');
  });

  it('reads a real regular expression as none', () => {
    for (const pattern of ['a.b', 'x+', '\\d{4}年', '^TODO', 'a|b', '']) expect(literalOf(pattern), pattern).toBeNull();
    expect(literalOf('中心工作', 'i')).toBeNull();
  });

  it('puts a replacement in as written, $ included', () => {
    expect('共x元'.replace(/x/, literalReplacement('$1 或 $&'))).toBe('共$1 或 $&元');
    expect(literalOfReplacement(literalReplacement('$1 或 $&'))).toBe('$1 或 $&');
    expect(literalOfReplacement('第$1页')).toBeNull();
  });
});
