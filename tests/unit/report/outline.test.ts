import { describe, expect, it } from 'vitest';
import {
  checkNumbering,
  findEnumerations,
  formatNumbering,
  fromChineseNumeral,
  nextNumberingAt,
  parseOutline,
  parseParts,
  renumber,
  toChineseNumeral,
  type OutlineItem,
} from '../../../utils/report/outline';
import { readSample } from '../samples';

const duty = readSample('zh-duty-report-2023.txt');
const notice = readSample('zh-notice-2019-tax-credit.txt');

/** [level, numbering, title] of each item, for compact expectations. */
function shape(items: OutlineItem[]): [number, string, string][] {
  return items.map((item) => [item.level, item.numbering, item.title]);
}

describe('Chinese numerals', () => {
  it.each([
    [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'],
    [99, '九十九'], [100, '一百'], [101, '一百零一'], [110, '一百一十'], [1010, '一千零一十'],
    [10000, '一万'], [10010, '一万零一十'], [23456, '二万三千四百五十六'],
  ])('%i ↔ %s', (n, numeral) => {
    expect(toChineseNumeral(n)).toBe(numeral);
    expect(fromChineseNumeral(numeral)).toBe(n);
  });

  it('round-trips every number to 12000', () => {
    for (let n = 1; n <= 12000; n++) expect(fromChineseNumeral(toChineseNumeral(n))).toBe(n);
  });

  it('reads variants and refuses what is not a numeral', () => {
    expect(fromChineseNumeral('一十')).toBe(10);
    expect(fromChineseNumeral('两百')).toBe(200);
    expect(fromChineseNumeral('一百〇一')).toBe(101);
    for (const s of ['', '二三', '百', '十十', '是', '零']) expect(fromChineseNumeral(s)).toBeNaN();
  });

  it('refuses numbers it cannot write', () => {
    expect(() => toChineseNumeral(0)).toThrow(RangeError);
    expect(() => toChineseNumeral(1.5)).toThrow(RangeError);
  });
});

describe('formatNumbering', () => {
  it('writes the canonical marker of each style', () => {
    expect(formatNumbering('chinese', 3)).toBe('三、');
    expect(formatNumbering('chinese-paren', 3)).toBe('（三）');
    expect(formatNumbering('arabic', 3)).toBe('3.');
    expect(formatNumbering('arabic-paren', 3)).toBe('（3）');
    expect(formatNumbering('roman', 3)).toBe('III.');
    expect(formatNumbering('roman', 14)).toBe('XIV.');
    expect(formatNumbering('letter', 3)).toBe('C.');
    expect(formatNumbering('letter', 27)).toBe('AA.');
    expect(formatNumbering('decimal', 2, '1.3')).toBe('1.3.2');
    expect(formatNumbering('decimal', 2, '4.')).toBe('4.2');
    expect(formatNumbering('none', 2)).toBe('');
  });
});

describe('parseOutline: numbered headings', () => {
  it('puts the four GB/T 9704 levels at levels 1 to 4', () => {
    const text = '一、总体要求\n（一）基本原则。正文\n1.坚持依法推进\n（1）严格依照法律\n（2）注重信息安全\n2.坚持业务协同\n（二）主要目标\n二、主要任务';
    expect(shape(parseOutline(text))).toEqual([
      [1, '一、', '总体要求'],
      [2, '（一）', '基本原则'],
      [3, '1.', '坚持依法推进'],
      [4, '（1）', '严格依照法律'],
      [4, '（2）', '注重信息安全'],
      [3, '2.', '坚持业务协同'],
      [2, '（二）', '主要目标'],
      [1, '二、', '主要任务'],
    ]);
  });

  it('accepts half- and full-width variants and indentation, including full-width spaces', () => {
    const text = '一.总体要求\n二．主要任务\n  (一)基本原则\n\u3000\u3000（二）主要目标\n1．第一项\n2、第二项\n(1)细则';
    const items = parseOutline(text);
    expect(shape(items)).toEqual([
      [1, '一.', '总体要求'],
      [1, '二．', '主要任务'],
      [2, '(一)', '基本原则'],
      [2, '（二）', '主要目标'],
      [3, '1．', '第一项'],
      [3, '2、', '第二项'],
      [4, '(1)', '细则'],
    ]);
    expect(items[3].start).toBe(text.indexOf('（二）'));
    expect(text.slice(items[3].start, items[3].end)).toBe('（二）主要目标');
  });

  it('cuts the title at 。 or a colon and keeps it to 60 characters', () => {
    const long = '长'.repeat(80);
    const text = `一、加强组织领导。各地要高度重视\n二、工作要求：如下\n三、Scope: what we cover\n四、${long}\n五、`;
    const items = parseOutline(text);
    expect(items.map((item) => item.title)).toEqual(['加强组织领导', '工作要求', 'Scope', '长'.repeat(60), '']);
    expect(text.slice(items[0].start, items[0].end)).toBe('一、加强组织领导');
    expect(items[4].end - items[4].start).toBe(2);
  });

  it('nests a decimal level directly under 一、 when （一） is skipped', () => {
    expect(shape(parseOutline('一、总体要求\n1.坚持依法推进\n2.坚持协同\n二、任务\n1.完善机制'))).toEqual([
      [1, '一、', '总体要求'],
      [2, '1.', '坚持依法推进'],
      [2, '2.', '坚持协同'],
      [1, '二、', '任务'],
      [2, '1.', '完善机制'],
    ]);
  });

  it('does not take figures, dates or enumerations at a line start for headings', () => {
    const text = '一、概况\n1.5亿元资金已到位。\n3.2%的增长\n2019年完成\n一是加强领导。二是完善制度。\n十分重要的是\n3、4月份开展检查';
    expect(shape(parseOutline(text))).toEqual([[1, '一、', '概况']]);
  });

  it('levels English styles by first appearance', () => {
    const text = 'I. Introduction\nA. Background\n1. History\n2. Scope\nB. Goals\nII. Method\nA. Data';
    expect(shape(parseOutline(text))).toEqual([
      [1, 'I.', 'Introduction'],
      [2, 'A.', 'Background'],
      [3, '1.', 'History'],
      [3, '2.', 'Scope'],
      [2, 'B.', 'Goals'],
      [1, 'II.', 'Method'],
      [2, 'A.', 'Data'],
    ]);
  });

  it('reads a letter I after H. and a roman V after IV.', () => {
    const letters = parseOutline('A. a\nB. b\nC. c\nD. d\nE. e\nF. f\nG. g\nH. h\nI. i\nJ. j');
    expect(letters.every((item) => item.style === 'letter' && item.level === 1)).toBe(true);
    const romans = parseOutline('I. one\nII. two\nIII. three\nIV. four\nV. five');
    expect(romans.map((item) => item.style)).toEqual(['roman', 'roman', 'roman', 'roman', 'roman']);
  });

  it('gives decimal numbers their depth', () => {
    const text = '1. Introduction\n1.1 Scope\n1.1.1 Terms\n1.2 Audience\n2. Method\n2.1 Data';
    expect(shape(parseOutline(text))).toEqual([
      [1, '1.', 'Introduction'],
      [2, '1.1', 'Scope'],
      [3, '1.1.1', 'Terms'],
      [2, '1.2', 'Audience'],
      [1, '2.', 'Method'],
      [2, '2.1', 'Data'],
    ]);
  });

  it('reads markdown headings with their level and whole title', () => {
    const text = '# Annual report\n\n## 1: Summary ##\n### Details\nnot a heading\n#hashtag';
    const items = parseOutline(text);
    expect(shape(items)).toEqual([
      [1, '#', 'Annual report'],
      [2, '##', '1: Summary'],
      [3, '###', 'Details'],
    ]);
    expect(items.every((item) => item.kind === 'markdown' && item.style === 'markdown')).toBe(true);
    expect(text.slice(items[1].start, items[1].end)).toBe('## 1: Summary');
  });

  it('reads CRLF text without carriage returns in titles', () => {
    const items = parseOutline('一、总体要求\r\n（一）基本原则\r\n二、任务\r');
    expect(shape(items)).toEqual([[1, '一、', '总体要求'], [2, '（一）', '基本原则'], [1, '二、', '任务']]);
  });
});

describe('parseOutline: lead sentences and closing parts', () => {
  const body = '牢固树立政治机关意识，把坚定捍卫作为最高政治原则和最根本的政治纪律。';

  it('finds a lead sentence under a numbered heading, one level deeper', () => {
    const text = `一、提高政治站位\n加强政治建设，确保正确方向。${body}\n（一）具体措施\n严格落实领导责任。${body}`;
    const items = parseOutline(text);
    expect(shape(items)).toEqual([
      [1, '一、', '提高政治站位'],
      [2, '', '加强政治建设，确保正确方向'],
      [2, '（一）', '具体措施'],
      [3, '', '严格落实领导责任'],
    ]);
    expect(items[1]).toMatchObject({ kind: 'lead', style: 'none', start: text.indexOf('加强'), end: text.indexOf('。') });
  });

  it('keeps lead sentences as siblings, not nested in each other', () => {
    const items = parseOutline(`一、标题\n加强政治建设。${body}\n强化理论武装。${body}`);
    expect(items.slice(1).map((item) => item.level)).toEqual([2, 2]);
  });

  it.each([
    ['a narrative first sentence', `我们认真贯彻落实上级部署。${body}`],
    ['a figure', `全年召开会议12次。${body}`],
    ['a placeholder count', `开展集中学习xx次。${body}`],
    ['了', `完成了年度任务。${body}`],
    ['a time opener', `今年以来成效明显。${body}`],
    ['two commas', `围绕中心，服务大局，推动发展。${body}`],
    ['a long clause', `认真贯彻落实市委关于进一步加强机关党的建设的若干意见精神要求。${body}`],
    ['no body after the clause', '加强政治建设，确保正确方向。'],
    ['a short tail', '加强政治建设，确保正确方向。牢固树立意识。'],
    ['an enumeration opener', `一是强化政治机关建设。${body}`],
  ])('does not take %s for a lead sentence', (_, paragraph) => {
    expect(parseOutline(`一、标题\n${paragraph}`).filter((item) => item.kind === 'lead')).toEqual([]);
  });

  it('looks for lead sentences only under a numbered heading', () => {
    expect(parseOutline(`加强政治建设，确保正确方向。${body}`)).toEqual([]);
    expect(parseOutline(`# 标题\n加强政治建设，确保正确方向。${body}`).map((item) => item.kind)).toEqual(['markdown']);
  });

  it.each(['存在的问题', '问题和不足', '存在的问题和不足：', '下一步工作打算', '下步打算', '今后工作', '下一步工作', '工作中存在的问题', '2024年工作计划'])(
    'takes the short line %s for a closing part',
    (line) => {
      const items = parseOutline(`一、主要工作\n正文。\n${line}\n一是加强学习。`);
      expect(items.at(-1)).toMatchObject({ kind: 'closing', level: 1, numbering: '', title: line.replace(/：$/, '') });
    },
  );

  it('takes a marker sentence on a line of its own for the start of a closing part', () => {
    const text = `一、主要工作\n正文。\n但也存在一些问题和不足，主要是：\n一是学习不够深入。二是落实不够到位。`;
    expect(parseOutline(text).at(-1)).toMatchObject({ kind: 'closing', level: 1, title: '但也存在一些问题和不足，主要是', start: text.indexOf('但也') });
    expect(parseOutline('一、工作\n下一步，我们将重点做好以下工作：').at(-1)?.kind).toBe('closing');
  });

  it('reads a marker sentence that goes on with its 一是、二是 as body, but as where the closing part begins', () => {
    const text = `一、主要工作\n正文。\n但也存在一些问题和不足，主要是：一是学习不够深入。二是落实不够到位。`;
    expect(parseOutline(text).map((item) => item.kind)).toEqual(['numbered']);
    expect(parseParts(text).at(-1)).toMatchObject({ kind: 'closing', level: 1, title: '但也存在一些问题和不足，主要是', start: text.indexOf('但也') });
  });

  it('looks for closing parts only after the first heading', () => {
    expect(parseOutline('2024年工作计划\n一、主要目标\n存在的问题').map((item) => item.kind)).toEqual(['numbered', 'closing']);
  });

  it('does not take ordinary sentences for closing parts', () => {
    const text = '一、工作\n下一步工作将继续推进落实。\n在调研中存在问题12个。\n对于存在偷税、骗税等失信行为的当事人，依法惩戒。';
    expect(parseOutline(text).map((item) => item.kind)).toEqual(['numbered']);
  });

  it('numbers children of a closing part under it', () => {
    expect(shape(parseOutline('一、工作\n存在的问题\n1.学习不够\n2.落实不够'))).toEqual([
      [1, '一、', '工作'],
      [1, '', '存在的问题'],
      [2, '1.', '学习不够'],
      [2, '2.', '落实不够'],
    ]);
  });
});

// The rich-text editor of the demo page (tests/e2e/pages/demo.html), as the editor's text reads.
const DEMO_DUTY =
  '一、主要工作\n检视整改强治理、抓长远。建立机关问题清单，检视查摆问题xx个，提出对策措施xx条。\n二、存在的问题\n对照全面从严治党的要求，还存在一定差距。一是理论学习不够深入；二是【具体问题】。';

describe('parseOutline: body paragraphs are never headings', () => {
  it('reads the demo duty report: two numbered parts, a lead sentence, and the problems paragraph as body', () => {
    expect(shape(parseOutline(DEMO_DUTY))).toEqual([
      [1, '一、', '主要工作'],
      [2, '', '检视整改强治理、抓长远'],
      [1, '二、', '存在的问题'],
    ]);
    expect(shape(parseParts(DEMO_DUTY))).toEqual(shape(parseOutline(DEMO_DUTY)));
  });

  it.each([
    ['a lead sentence going on with 一是、二是', '加强政治建设，确保正确方向。一是牢固树立政治机关意识；二是强化对党的忠诚教育，引导党员干部把牢政治方向。'],
    ['a lead sentence going on with 第一，第二，', '加强政治建设，确保正确方向。第一，牢固树立政治机关意识；第二，强化对党的忠诚教育，把牢政治方向。'],
    ['a marker sentence going on with 一是', '对照上级要求，工作还存在一些不足。一是学习不够深入，二是落实不够到位，三是作风不够扎实。'],
    ['a marker sentence going on with 首先、其次', '在总结成绩的同时，我们也清醒地认识到还存在一定差距。首先，学习不够深入；其次，落实不够到位。'],
  ])('takes no heading from %s', (_, paragraph) => {
    expect(shape(parseOutline(`一、主要工作\n正文。\n${paragraph}`))).toEqual([[1, '一、', '主要工作']]);
  });

  it('keeps a lead sentence whose paragraph only has 是 after a numeral inside a word (统一是, 唯一是)', () => {
    const text = '一、主要工作\n加强政治建设，确保正确方向。思想统一是行动统一的前提，唯一是把学习贯彻落实到位，常抓不懈。';
    expect(shape(parseOutline(text))).toEqual([[1, '一、', '主要工作'], [2, '', '加强政治建设，确保正确方向']]);
    // A marker later in the same paragraph still makes it body.
    expect(shape(parseOutline(`${text}二是强化落实。`))).toEqual([[1, '一、', '主要工作']]);
  });

  it('reads a marker sentence right under a heading as that heading’s body, enumeration or not', () => {
    const text = '一、主要工作\n正文。\n二、存在的问题\n对照全面从严治党的要求，还存在一定差距。主要表现在理论学习不够深入，落实还不够到位。';
    expect(shape(parseOutline(text))).toEqual([[1, '一、', '主要工作'], [1, '二、', '存在的问题']]);
    expect(shape(parseParts(text))).toEqual(shape(parseOutline(text)));
    expect(shape(parseParts(DEMO_DUTY)).map(([, numbering]) => numbering)).toEqual(['一、', '', '二、']);
  });

  it('does not take running text that opens with two numerals for a heading', () => {
    const text = '一、主要工作\n一、二季度，全市完成固定资产投资xx亿元，同比增长xx%。\n三、四月份，集中开展安全生产专项检查。\n二、下一步打算';
    expect(shape(parseOutline(text))).toEqual([[1, '一、', '主要工作'], [1, '二、', '下一步打算']]);
    expect(checkNumbering(parseOutline(text))).toEqual([]);
  });

  it('still reads a short unpunctuated line after 二、 for a heading: 二、三季度工作安排', () => {
    expect(shape(parseOutline('一、上半年工作\n正文。\n二、三季度工作安排'))).toEqual([[1, '一、', '上半年工作'], [1, '二、', '三季度工作安排']]);
    expect(shape(parseOutline('一、主要工作\n二、一年来的体会'))).toEqual([[1, '一、', '主要工作'], [1, '二、', '一年来的体会']]);
  });
});

describe('parseOutline on the duty report sample', () => {
  const items = parseOutline(duty);
  const numbered = items.filter((item) => item.kind === 'numbered');

  it('finds exactly the five top-level sections', () => {
    expect(shape(numbered)).toEqual([
      [1, '一、', '提高政治站位，强化政治担当'],
      [1, '二、', '坚持凝心铸魂，主题教育见行见效'],
      [1, '三、', '压实D建责任，夯实组织基础'],
      [1, '四、', '强化正风肃纪，建设清廉机关'],
      [1, '五、', '发挥领导作用，落实职责任务'],
    ]);
    for (const item of numbered) expect(duty.slice(item.start, item.end)).toBe(item.numbering + item.title);
  });

  it('finds the lead-sentence sub-headings of each section', () => {
    const leadsPerSection = numbered.map((section, i) => {
      const next = numbered[i + 1]?.start ?? Infinity;
      return items.filter((item) => item.kind === 'lead' && item.start > section.start && item.start < next);
    });
    expect(leadsPerSection.map((leads) => leads.length)).toEqual([3, 5, 4, 3, 8]);
    expect(leadsPerSection[0].map((lead) => lead.title)).toEqual(['加强政治建设，确保正确方向', '强化理论武装，筑牢思想根基', '紧扣中心任务，推动高质量发展']);
    expect(leadsPerSection[1][0].title).toBe('组织领导抓统筹、推落实');
    expect(leadsPerSection[1][4].title).toBe('检视整改强治理、抓长远');
    expect(leadsPerSection[2][0].title).toBe('聚焦“担责履责”，构建上下贯通责任体系');
    expect(leadsPerSection[3][2].title).toBe('弘扬实干精神，持续激励担当作为');
    expect(leadsPerSection[4].map((lead) => lead.title)).toEqual([
      '严格落实领导责任', '加强意识形态工作', '抓好机关统战工作', '强化机关宣传工作',
      '推进精神文明建设', '做好保密档案工作', '推动法治建设平安建设', '发挥群团组织作用',
    ]);
    expect(items.filter((item) => item.kind === 'lead').every((item) => item.level === 2)).toBe(true);
  });

  it('reads the problems paragraph, which holds its own 一是、二是, as body, and as where the closing part begins', () => {
    expect(items.filter((item) => item.kind === 'closing')).toEqual([]);
    const parts = parseParts(duty);
    const closing = parts.filter((item) => item.kind === 'closing');
    expect(closing).toHaveLength(1);
    expect(closing[0]).toMatchObject({ level: 1, start: duty.indexOf('在总结成绩的同时') });
    expect(closing[0].title).toMatch(/^在总结成绩的同时.*还存在一定差距$/);
    expect(parts.at(-1)).toBe(closing[0]);
  });

  it('takes nothing in the preamble or the 一是…六是 measures for a heading', () => {
    expect(items[0].start).toBe(duty.indexOf('一、'));
    expect(items.some((item) => /^[一二三四五六]是/.test(duty.slice(item.start, item.start + 2)))).toBe(false);
  });

  it('reads the 一是 to 六是 measures as one enumeration of six items', () => {
    const enumerations = findEnumerations(duty);
    const measures = enumerations.filter((e) => e.items.length === 6);
    expect(measures).toHaveLength(1);
    expect(measures[0].items.map((item) => item.marker)).toEqual(['一是', '二是', '三是', '四是', '五是', '六是']);
    expect(duty.slice(measures[0].start)).toMatch(/^一是强化政治机关建设/);
    expect(duty.slice(measures[0].items[5].start, measures[0].end)).toMatch(/^六是推动主体责任落实.*纪委领导。$/);
    // The problems paragraph has its own 一是、二是.
    expect(enumerations.map((e) => e.items.length)).toEqual([2, 6]);
  });

  it('finds no numbering issue', () => {
    expect(checkNumbering(items)).toEqual([]);
  });
});

describe('parseOutline on the tax credit notice (CRLF)', () => {
  const items = parseOutline(notice);

  it('finds its 一、 and （一） headings at the right levels', () => {
    expect(notice).toContain('\r\n');
    expect(shape(items)).toEqual([
      [1, '一、', '总体要求'],
      [1, '二、', '建立个人所得税纳税信用管理机制'],
      [2, '（一）', '全面实施个人所得税申报信用承诺制'],
      [2, '（二）', '建立健全个人所得税纳税信用记录'],
      [2, '（三）', '建立自然人失信行为认定机制'],
      [1, '三、', '完善守信联合激励和失信联合惩戒机制'],
      [2, '（一）', '对个人所得税守信纳税人提供更多便利和机会'],
      [2, '（二）', '对个人所得税严重失信当事人实施联合惩戒'],
      [1, '四、', '加强信息安全和权益维护'],
      [2, '（一）', '强化信息安全和隐私保护'],
      [2, '（二）', '建立异议解决和失信修复机制'],
      [1, '五、', '强化组织实施'],
      [2, '（一）', '加强组织领导和统筹协调'],
      [2, '（二）', '加强纳税人诚信教育'],
    ]);
    for (const item of items) expect(notice.slice(item.start, item.end)).toBe(item.numbering + item.title);
  });

  it('finds no numbering issue and no enumeration', () => {
    expect(checkNumbering(items)).toEqual([]);
    expect(findEnumerations(notice)).toEqual([]);
  });
});

describe('findEnumerations', () => {
  it('finds 第一，第二， and 首先…其次…最后 runs', () => {
    const text = '要做到三点：第一，提高认识；第二，加强领导；第三，狠抓落实。\n首先，统一思想。其次，明确责任。最后，严格考核。';
    const runs = findEnumerations(text);
    expect(runs.map((run) => run.items.map((item) => item.marker))).toEqual([
      ['第一', '第二', '第三'],
      ['首先', '其次', '最后'],
    ]);
    expect(runs[0].items[0].start).toBe(text.indexOf('第一'));
    expect(runs[0].end).toBe(text.indexOf('\n'));
  });

  it('needs a marker to open a clause and runs to count on', () => {
    expect(findEnumerations('唯一是标准。落实“第一议题”制度。')).toEqual([]);
    expect(findEnumerations('一是加强学习。')).toEqual([]);
    expect(findEnumerations('二是加强学习。三是完善制度。')).toEqual([]);
    expect(findEnumerations('一是甲。三是乙。')).toEqual([]);
  });

  it('continues into the next paragraph but not past a heading or a paragraph without markers', () => {
    expect(findEnumerations('一是甲。\n\n二是乙。')[0].items).toHaveLength(2);
    expect(findEnumerations('一是甲。\n（一）标题\n二是乙。')).toEqual([]);
    expect(findEnumerations('一是甲。\n别的段落。\n二是乙。')).toEqual([]);
  });
});

describe('checkNumbering', () => {
  it('reports a gap with the expected number', () => {
    const issues = checkNumbering(parseOutline('一、甲\n二、乙\n四、丁\n五、戊'));
    expect(issues).toEqual([
      { kind: 'gap', message: 'Expected 三、 but found 四、', start: 8, itemIndex: 2, expected: '三、', found: '四、' },
    ]);
  });

  it('reports a first number that is not one', () => {
    expect(checkNumbering(parseOutline('一、甲\n（二）乙'))[0]).toMatchObject({ kind: 'gap', expected: '（一）', found: '（二）' });
  });

  it('reports a repeat once, then counts on', () => {
    const issues = checkNumbering(parseOutline('1. a\n2. b\n2. c\n3. d'));
    expect(issues).toMatchObject([{ kind: 'repeat', itemIndex: 2, expected: '3.', found: '2.' }]);
  });

  it('counts each parent separately', () => {
    expect(checkNumbering(parseOutline('一、甲\n（一）a\n（二）b\n二、乙\n（一）c'))).toEqual([]);
  });

  it('reports （一） before any 一、 as an orphan', () => {
    const issues = checkNumbering(parseOutline('（一）甲\n（二）乙\n一、丙'));
    expect(issues).toMatchObject([{ kind: 'orphan', itemIndex: 0, found: '（一）', start: 0 }]);
  });

  it('reports siblings numbered in different styles', () => {
    const issues = checkNumbering(parseOutline('一、甲\n1.a\n2、b\n3.c'));
    expect(issues).toMatchObject([{ kind: 'mixed', itemIndex: 2, found: '2、' }]);
    expect(checkNumbering(parseOutline('一、甲\n（二）乙\n(三)丙'))).toMatchObject([{ kind: 'gap' }]);
  });

  it('checks decimal numbers by their last part', () => {
    expect(checkNumbering(parseOutline('1. a\n1.1 b\n1.3 c'))).toMatchObject([{ kind: 'gap', expected: '1.2', found: '1.3' }]);
  });
});

describe('nextNumberingAt', () => {
  it('gives 三、 after the demo duty report’s 二、 and its problems paragraph', () => {
    expect(nextNumberingAt(DEMO_DUTY, DEMO_DUTY.length, 1)).toBe('三、');
    expect(nextNumberingAt(DEMO_DUTY, DEMO_DUTY.length, 2)).toBe('（一）');
    expect(nextNumberingAt(DEMO_DUTY, DEMO_DUTY.indexOf('二、'), 1)).toBe('二、');
  });

  it('counts on past an unnumbered closing part: 三、 after 二、 and 存在的问题', () => {
    const text = '一、甲\n正文。\n二、乙\n正文。\n存在的问题\n一是学习不够深入。';
    expect(nextNumberingAt(text, text.length, 1)).toBe('三、');
    // Its children count under it.
    expect(nextNumberingAt('一、甲\n存在的问题\n1.学习不够\n', 17, 2)).toBe('2.');
  });

  it('follows the last sibling under the same parent', () => {
    const text = '一、甲\n（一）子\n（二）子\n（三）子\n二、乙\n（一）子\n';
    expect(nextNumberingAt(text, text.length, 2)).toBe('（二）');
    expect(nextNumberingAt(text, text.indexOf('二、'), 2)).toBe('（四）');
    expect(nextNumberingAt(text, text.indexOf('二、'), 1)).toBe('二、');
    expect(nextNumberingAt(text, text.length, 1)).toBe('三、');
  });

  const text = '一、甲\n正文\n二、乙\n（一）子一\n（二）子二\n正文\n';

  it('counts on from the previous sibling', () => {
    expect(nextNumberingAt(text, text.length, 1)).toBe('三、');
    expect(nextNumberingAt(text, text.length, 2)).toBe('（三）');
    expect(nextNumberingAt(text, text.indexOf('二、'), 1)).toBe('二、');
  });

  it('starts a level with its first number', () => {
    expect(nextNumberingAt(text, text.indexOf('二、'), 2)).toBe('（一）');
    expect(nextNumberingAt(text, text.length, 3)).toBe('1.');
    expect(nextNumberingAt(text, text.length, 4)).toBe('（1）');
    expect(nextNumberingAt('', 0, 1)).toBe('一、');
  });

  it('follows the style the document uses at that level', () => {
    const withComma = '一、甲\n1、a\n2、b\n二、乙\n';
    expect(nextNumberingAt(withComma, withComma.length, 2)).toBe('1、');
    const halfWidth = '一、甲\n(一)a\n二、乙\n';
    expect(nextNumberingAt(halfWidth, halfWidth.length, 2)).toBe('(一)');
  });

  it('numbers English and markdown documents their way', () => {
    const english = '1. Intro\n1.1 Scope\n2. Method\n';
    expect(nextNumberingAt(english, english.length, 1)).toBe('3.');
    expect(nextNumberingAt(english, english.length, 2)).toBe('2.1');
    expect(nextNumberingAt('I. One\nA. a\n', 12, 2)).toBe('B.');
    expect(nextNumberingAt('Plain text', 10, 1)).toBe('1.');
    expect(nextNumberingAt('# Title\n## Part\n', 16, 2)).toBe('##');
  });
});

describe('renumber', () => {
  it('renumbers the sections after an inserted one and leaves their children alone', () => {
    const text = '一、甲\n二、新\n二、乙\n（一）a\n（二）b\n三、丙\n';
    const from = text.indexOf('二、新');
    const result = renumber(text, from);
    expect(result.text).toBe('一、甲\n二、新\n三、乙\n（一）a\n（二）b\n四、丙\n');
    expect(result.changes).toEqual([
      { start: text.indexOf('二、乙'), end: text.indexOf('二、乙') + 2, before: '二、', after: '三、' },
      { start: text.indexOf('三、丙'), end: text.indexOf('三、丙') + 2, before: '三、', after: '四、' },
    ]);
  });

  it('counts on from the numbers before the offset', () => {
    const text = '一、甲\n三、乙\n三、丙\n';
    expect(renumber(text, text.indexOf('三、丙')).text).toBe('一、甲\n三、乙\n四、丙\n');
    expect(renumber(text, 0).text).toBe('一、甲\n二、乙\n三、丙\n');
  });

  it('keeps each marker’s brackets, separator and digit width', () => {
    expect(renumber('一、甲\n(二)a\n二、乙\n3、b\n５．c\n', 0).text).toBe('一、甲\n(一)a\n二、乙\n1、b\n２．c\n');
  });

  it('moves decimal children with their parent', () => {
    expect(renumber('1. a\n2. new\n2. b\n2.1 c\n2.2 d\n', 0).text).toBe('1. a\n2. new\n3. b\n3.1 c\n3.2 d\n');
  });

  it('changes nothing in a well-numbered document', () => {
    expect(renumber(duty, 0)).toEqual({ text: duty, changes: [] });
    expect(renumber(notice, 0).changes).toEqual([]);
  });
});
