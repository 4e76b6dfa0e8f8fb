import { describe, expect, it } from 'vitest';
import { lineEndOf, lineStartOf } from '@/utils/report/lines';

describe('line bounds', () => {
  it('finds the line around an offset', () => {
    const text = '一、甲\n正文\n二、乙';
    expect(lineStartOf(text, 5)).toBe(4);
    expect(lineEndOf(text, 5)).toBe(6);
    expect(lineEndOf(text, 8)).toBe(text.length);
  });

  it('starts at 0 at the start of the text, even when it begins with a break', () => {
    expect(lineStartOf('\nxx', 0)).toBe(0);
    expect(lineStartOf('\nxx', 1)).toBe(1);
    expect(lineEndOf('\nxx', 0)).toBe(0);
  });
});
