import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanMaterial, DEFAULT_CLEANUP_RULES, type CleanupRule } from '../../../utils/report/cleanup';
import { checkNumbering, findEnumerations, parseOutline, parseOutlineHead, renumber } from '../../../utils/report/outline';
import { splitSections } from '../../../utils/report/sections';

/** Pieces that headings, lead sentences, masks and adverts are made of. */
const PIECES = [
  '一、', '二、', '十一、', '一.', '（一）', '(二)', '（三', '1.', '2、', '３．', '1.1 ', '1.2.3 ', '(1)', '（2）',
  'I. ', 'II. ', 'A. ', 'B. ', 'H. ', '# ', '### ', '#', '一是', '二是', '第一，', '首先，', '最后，',
  '加强政治建设，确保正确方向。', '存在的问题', '下一步工作打算', '主要是：', '在总结成绩的同时', '对D、对的',
  'D', 'DD', 'GDP', 'xx', 'AAA公众号', '##paidbegin##', '##paidend##', '【哒哒素材库】', '公众号：', '素材库',
  '正文', '。', '，', '：', ' ', '　', '\t', '\n', '\n\n\n', '\r\n', '\r', '😀', '𠀀', '\ud800', '\udc00', 'a', '中',
];
const reportish = fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 80 });
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), reportish);

/** A document of Chinese and decimal headings with arbitrary numbers, for renumbering. */
const HEADING_LINES = ['一、甲', '五、乙', '二十、丙', '（一）子', '（七）子', '(三)子', '1.细', '4、细', '（2）末', '1. a', '3.2 b', '正文。', '存在的问题', ''];
const headingDocument = fc.array(fc.constantFrom(...HEADING_LINES), { maxLength: 40, size: 'medium' }).map((lines) => lines.join('\n'));

function applyChanges(text: string, changes: { start: number; end: number; after: string }[]): string {
  let out = '';
  let copied = 0;
  for (const change of changes) {
    expect(change.start).toBeGreaterThanOrEqual(copied);
    expect(change.end).toBeGreaterThanOrEqual(change.start);
    expect(change.end).toBeLessThanOrEqual(text.length);
    out += text.slice(copied, change.start) + change.after;
    copied = change.end;
  }
  return out + text.slice(copied);
}

describe('parseOutline properties', () => {
  it('never throws and returns items in order, in range, starting with their numbering', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const items = parseOutline(text);
        let previous = -1;
        for (const item of items) {
          expect(item.start).toBeGreaterThan(previous);
          expect(item.end).toBeGreaterThanOrEqual(item.start);
          expect(item.end).toBeLessThanOrEqual(text.length);
          expect(item.level).toBeGreaterThanOrEqual(1);
          expect(text.startsWith(item.numbering, item.start)).toBe(true);
          expect(item.title).not.toMatch(/[\r\n]/);
          previous = item.start;
        }
        for (const issue of checkNumbering(items)) {
          expect(issue.itemIndex).toBeGreaterThanOrEqual(0);
          expect(issue.start).toBe(items[issue.itemIndex].start);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads the head of a text as the first headings of the whole: those of the lines wholly in it', () => {
    fc.assert(
      fc.property(anyText, fc.nat({ max: 220 }), (text, chars) => {
        const whole = parseOutline(text);
        const head = parseOutlineHead(text, chars);
        expect(head).toEqual(whole.slice(0, head.length));
        // The lines wholly within the first `chars` characters: those ending at a break there.
        const lastWholeLineEnd = text.length <= chars ? text.length : Math.max(...[...text.slice(0, chars + 1).matchAll(/\r\n?|\n/g)].map((m) => m.index), 0);
        expect(head.length).toBe(whole.filter((item) => item.start < lastWholeLineEnd).length);
      }),
      { numRuns: 500 },
    );
  });

  it('finds enumerations in order and in range', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let previous = -1;
        for (const run of findEnumerations(text)) {
          expect(run.items.length).toBeGreaterThanOrEqual(2);
          expect(run.start).toBe(run.items[0].start);
          expect(run.start).toBeGreaterThan(previous);
          expect(run.end).toBeLessThanOrEqual(text.length);
          for (const item of run.items) expect(text.startsWith(item.marker, item.start)).toBe(true);
          previous = run.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('splits sections in order without losing headings', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let previous = -1;
        for (const section of splitSections(text)) {
          expect(section.start).toBeGreaterThan(previous);
          expect(section.start).toBeLessThanOrEqual(text.length);
          if (section.heading) expect(text.indexOf(section.heading, section.start)).toBeGreaterThanOrEqual(section.start);
          previous = section.start;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('renumber properties', () => {
  it('never throws and its changes rebuild its text', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), (text, at) => {
        const result = renumber(text, at % (text.length + 1));
        expect(applyChanges(text, result.changes)).toBe(result.text);
        for (const change of result.changes) expect(text.slice(change.start, change.end)).toBe(change.before);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no gap or repeat after renumbering a whole document, and is then stable', () => {
    fc.assert(
      fc.property(headingDocument, (text) => {
        const once = renumber(text, 0).text;
        const issues = checkNumbering(parseOutline(once)).filter((issue) => issue.kind === 'gap' || issue.kind === 'repeat');
        expect(issues).toEqual([]);
        expect(renumber(once, 0).changes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cleanMaterial properties', () => {
  const userRules: CleanupRule[] = [
    ...DEFAULT_CLEANUP_RULES,
    { id: 'grow', name: 'grow', kind: 'replace', pattern: '正文', replacement: '正文内容', enabled: true },
    { id: 'shrink', name: 'shrink', kind: 'replace', pattern: '党[组委]?', replacement: 'P', enabled: true },
    { id: 'lines', name: 'lines', kind: 'remove-line', pattern: '😀|P', enabled: true },
  ];

  it('never throws, and its changes are ordered, faithful and rebuild its text', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, withUserRules) => {
        const result = cleanMaterial(text, withUserRules ? userRules : DEFAULT_CLEANUP_RULES);
        for (const change of result.changes) expect(text.slice(change.start, change.end)).toBe(change.before);
        expect(applyChanges(text, result.changes)).toBe(result.text);
        expect(result.skipped).toEqual([]);
        for (const warning of result.warnings) {
          expect(warning.start).toBeLessThanOrEqual(warning.end);
          expect(warning.end).toBeLessThanOrEqual(text.length);
          expect(warning.textEnd).toBeLessThanOrEqual(result.text.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is stable: cleaning clean text changes nothing', () => {
    fc.assert(
      fc.property(reportish, (text) => {
        const once = cleanMaterial(text).text;
        expect(cleanMaterial(once).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
