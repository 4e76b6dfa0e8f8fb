import { describe, expect, it } from 'vitest';
import { suggestFromDocument } from '@/utils/report/checklist';
import { findPlaceholders } from '@/utils/report/placeholders';
import { readSample } from '../samples';

/** The clock says 3 May 2026; a document about 2023 must not be offered 2026. */
const now = new Date(2026, 4, 3);

/** Suggestions for the placeholder whose text, with what follows it, starts at `marks` in `text`. */
function suggest(text: string, marks: string): string[] {
  const at = text.indexOf(marks);
  expect(at, marks).toBeGreaterThanOrEqual(0);
  const p = findPlaceholders(text).find((q) => q.start === at);
  expect(p, `a placeholder at ${marks}`).toBeDefined();
  return suggestFromDocument(text, p!, now);
}

describe('suggestFromDocument: years', () => {
  it('offers the years the document writes, the most written first, then the years either side', () => {
    const text = '关于2023年度工作的总结\n2023年，我单位较2021年增长明显。xxxx年以来，我们坚持……';
    expect(suggest(text, 'xxxx年以来')).toEqual(['2023', '2021', '2022', '2024']);
  });

  it('between years written as often, offers the nearest first', () => {
    const text = '2019年完成验收。\n2022年启动二期，xxxx年度计划如下。';
    expect(suggest(text, 'xxxx年度')).toEqual(['2022', '2019', '2021', '2023']);
  });

  it('takes years from dates and English text, not from amounts', () => {
    expect(suggest('会议于2024-03-12召开，投资2000万元，服务1998人。xxxx年', 'xxxx年')).toEqual(['2024', '2023', '2025']);
    expect(suggest('Revenue in 2022 rose. Plans for 20XX follow.', '20XX')).toEqual(['2022', '2021', '2023']);
  });

  it('keeps the digits a blank already has: 20xx takes a year of the 2000s', () => {
    expect(suggest('1998年建厂，2023年扩建。20xx年', '20xx年')).toEqual(['2023', '2022', '2024']);
  });

  it('falls back on the clock only when the document writes no year', () => {
    expect(suggest('投资2000万元，服务1998人。xxxx年', 'xxxx年')).toEqual(['2026', '2025']);
  });

  it('offers ranges the document writes, and ranges around its year', () => {
    const text = '落实《2021—2025年规划》，2023年重点推进。制定xxxx—xxxx年行动方案。';
    expect(suggest(text, 'xxxx—xxxx年')).toEqual(['2021—2025', '2022—2023', '2023—2024']);
  });

  it('the sample report about 2023 is offered 2023 first', () => {
    const text = readSample('zh-duty-report-2023.txt');
    const year = findPlaceholders(text).find((p) => p.rule === 'x-year' && p.text === 'xxxx')!;
    expect(suggestFromDocument(text, year, now)).toEqual(['2023', '2022', '2024']);
  });
});

describe('suggestFromDocument: months and days', () => {
  it('offers the month written nearest, then the months either side', () => {
    expect(suggest('1月启动。截至6月底，完成过半；x月份开展复查。', 'x月份')).toEqual(['6', '1', '5', '7']);
  });

  it('offers the days written nearest; never a month number taken as a day', () => {
    expect(suggest('3月15日召开动员会，9月2日总结。9月xx日前报送。', 'xx日前')).toEqual(['2', '15']);
  });

  it('falls back on the clock when the document writes no month', () => {
    expect(suggest('请于x月底前报送。', 'x月底')).toEqual(['5']);
  });
});

describe('suggestFromDocument: counts, percentages, places', () => {
  it('offers a figure the document writes in the same words', () => {
    const text = '上半年完成了12项任务。下半年完成了xx项任务，开展xx次检查，培训3次。';
    expect(suggest(text, 'xx项任务')).toEqual(['12']);
    // Only the unit in common (培训3次，): not the same words, not offered.
    expect(suggest(text, 'xx次检查')).toEqual([]);
  });

  it('offers a percentage written after the same words', () => {
    expect(suggest('营业收入同比增长12.5%，利润同比增长xx%。', 'xx%')).toEqual(['12.5']);
  });

  it('offers the places the document writes with the same unit', () => {
    const text = '在天津市召开现场会，与天津市、沧州市对接。赴xx市调研，xx区待定。';
    expect(suggest(text, 'xx市调研')).toEqual(['天津', '沧州']);
    expect(suggest(text, 'xx区')).toEqual([]);
  });

  it('offers nothing for names and fields', () => {
    expect(suggest('报告人：某某。【单位名称】', '某某')).toEqual([]);
    expect(suggest('报告人：某某。【单位名称】', '【单位名称】')).toEqual([]);
  });
});

describe('suggestFromDocument: sums and phones', () => {
  it('offers a sum the document writes in the same words', () => {
    const text = '上年度所需经费50万元。本年度所需经费xx万元，差旅费xx元。';
    expect(suggest(text, 'xx万元')).toEqual(['50']);
    expect(suggest(text, 'xx元')).toEqual([]);
  });

  it('offers the phone numbers the document writes, the nearest first', () => {
    const text = '联系人：张三，电话：010-12345678。\n报送单位联系电话：      \n备用：13912345678；传真0531-8888888转123';
    expect(suggest(text, '      ')).toEqual(['13912345678', '010-12345678', '0531-8888888转123']);
    // Figures that are not phones are not offered: a year, a sum, a case number.
    expect(suggest('2023年，经费12345678元。\n联系电话：      ', '      ')).toEqual([]);
    expect(suggest('共收到13912345678元。\n联系电话：      ', '      ')).toEqual([]);
  });
});
