import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { updatePlaceholders } from '../../../utils/report/checklist';
import { findPlaceholders, findPlaceholdersByLine, findPlaceholdersInRange, rescanRange, setExamplesAside } from '../../../utils/report/placeholders';
import { diffText } from '../../../utils/report/text-delta';

/**
 * Pieces of the documents blanks are found in: form lines with labels and gaps, dates left
 * blank, masks, merge fields, notes in brackets, places to sign or seal, units, tick boxes,
 * titles and numbers that are not blanks, and the breaks, tabs and spaces between them.
 */
const PIECES = [
  '签订日期', '联系人', '电话', '甲方', '（盖章）', '签字', '：', ':', 'Name', 'Date',
  ' ', '  ', '      ', '　', '　　', '\u00a0\u00a0', '\t', '\n', '\r\n',
  '年', '月', '日', '号', '度', '以来', '来', '的', '工作了', '连续', '于', '同志', '人', '项',
  'x', 'xx', 'xxxx', '20', '2023', '5', '*', '**', '＊', '□', '■', '____', '＿＿',
  '«', '»', 'tab2_txtContractNum', '【', '】', '具体做法和成效，含数据支撑', '请填写单位全称',
  '（', '）', '(', ')', '<', '>', '国内水路运输管理规定', '《', '》', '〔2023〕12号', '——', '……', '“', '”',
  '单击或点击此处输入文字。', 'Click or tap here to enter text.', '，', '。', '、', '兹有', '本单位', 'box',
  '〔', '〕', '写明裁定结果', '未开庭的改为', '元', '％', '日内', '省', '市场', '单位盖章', '（章）', '（章戳）', '经办人', '参照', '以上',
  '公安局', '印', '│', '本', '副本', '租金收取', '（略）', '（无）', '括注“', '写明', '(地点)', '在',
  '|', '| ', '内容', '决策1', '[ID]', '支付日期',
  '第一、', '的，写：', '写明判决结果', '【格式一】', '（章戳）', '/', '文号',
  '邮政编码', '地址', '联系人姓名', '张三', '        ',
  '三、举一范例供制作时参考：', '四、', '附：填写示例', '一、',
];
const formish = fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 50 });

/** A replacement of [start, start + removed) by a few pieces, anywhere in the text. */
const edit = (length: number) =>
  fc.tuple(fc.nat({ max: length }), fc.nat({ max: 6 }), fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 3 }));

describe('the incremental rescan with every kind of blank', () => {
  it('keeps after a run of random edits the list a full scan finds', () => {
    fc.assert(
      fc.property(formish, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 3 })), { maxLength: 8 }), (initial, edits) => {
        let text = initial;
        let list = findPlaceholdersByLine(text);
        for (const [at, removed, inserted] of edits) {
          const start = at % (text.length + 1);
          const edited = text.slice(0, start) + inserted + text.slice(Math.min(text.length, start + removed));
          const delta = diffText(text, edited);
          if (delta) list = updatePlaceholders(list, edited, delta);
          text = edited;
          expect(list).toEqual(findPlaceholdersByLine(text));
          expect(setExamplesAside(text, list)).toEqual(findPlaceholders(text));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds on the lines a range touches what the full scan finds there, a note wrapped into them or out of them included', () => {
    fc.assert(
      fc.property(formish.chain((text) => fc.tuple(fc.constant(text), edit(text.length))), ([text, [from, span]]) => {
        const to = Math.min(text.length, from + span);
        const lineStart = from === 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1;
        const breakAt = text.indexOf('\n', to);
        const lineEnd = breakAt === -1 ? text.length : breakAt;
        const full = findPlaceholdersByLine(text);
        if (!full.some((p) => p.start < lineEnd && p.end > lineEnd) && !full.some((p) => p.start < lineStart && p.end > lineStart)) {
          expect(findPlaceholdersInRange(text, from, to)).toEqual(full.filter((p) => p.start >= lineStart && p.end <= lineEnd));
        }
        // After an edit the checklist rescans whole lines, from the line with words above (or
        // further, where a blank may be wrapped) to the end of the lines touched (or further).
        const [start, end] = rescanRange(text, from, to);
        expect(start).toBeLessThanOrEqual(lineStart);
        expect(start === 0 || text[start - 1] === '\n').toBe(true);
        expect(end).toBeGreaterThanOrEqual(lineEnd);
        expect(end === text.length || text[end] === '\n').toBe(true);
        // No further than the words line above when nothing above it opens a bracket or ends with 年 or 月.
        const wordsAbove = text.slice(start, lineStart).split('\n').slice(0, -1).filter((line) => line.trim() !== '');
        if (!/[（(年月]/.test(text.slice(start, lineStart))) expect(wordsAbove.length).toBeLessThanOrEqual(1);
        expect(findPlaceholdersInRange(text, start, end)).toEqual(full.filter((p) => p.start >= start && p.end <= end));
        expect(full.filter((p) => p.start >= start && p.start < end).every((p) => p.end <= end)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('judges a line by nothing above it, unless a note or a date begun there runs on into it', () => {
    fc.assert(
      fc.property(formish, formish, (first, second) => {
        fc.pre(!/[（(][^（）()\n]*$/.test(first) && !/[年月]\r?$/.test(first));
        const shift = first.length + 1;
        const below = findPlaceholdersByLine(first + '\n' + second).filter((p) => p.start >= shift);
        expect(below).toEqual(findPlaceholdersByLine(second).map((p) => ({ ...p, start: p.start + shift, end: p.end + shift })));
      }),
      { numRuns: 500 },
    );
  });
});
