import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupByKind } from '../../../utils/report/checklist';
import { findPlaceholders } from '../../../utils/report/placeholders';
import { BUILT_IN_TEMPLATES, renderTemplate } from '../../../utils/report/templates';

/** Blanks of every built-in template, counted by hand (see the file's `method`). */
const counted = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/template-blanks.json'), 'utf8')) as {
  templates: Record<string, { total: number; byKind: Record<string, number> }>;
};

const found = (text: string) => findPlaceholders(text).map((p) => [p.text, p.kind, p.rule]);

describe('the blanks of the built-in templates, against counts made by hand', () => {
  it('has a hand count for every built-in template', () => {
    expect(Object.keys(counted.templates).sort()).toEqual(BUILT_IN_TEMPLATES.map((t) => t.id).sort());
  });

  for (const template of BUILT_IN_TEMPLATES) {
    it(`${template.title}: the checklist of the inserted template lists every blank, by kind`, () => {
      const expected = counted.templates[template.id];
      const groups = groupByKind(findPlaceholders(renderTemplate(template).text));
      expect(Object.fromEntries(groups.map((g) => [g.kind, g.items.length]))).toEqual(expected.byKind);
      expect(groups.reduce((sum, g) => sum + g.items.length, 0)).toBe(expected.total);
    });
  }
});

describe('runs of dots that stand for text to write', () => {
  it.each([
    ['主要做法：……', '……'],
    ['附件：……', '……'],
    ['……', '……'],
    ['……。全年组织集中学习', '……'],
    ['一是……；二是', '……'],
    ['围绕……，制定年度工作方案', '……'],
    ['分管……工作', '……'],
    ['根据《……》有关规定', '……'],
    ['（……）', '……'],
    ['“……”重要讲话', '……'],
    ['的现实需要。……', '……'],
    ['全年完成……xx项', '……'],
    ['主要做法：。。。', '。。。'],
    ['主要做法：...', '...'],
    ['围绕...，制定方案', '...'],
    ['Revenue: ...', '...'],
    ['Root cause: ... (to be found)', '...'],
    ['...', '...'],
    ['主要做法：⋯⋯', '⋯⋯'],
  ])('%s', (text, blank) => {
    const blanks = findPlaceholders(text).filter((p) => p.rule === 'ellipsis');
    expect(blanks.map((p) => [p.text, p.kind])).toEqual([[blank, 'free']]);
    expect(text.slice(blanks[0].start, blanks[0].end)).toBe(blank);
  });

  it('takes 【……】 for an empty box, not a label that fills every 【……】 at once', () => {
    expect(found('【……】')).toEqual([['【……】', 'free', 'blank-brackets']]);
  });

  it('counts every run of 一是……；二是……；三是……。', () => {
    expect(found('一是……；二是……；三是……。')).toEqual([
      ['……', 'free', 'ellipsis'],
      ['……', 'free', 'ellipsis'],
      ['……', 'free', 'ellipsis'],
    ]);
  });

  it.each([
    ['an ellipsis ending a quoted sentence', '他说：“我们还要继续努力……”'],
    ['an ellipsis ending a quoted English sentence', 'She said, "we will see..."'],
    ['an omission at the start of a quotation', '“……坚持稳中求进”'],
    ['English trailing off', 'Wait... what happened'],
    ['a sentence trailing off at the end of a line', 'and so on...'],
    ['a spread in code', 'call(...args)'],
    ['a range', 'for i in 1...10'],
    ['a leader in a table of contents', '第一章 总则........12'],
    ['one ellipsis character', '然后…'],
    ['two dots', '主要做法：..'],
  ])('not %s', (_, text) => {
    expect(findPlaceholders(text).filter((p) => p.rule === 'ellipsis')).toEqual([]);
  });
});

describe('times and figures left as masks in English text', () => {
  it.each([
    ['hh:mm  TBD (first symptom)', 'hh:mm', 'time', 'time-mask'],
    ['at HH:MM:SS UTC', 'HH:MM:SS', 'time', 'time-mask'],
    ['unavailable for xx minutes', 'xx', 'count', 'x-count'],
    ['Closed xx new accounts', 'xx', 'count', 'x-count'],
    ['Users affected: xx (xx% of active users)', 'xx', 'count', 'x-count'],
    ['Requests failed: xx.', 'xx', 'count', 'x-count'],
  ])('%s', (text, placeholder, kind, rule) => {
    expect(found(text)[0]).toEqual([placeholder, kind, rule]);
  });

  it.each([
    ['a word', 'the hhmm format'],
    ['part of a word', 'ahh:mm'],
    ['glued to a word', 'HH:MMM'],
  ])('not %s', (_, text) => {
    expect(findPlaceholders(text).filter((p) => p.rule === 'time-mask')).toEqual([]);
  });

  it('keeps the Chinese typing of x runs: xx beside Chinese stays a free blank', () => {
    expect(found('国家会展中心(xx)、科教园')).toEqual([['xx', 'free', 'x-other']]);
  });

  it('takes a figure after a currency sign for a sum', () => {
    expect(found('revenue of $X.X million')).toEqual([['X.X', 'amount', 'x-amount']]);
    expect(found('Price: $XXXXX (Vendor Completes)')).toEqual([['XXXXX (Vendor Completes)', 'amount', 'x-amount']]);
  });
});
