import { describe, expect, it } from 'vitest';
import { cleanMaterial } from '@/utils/report/cleanup';
import { changeContext, followRange, groupChanges } from '@/utils/report/change-review';

describe('changeContext', () => {
  it('gives about ten characters on each side, within the line', () => {
    const text = '一、总体情况\n今年以来，机关D组认真学习贯彻全面从严治党要求，\n二、下一步';
    const start = text.indexOf('D');
    expect(changeContext(text, start, start + 1)).toEqual({
      lead: '今年以来，机关',
      trail: '组认真学习贯彻全面从',
      leadCut: false,
      trailCut: true,
    });
  });

  it('cuts long lines on both sides and keeps a character outside the BMP whole', () => {
    const text = '甲乙丙丁戊己庚辛壬癸𠀋子XX丑寅卯辰巳午未申酉戌亥';
    const start = text.indexOf('XX');
    const context = changeContext(text, start, start + 2, 3);
    expect(context).toEqual({ lead: '癸𠀋子', trail: '丑寅卯', leadCut: true, trailCut: true });
  });

  it('shows a removed line between the end of the line before and the start of the next', () => {
    const text = '第一段。\n【哒哒素材库】更多范文\n第二段。';
    const start = text.indexOf('【');
    const end = text.indexOf('第二段');
    expect(changeContext(text, start, end)).toEqual({ lead: '', trail: '第二段。', leadCut: false, trailCut: false });
  });
});

describe('groupChanges', () => {
  it('collapses identical changes, in order of first occurrence, keeping each', () => {
    const material = '加强D组建设。D员干部带头，D风廉政。AAA公众号推送。D组会议。';
    const { changes } = cleanMaterial(material);
    const groups = groupChanges(changes);
    expect(groups.map((g) => [g.before, g.after, g.changes.length])).toEqual([
      ['D', '党', 4],
      ['AAA', '微信', 1],
    ]);
    expect(groups[0].changes.map((c) => c.start)).toEqual([2, 7, 14, 28]);
  });
});

describe('followRange', () => {
  const from = '对D、对的忠诚教育。其他内容。';
  const at = { start: 0, end: 5 };

  it('keeps the place when the text is unchanged or edited after it', () => {
    expect(followRange(from, from, 2, 5)).toEqual({ start: 2, end: 5 });
    expect(followRange(from, `${from}补充一句。`, 0, 5)).toEqual(at);
  });

  it('moves with text inserted before it', () => {
    expect(followRange(from, `前言。${from}`, 0, 5)).toEqual({ start: 3, end: 8 });
  });

  it('is gone once the writer rewrote it', () => {
    expect(followRange(from, '对党、对人民的忠诚教育。其他内容。', 0, 5)).toBeNull();
  });

  it('finds the nearest copy when edits on both sides of it moved it', () => {
    const to = '开头改了。对D、对的忠诚教育。其他内容改了。';
    expect(followRange(from, to, 0, 5)).toEqual({ start: 5, end: 10 });
  });
});
