import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkUserPattern } from '../../../utils/report/regex-safety';

function refusal(pattern: string, flags = ''): string {
  const check = checkUserPattern(pattern, flags);
  expect(check, pattern).toMatchObject({ ok: false });
  return check.ok ? '' : check.message;
}

describe('checkUserPattern', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('returns a regex with the given flags', () => {
    const check = checkUserPattern('【[^】]{1,10}】', 'i');
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.regex.flags).toBe('i');
      expect(check.regex.test('【单位】')).toBe(true);
    }
  });

  it.each([
    '【[^】]{1,10}】',
    '(\\d+,)*\\d+',
    '(ab)+',
    '(?:a{0,3}b)?c',
    '[(+*]+',
    '\\(a+\\)+',
    '(?:x|y)+',
    'a{2}b+',
    // Each pass ends in `c`, so the nested repeat cannot split text in many ways.
    '((ab)*c)+',
    '#\\d+',
    'x(?=工作)',
  ])('accepts %s', (pattern) => {
    expect(checkUserPattern(pattern).ok).toBe(true);
  });

  it('refuses an empty pattern', () => {
    expect(refusal('')).toMatch(/empty/);
  });

  it('quotes the error of invalid syntax and of invalid flags', () => {
    expect(refusal('(abc')).toMatch(/^Invalid pattern: ".*Unterminated group.*"\.$/);
    expect(refusal('a', 'ii')).toMatch(/^Invalid pattern: ".*flags.*"\.$/);
  });

  it.each(['a*', 'x?', '\\b', '^', '(?=x)', 'a|', '(?:)', '$'])('refuses %s, which can match empty text', (pattern) => {
    expect(refusal(pattern)).toMatch(/can match empty text/);
  });

  it('finds an empty match that only follows a real one', () => {
    // The first match of `b` is `b`; the lookbehind matches nothing right after it.
    expect(refusal('b|(?<=b)')).toMatch(/can match empty text/);
  });

  it.each(['(a+)+$', '(\\w+\\s*)*', '(a|a)*', '(a*)*b', '(a|ab)+c', '(\\w+\\s?)*:', '((ab)*)+x', '(?:x+x+)+y'])(
    'refuses the nested repetition %s before running it',
    (pattern) => {
      const now = vi.spyOn(performance, 'now');
      expect(refusal(pattern)).toMatch(/repeats something that already repeats.*could freeze the page/);
      expect(now).not.toHaveBeenCalled();
    },
  );

  // `\w` and `\d` start differently but both match digits: 2^n ways to split "111…1".
  // `[xy]|xy` splits `xy` two ways; only text that alternates x and y shows it.
  it.each(['^(\\w|\\d)+$', '^(?:[xy]|xy)+$', '(?:\\s|\\u3000)+x'])('refuses %s, whose repeated alternatives overlap, before running it', (pattern) => {
    const now = vi.spyOn(performance, 'now');
    expect(refusal(pattern)).toMatch(/repeats alternatives that can match the same text/);
    expect(now).not.toHaveBeenCalled();
  });

  // Each is tried from every character of the text and runs on to its end before failing.
  it.each([
    ['[\\s\\S]+?ZZZ', /can also match the "Z" after it/],
    ['.*。', /can also match the "。" after it/],
    ['(a+a)+$', /can also match the "a" after it/],
    ['[^,]*,', /starts with "\[\^,\]\*", a run of almost any text/],
    ['(?:[^,]*,){30}Z', /repeats a fixed number of times a group whose own repeat has no bound/],
    ['x(?<=[\\s\\S]*abc)', /looks back over text of any length/],
    ['(?=.*TBD)\\w', /looks ahead over text of any length/],
    ['(["\'])待定\\1', /repeats what a group matched/],
  ])('refuses %s, slow on a long document, before running it', (pattern, message) => {
    const now = vi.spyOn(performance, 'now');
    expect(refusal(pattern)).toMatch(message);
    expect(now).not.toHaveBeenCalled();
  });

  it.each(['^[ \\t\\n]*\\n', '【[^】]+】', '\\{\\{[^{}]+\\}\\}', '项目编号\\d*待定', '(?<=[一-龥]D*)D'])(
    'accepts %s, whose runs stop where the match ends or run once',
    (pattern) => {
      expect(checkUserPattern(pattern).ok).toBe(true);
    },
  );

  it('refuses a pattern the timing trial finds slow', () => {
    let calls = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (calls++ % 2) * 1000);
    expect(refusal('slow+d')).toMatch(/^The pattern took over 20 ms on a test text of \d+ characters \(".*…"\); it could freeze the page\.$/);
  });

  it('does not refuse a good pattern for one slow run', () => {
    // The first run of every trial is slow, as after a pause for garbage collection.
    let calls = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (calls++ % 4 === 1 ? 1000 : 0));
    expect(checkUserPattern('pause+d').ok).toBe(true);
  });

  it('judges each pattern and flags once', () => {
    const first = checkUserPattern('cached+x');
    const now = vi.spyOn(performance, 'now');
    expect(checkUserPattern('cached+x')).toBe(first);
    expect(now).not.toHaveBeenCalled();

    const other = checkUserPattern('cached+x', 'i');
    expect(other).not.toBe(first);
    expect(other.ok && other.regex.flags).toBe('i');
    expect(now).toHaveBeenCalled();
  });

  it('keeps refusals too', () => {
    const first = checkUserPattern('(cached+)+$');
    expect(checkUserPattern('(cached+)+$')).toBe(first);
  });
});
