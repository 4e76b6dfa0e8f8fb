import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_RULES,
  findPlaceholders,
  findPlaceholdersInRange,
  type Placeholder,
  type PlaceholderRule,
} from '../../../utils/report/placeholders';

/** Pieces placeholders are made of, and the context that decides whether they stand alone. */
const PIECES = [
  'x', 'xx', 'X', 'XXX', '×', 'ｘ', 'Ｘ', '20', '2', '0', '3', 'D', 'I', 'a', 'box',
  '年', '月', '日', '次', '项', '人大', '市', '市场', '同志', '世纪', '余', '度', '%', '％',
  '·', '.', '-', '—', '/', ':', '@', '#', '&', '\\', "'",
  '【', '】', '[', ']', '［', '］', '(', ')', '（', '）', '{{', '}}', '<', '>', 'div', 'Name',
  '_', '___', '＿', '某', '某某', '○', '〇', '二', 'TBD', 'TODO', '待定', '待补充',
  ' ', '　', '\t', '\n', '\r\n', '- ', '中', '工作', '。', '，', '😀', '𠀀', '\ud800',
];
const placeholderish = fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 60 });
const anyCodeUnit = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });

const BUILT_IN_IDS = new Set<string>(BUILT_IN_RULES.map((r) => r.id));
const USER_RULES: PlaceholderRule[] = [
  { id: 'user-hash', name: 'Hash number', pattern: '#\\d+', kind: 'count', enabled: true },
  { id: 'user-double', name: 'Double brackets', pattern: '\\[\\[([^\\]\\n]+)\\]\\]', kind: 'named', enabled: true },
  { id: 'user-x', name: 'Lone x before 工作', pattern: 'x(?=工作)', kind: 'free', enabled: true },
];

function expectWellFormed(text: string, found: Placeholder[], ruleIds: Set<string>): void {
  let previousEnd = 0;
  for (const p of found) {
    expect(p.start).toBeGreaterThanOrEqual(previousEnd);
    expect(p.end).toBeGreaterThan(p.start);
    expect(p.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(ruleIds.has(p.rule)).toBe(true);
    previousEnd = p.end;
  }
}

/** The lines [from, to) touches, as the range scan defines them. */
function touchedLines(text: string, from: number, to: number): [number, number] {
  const low = Math.min(from, to);
  const high = Math.max(from, to);
  const start = text.lastIndexOf('\n', low - 1) + 1;
  const end = text.indexOf('\n', high);
  return [low === 0 ? 0 : start, end === -1 ? text.length : end];
}

describe('findPlaceholders on any text', () => {
  it.each([
    ['any code point, astral included', fc.string({ unit: 'binary' })],
    ['graphemes', fc.string({ unit: 'grapheme' })],
    ['any UTF-16 code unit, lone surrogates included', anyCodeUnit],
    ['placeholder pieces', placeholderish],
  ])('returns sorted, non-overlapping, in-range matches for %s', (_, strings) => {
    fc.assert(
      fc.property(strings, (text) => {
        expectWellFormed(text, findPlaceholders(text), BUILT_IN_IDS);
      }),
      { numRuns: 400 },
    );
  });

  it('stays well formed with user rules', () => {
    const ids = new Set([...BUILT_IN_IDS, ...USER_RULES.map((r) => r.id)]);
    fc.assert(
      fc.property(placeholderish, fc.subarray(USER_RULES), (text, rules) => {
        expectWellFormed(text, findPlaceholders(text, { rules }), ids);
      }),
      { numRuns: 300 },
    );
  });

  it('judges each line on its own', () => {
    fc.assert(
      fc.property(placeholderish, placeholderish, (first, second) => {
        const joined = first + '\n' + second;
        const shift = first.length + 1;
        const expected = [
          ...findPlaceholders(first),
          ...findPlaceholders(second).map((p) => ({ ...p, start: p.start + shift, end: p.end + shift })),
        ];
        expect(findPlaceholders(joined)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});

describe('findPlaceholdersInRange', () => {
  const textAndRange = placeholderish.chain((text) =>
    fc.tuple(fc.constant(text), fc.nat({ max: text.length }), fc.nat({ max: text.length })),
  );

  it('equals the full scan restricted to the touched lines', () => {
    fc.assert(
      fc.property(textAndRange, ([text, from, to]) => {
        const [lineStart, lineEnd] = touchedLines(text, from, to);
        const expected = findPlaceholders(text).filter((p) => p.start >= lineStart && p.end <= lineEnd);
        expect(findPlaceholdersInRange(text, from, to)).toEqual(expected);
      }),
      { numRuns: 600 },
    );
  });

  it('finds after a one-character edit what a full rescan finds on that line', () => {
    fc.assert(
      fc.property(textAndRange, fc.constantFrom(...PIECES), ([text, at], inserted) => {
        const edited = text.slice(0, at) + inserted + text.slice(at);
        const [lineStart, lineEnd] = touchedLines(edited, at, at + inserted.length);
        const expected = findPlaceholders(edited).filter((p) => p.start >= lineStart && p.end <= lineEnd);
        expect(findPlaceholdersInRange(edited, at, at + inserted.length)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});
