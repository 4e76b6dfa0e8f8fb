import { describe, expect, it } from 'vitest';
import { lineEndOf, lineStartOf, lineStartWithin } from '@/utils/report/lines';

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

describe('lineStartWithin', () => {
  it('finds the line start only when it is within reach', () => {
    const text = 'first\nsecond line\r\nthird';
    expect(lineStartWithin(text, 9, 10)).toBe(6);
    expect(lineStartWithin(text, 9, 2)).toBe(-1);
    expect(lineStartWithin(text, 6, 0)).toBe(6);
    expect(lineStartWithin(text, 21, 5)).toBe(19); // after \r\n
    expect(lineStartWithin(text, 3, 5)).toBe(0);
  });

  it('answers -1 for an offset before the text and reads nothing past its end', () => {
    expect(lineStartWithin('abc', -1, 5)).toBe(-1);
    expect(lineStartWithin('abc', 5, 10)).toBe(0);
    expect(lineStartWithin('', 0, 0)).toBe(0);
  });
});
