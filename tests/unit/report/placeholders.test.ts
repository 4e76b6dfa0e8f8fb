import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_RULES,
  findPlaceholders,
  findPlaceholdersInRange,
  rescanRange,
  isNamedField,
  isValidFill,
  placeholderKey,
  suggestValues,
  validateRule,
  type Placeholder,
  type PlaceholderRule,
} from '../../../utils/report/placeholders';
import { checkUserPattern } from '../../../utils/report/regex-safety';
import { readSample } from '../samples';

/** `[text, kind]` of every placeholder, the shape most cases compare. */
const found = (text: string) => findPlaceholders(text).map((p) => [p.text, p.kind]);
const rulesOf = (text: string) => findPlaceholders(text).map((p) => p.rule);

describe('x runs typed by the unit that follows', () => {
  it.each([
    ['xxxx年，市人大', 'xxxx', 'year', 'x-year'],
    ['20xx年工作总结', '20xx', 'year', 'x-year'],
    ['202x年', '202x', 'year', 'x-year'],
    ['XXXX年度', 'XXXX', 'year', 'x-year'],
    ['xx年x月', 'xx年x月', 'date', 'date-blank'],
    ['《xxxx-xxxx年全国D员教育培训工作规划》', 'xxxx-xxxx', 'year', 'x-year-range'],
    ['xxxx—xxxx年', 'xxxx—xxxx', 'year', 'x-year-range'],
    ['20xx-20xx年', '20xx-20xx', 'year', 'x-year-range'],
    ['截至今年x月，', 'x', 'date', 'x-month'],
    ['截至xx月底', 'xx', 'date', 'x-month'],
    ['于xx日召开', 'xx', 'date', 'x-day'],
    ['“x·x”重要讲话', 'x·x', 'date', 'x-dotted-date'],
    ['“x·xx”国家安全教育日', 'x·xx', 'date', 'x-dotted-date'],
    ['于x.xx召开', 'x.xx', 'date', 'x-dotted-date'],
    ['revenue of $X.X million', 'X.X', 'amount', 'x-amount'],
    ['due in 20XX.', '20XX', 'year', 'x-year'],
    ['开展集中学习xx次', 'xx', 'count', 'x-count'],
    ['xx项工作措施', 'xx', 'count', 'x-count'],
    ['发现问题xx个', 'xx', 'count', 'x-count'],
    ['xxx名D员干部', 'xxx', 'count', 'x-count'],
    ['xx家企业', 'xx', 'count', 'x-count'],
    ['xx场次', 'xx', 'count', 'x-count'],
    ['xx户困难群众', 'xx', 'count', 'x-count'],
    ['x万余字', 'x', 'count', 'x-count'],
    ['xx亿元', 'xx', 'amount', 'x-amount'],
    ['xx元', 'xx', 'amount', 'x-amount'],
    ['罚款____万元', '____', 'amount', 'x-amount'],
    ['第xx号', 'xx', 'number', 'x-number'],
    ['违反本合同第____条约定', '____', 'number', 'x-number'],
    ['审判委员会第××次会议', '××', 'number', 'x-number'],
    ['（××××）×行初字第××号', '××××', 'year', 'x-year'],
    ['〔××××〕12号', '××××', 'year', 'x-year'],
    ['验证码（××××）', '××××', 'free', 'x-other'],
    ['上诉于××××人民法院。', '××××', 'place', 'x-place'],
    ['经××仲裁委员会裁决', '××', 'place', 'x-place'],
    ['法官助理×××', '×××', 'name', 'x-person'],
    ['书　记　员×××', '×××', 'name', 'x-person'],
    ['发稿xxx余篇', 'xxx', 'count', 'x-count'],
    ['文章xxx多篇', 'xxx', 'count', 'x-count'],
    ['光荣在党xx年', 'xx', 'count', 'x-count'],
    ['原创率近xx%', 'xx', 'percent', 'x-percent'],
    ['增长xx％', 'xx', 'percent', 'x-percent'],
    ['grew by XX% in 20XX', 'XX', 'percent', 'x-percent'],
    ['《xx市法治宣传教育条例》', 'xx', 'place', 'x-place'],
    ['xx省', 'xx', 'place', 'x-place'],
    ['xx县', 'xx', 'place', 'x-place'],
    ['到xx区杨柳青农场', 'xx', 'place', 'x-place'],
    ['xx镇', 'xx', 'place', 'x-place'],
    ['xx乡', 'xx', 'place', 'x-place'],
    ['对xx村的扶持', 'xx', 'place', 'x-place'],
    ['xx街道', 'xx', 'place', 'x-place'],
    ['xx同志担任组长', 'xx', 'name', 'x-person'],
    ['xxx同志', 'xxx', 'name', 'x-person'],
    ['××同志', '××', 'name', 'x-person'],
    ['深入贯彻落实对xx工作要求', 'xx', 'free', 'x-other'],
    ['在xx方面', 'xx', 'free', 'x-other'],
    ['xx人大网', 'xx', 'free', 'x-other'],
    ['xx项目', 'xx', 'free', 'x-other'],
    ['xx市场', 'xx', 'free', 'x-other'],
    ['国家会展中心(xx)', 'xx', 'free', 'x-other'],
    ['××公司', '××', 'free', 'x-other'],
    ['×××', '×××', 'free', 'x-other'],
    ['ｘｘ工作', 'ｘｘ', 'free', 'x-other'],
    ['ＸＸ年度', 'ＸＸ', 'year', 'x-year'],
    ['XXX', 'XXX', 'name', 'x-capital'],
    ['请XXX签字', 'XXX', 'name', 'x-capital'],
    ['XX公司', 'XX', 'free', 'x-other'],
    ['x之声', 'x', 'free', 'x-other'],
    ['电话：xxx-xxxx-xxxx', 'xxx-xxxx-xxxx', 'phone', 'x-other'],
    ['会议于xx:xx开始', 'xx:xx', 'free', 'x-other'],
    ['填表日期 xx/xx/xxxx', 'xx/xx/xxxx', 'date', 'x-dotted-date'],
    ['×月×日', '×月×日', 'date', 'date-blank'],
  ])('%s → %s (%s)', (text, placeholder, kind, rule) => {
    const [first] = findPlaceholders(text);
    expect(first).toMatchObject({ text: placeholder, kind, rule });
    expect(first.text).toBe(text.slice(first.start, first.end));
  });

  it('keeps the unit outside the placeholder', () => {
    expect(findPlaceholders('共xx次')).toEqual([{ start: 1, end: 3, text: 'xx', kind: 'count', rule: 'x-count' }]);
  });

  it('finds x next to a capital letter that masks a Chinese word', () => {
    expect(found('光荣在Dxx年')).toEqual([['xx', 'count']]);
    expect(found('机关D组xx项')).toEqual([['xx', 'count']]);
  });

  it('takes a date left blank for one blank, not three', () => {
    expect(found('xxxx年x月x日')).toEqual([['xxxx年x月x日', 'date']]);
  });
});

describe('x inside words, numbers, code and Roman numerals is not a placeholder', () => {
  it.each([
    'box',
    'Xbox',
    'max',
    'x86',
    'x86_64',
    'the 3x3 grid',
    '0x1F',
    'font-size: xx-large',
    'x-axis',
    'see http://x.com',
    'write to x@y.com',
    'a.x = 1',
    'www.x.org',
    'Type-X',
    'C:/x/y',
    '&#x27;',
    '"\\x41"',
    'multiply 1 x 2',
    '1 × 2',
    '一×二',
    '3×4',
    '三x四',
    'Mac OS X',
    'Generation X and more',
    'let x be the number',
    'XX世纪',
    '二十一世纪即XXI世纪',
    'X世纪',
    'XII. Conclusions',
    'X. Summary',
    'XIX世纪',
    'x5',
    '5x faster',
    "x's value",
    '- [x] done',
    'DXX',
    'Texas',
    'x轴与y轴',
    'X光检查',
    'X射线',
    '1920x1080',
    'iPhone X',
    'XXL',
    'SpaceX',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('finds a lone x in Chinese text', () => {
    expect(found('为期x周')).toEqual([['x', 'count']]);
    expect(found('对x的看法')).toEqual([['x', 'free']]);
  });

  it('D masking 党 is not a placeholder', () => {
    expect(found('市人大常委会机关D组落实全面从严治D主体责任')).toEqual([]);
  });
});

describe('circles and 某某', () => {
  it.each([
    ['○○同志', '○○'],
    ['〇〇〇', '〇〇〇'],
    ['某某', '某某'],
    ['某某某同志', '某某某'],
    ['某某单位', '某某'],
  ])('%s → %s', (text, placeholder) => {
    expect(found(text)).toEqual([[placeholder, 'name']]);
  });

  it.each(['某种情况', '某单位', '二〇〇八年', '二○○九年', '○ 一项'])('%s is not a placeholder', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('brackets', () => {
  it('names 【label】', () => {
    expect(findPlaceholders('致【单位名称】：')).toEqual([
      { start: 1, end: 7, text: '【单位名称】', kind: 'name', name: '单位名称', rule: 'label' },
    ]);
  });

  it.each([
    ['填写［　］', '［　］', 'blank-brackets'],
    ['【　】', '【　】', 'blank-brackets'],
    ['【】', '【】', 'blank-brackets'],
    ['（　）', '（　）', 'blank-parens'],
    ['（）', '（）', 'blank-parens'],
    ['( )', '( )', 'blank-parens'],
    ['姓名(  )', '(  )', 'blank-parens'],
    ['（ ）', '（ ）', 'blank-parens'],
  ])('%s → free %s', (text, placeholder, rule) => {
    expect(findPlaceholders(text).map((p) => [p.text, p.kind, p.rule])).toEqual([[placeholder, 'free', rule]]);
  });

  it.each([
    ['{{单位}}', '单位', 'named'],
    ['{{ name }}', 'name', 'name'],
    ['Dear [Name],', 'Name', 'name'],
    ['[Company Name]', 'Company Name', 'name'],
    ['[姓名]', '姓名', 'name'],
    ['［单位］', '单位', 'named'],
    ['<name>', 'name', 'name'],
    ['To <Company Name>', 'Company Name', 'name'],
    ['<单位名称>', '单位名称', 'name'],
  ])('%s names %s, a field of kind %s', (text, name, kind) => {
    const [p] = findPlaceholders(text);
    expect(p).toMatchObject({ kind, name });
    expect(isNamedField(p)).toBe(true);
  });

  it.each([
    'see [the docs](https://example.com)',
    'as shown [1]',
    'refs [12]',
    '[id]: https://example.com',
    'arr[ ]',
    'arr[index]',
    'values = []',
    'f()',
    'call( )',
    '<div>',
    '<br/>',
    '</p>',
    '<div class="a">',
    '<a href>',
    '<Title>',
    'List<T>',
    'x < y and z > w',
    'a <b> tag',
    '<x@y.com>',
    '<my-element>',
    '{{ }}',
    '办公厅（室）',
    '（一）总体要求',
    '[a]',
  ])('%s is not a placeholder', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('treats a short 【label】 as named even when it is an advertisement', () => {
    expect(found('【哒哒素材库】——每天更新')).toEqual([['【哒哒素材库】', 'named']]);
  });
});

describe('underscores and words', () => {
  it.each([
    ['＿＿＿', '＿＿＿'],
  ])('%s → %s', (text, placeholder) => {
    expect(findPlaceholders(text)[0]).toMatchObject({ text: placeholder, kind: 'free', rule: 'underscores' });
  });

  it.each(['snake_case_name', '__init__', 'a___b', '___', '__', 'x___'])('%s is not a placeholder', (text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    ['TODO: fill in', 'TODO', 'todo'],
    ['venue TBA.', 'TBA', 'todo'],
    ['时间待定', '待定', 'pending'],
    ['数据待补充', '待补充', 'pending'],
    ['金额待填写', '待填写', 'pending'],
    ['成效（待补充）', '（待补充）', 'pending'],
    ['成效(待定)', '(待定)', 'pending'],
  ])('%s → %s', (text, placeholder, rule) => {
    expect(findPlaceholders(text)[0]).toMatchObject({ text: placeholder, kind: 'free', rule });
  });

  it('types a stand-in after a label by the label: Date: TBD is a date to write', () => {
    expect(findPlaceholders('Date: TBD')).toEqual([{ start: 6, end: 9, text: 'TBD', kind: 'date', rule: 'todo' }]);
  });

  it.each(['TODOs', 'ATBD', 'todo list', 'TBDX'])('%s is not a placeholder', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('findPlaceholders', () => {
  it('returns [] for empty text', () => {
    expect(findPlaceholders('')).toEqual([]);
  });

  it('returns placeholders of every family in document order', () => {
    const text = '致【单位】：xxxx年共xx次，{{name}} TBD，某某同志、○○，____，（　）';
    expect(findPlaceholders(text).map((p) => p.text)).toEqual([
      '【单位】',
      'xxxx',
      'xx',
      '{{name}}',
      'TBD',
      '某某',
      '○○',
      '____',
      '（　）',
    ]);
  });

  it('counts offsets in UTF-16 code units after astral characters', () => {
    const text = '😀𠀀xx次';
    expect(findPlaceholders(text)).toEqual([{ start: 4, end: 6, text: 'xx', kind: 'count', rule: 'x-count' }]);
  });

  it('lists every built-in rule it can report', () => {
    const ids = new Set(BUILT_IN_RULES.map((r) => r.id));
    const text =
      '（××××）×民初字第×号 xxxx年 xxxx-xxxx年 x月 x日 “x·x” xx次 xx元 第xx号 xx% xx市 xx同志 XXX 对xx工作 ○○ 某某 【单位】 ［　］ （　） ____ {{a}} [Name] <Name> TBD 待定 主要做法：…… hh:mm\n' +
      '    年  月  日\n遮盖***的字\n«合同编号»\n单击或点击此处输入文字。\n【具体做法和成效，含数据支撑】\n（请填写单位全称）\n' +
      '联系人：      \n兹有      ，特此证明。\n（盖章）\n□同意\n1. 议题1\nADD BILLING ADDRESS HERE';
    const reported = new Set(rulesOf(text));
    expect(reported).toEqual(ids);
    for (const rule of BUILT_IN_RULES) expect(rule.example).not.toBe('');
  });
});

describe('samples', () => {
  const report = readSample('zh-duty-report-2023.txt');

  it('finds every x placeholder in the duty report, typed', () => {
    // Counted by hand with `grep -o '[xX]\+.\{0,3\}'`: 134 runs of x, of which `xxxx-xxxx年` (2) and
    // `x·x`/`x·xx` (3) join two runs each, so 129 x placeholders:
    //   year 10 (8 `xxxx年`/`xxxx年度`, 2 `xxxx-xxxx年`), date 6 (3 `x月`/`xx月底`, 3 `x·x`/`x·xx`),
    //   count 81 (`次项个名件篇条场期户份种天周万` and `人次`, `余次`, `多篇`, `在Dxx年`),
    //   percent 3, place 14 (12 `xx市`, `xx区`, `xx村`),
    //   free 15 (`xx人大`×7, `对xx工作`, `(xx)`, `xx科教园`, `xx楷模`, `xx城市记忆展`, `x之声`,
    //   `xx高质量`, `xx最美家庭`).
    // Plus the 3 advertising labels `【哒哒素材库】`×2 and `【哒哒代笔】` at the end: named.
    const placeholders = findPlaceholders(report);
    const perKind: Record<string, number> = {};
    for (const p of placeholders) perKind[p.kind] = (perKind[p.kind] ?? 0) + 1;
    expect(perKind).toEqual({ year: 10, date: 6, count: 81, percent: 3, place: 14, free: 15, named: 3 });
    expect(placeholders.filter((p) => p.rule === 'x-year-range').map((p) => p.text)).toEqual([
      'xxxx-xxxx',
      'xxxx-xxxx',
    ]);
    expect(placeholders.filter((p) => p.rule === 'x-dotted-date').map((p) => p.text)).toEqual([
      'x·x',
      'x·xx',
      'x·xx',
    ]);
  });

  it('flags no Chinese text of the duty report', () => {
    const placeholders = findPlaceholders(report);
    const labels = placeholders.filter((p) => p.rule === 'label').map((p) => p.text);
    expect(labels).toEqual(['【哒哒素材库】', '【哒哒素材库】', '【哒哒代笔】']);
    for (const p of placeholders.filter((p) => p.rule !== 'label')) expect(p.text).toMatch(/^[xX×ｘＸ·\-—]+$/);
  });

  it('finds nothing in the issued notice', () => {
    expect(findPlaceholders(readSample('zh-notice-2019-tax-credit.txt'))).toEqual([]);
  });
});

describe('findPlaceholdersInRange', () => {
  const text = '第一行xx次\n第二行【单位】和xxxx年\n第三行 TBD';

  it('scans the lines the range touches, with absolute offsets', () => {
    const second = text.indexOf('第二行');
    const inRange = findPlaceholdersInRange(text, second + 2, second + 3);
    expect(inRange.map((p) => p.text)).toEqual(['【单位】', 'xxxx']);
    expect(inRange).toEqual(findPlaceholders(text).filter((p) => p.start > second && p.end < text.indexOf('第三行')));
  });

  it('covers every line between from and to, in either order', () => {
    expect(findPlaceholdersInRange(text, text.length, 0)).toEqual(findPlaceholders(text));
  });

  it('reaches back over empty lines to the line with words above, for the checklist’s rescan', () => {
    const form = '邮政编码      地址\n\n\n张三公司      北京';
    // Counted by hand: the edited line starts at 15, the line with words above it at 0.
    expect(rescanRange(form, 25, 26)).toEqual([0, form.length]);
    expect(rescanRange(form, 1, 2)).toEqual([0, 12]);
    // Offsets outside the text, and in either order, are clamped.
    expect(rescanRange(form, form.length + 9, -4)).toEqual([0, form.length]);
    expect(rescanRange('', 3, 7)).toEqual([0, 0]);
  });

  it('reaches the lines a wrapped note may join to the edited one', () => {
    // Lines counted by hand: `一、情况` 0–3, the note's first line 5–13, its second 15–19, `二、意见` 21–24.
    const wrapped = '一、情况\n……（写明事实和理\n　　由）。\n二、意见';
    // An edit on the note's second line rescans its first; one on its first reaches its second.
    expect(rescanRange(wrapped, 17, 18)).toEqual([5, 20]);
    expect(rescanRange(wrapped, 8, 9)).toEqual([0, 20]);
    // Above the line with words: a line above it only when a note opened at its end may close there.
    expect(rescanRange('甲（\n乙）丙\n丁', 7, 8)).toEqual([0, 8]);
    expect(rescanRange('甲\n乙）丙\n丁', 6, 7)).toEqual([2, 7]);
    expect(rescanRange('甲\n（乙）丙）\n丁', 8, 9)).toEqual([2, 9]);
    // A line that opens with a month or a day may end a date wrapped from above: `于××××年` 0–5, its second line 7–14.
    expect(rescanRange('于××××年\n　　××月××日', 2, 3)).toEqual([0, 15]);
  });

  it('clamps offsets outside the text', () => {
    expect(findPlaceholdersInRange(text, -5, 2).map((p) => p.text)).toEqual(['xx']);
    expect(findPlaceholdersInRange(text, text.length + 10, text.length + 20).map((p) => p.text)).toEqual(['TBD']);
  });

  it('scans the line of an empty range at a line break', () => {
    const breakAt = text.indexOf('\n');
    expect(findPlaceholdersInRange(text, breakAt, breakAt).map((p) => p.text)).toEqual(['xx']);
  });
});

describe('placeholderKey', () => {
  const [unit, mustache, count, otherCount, year] = findPlaceholders('【单位】{{单位}} xx次 xx次 xxxx年');

  it('groups named placeholders by name, whatever their brackets', () => {
    expect(placeholderKey(unit)).toBe(placeholderKey(mustache));
  });

  it('groups others by text and kind', () => {
    expect(placeholderKey(count)).toBe(placeholderKey(otherCount));
    expect(placeholderKey(count)).not.toBe(placeholderKey(year));
    const [free] = findPlaceholders('对xx工作');
    expect(placeholderKey(free)).not.toBe(placeholderKey(count));
  });
});

describe('suggestValues', () => {
  const now = new Date(2026, 4, 3); // 3 May 2026
  const first = (text: string) => findPlaceholders(text)[0];

  it('offers the time now for a time written hh:mm, in the same parts', () => {
    const at = new Date(2026, 4, 3, 9, 5, 7);
    expect(suggestValues(first('at hh:mm UTC'), at)).toEqual(['09:05']);
    expect(suggestValues(first('at HH:MM:SS UTC'), at)).toEqual(['09:05:07']);
  });

  it.each([
    ['xxxx年', ['2026', '2025']],
    ['20xx年', ['2026', '2025']],
    ['xxxx-xxxx年', ['2025-2026', '2026-2027']],
    ['xxxx—xxxx年', ['2025—2026', '2026—2027']],
    ['x月', ['5']],
    ['xx日', ['3']],
    ['“x·xx”', ['5·3']],
    ['于x.xx召开', ['5.3']],
    ['xx次', []],
    ['xx市', []],
    ['【单位】', []],
  ])('%s → %j', (text, values) => {
    expect(suggestValues(first(text), now)).toEqual(values);
  });

  it('suggests for user rules by kind', () => {
    const date: Placeholder = { start: 0, end: 4, text: '[日期]', kind: 'date', rule: 'user-date' };
    expect(suggestValues(date, now)).toEqual(['2026年5月3日', '2026-05-03']);
    const year: Placeholder = { start: 0, end: 4, text: 'YYYY', kind: 'year', rule: 'user-year' };
    expect(suggestValues(year, now)).toEqual(['2026', '2025']);
  });
});

describe('isValidFill', () => {
  const first = (text: string) => findPlaceholders(text)[0];

  it.each([
    ['xx次', '12', true],
    ['xx次', '1,200', true],
    ['xx次', '3.5', true],
    ['xx次', '十二', true],
    ['xx次', '两', true],
    ['xx次', '一百〇五', true],
    ['xx次', '', false],
    ['xx次', 'abc', false],
    ['xx次', '12次', false],
    ['xxxx年', '2026', true],
    ['xxxx年', ' 2026 ', true],
    ['xxxx年', '26', false],
    ['xxxx年', '二〇二六', false],
    ['xxxx-xxxx年', '2025-2026', true],
    ['xxxx-xxxx年', '2026', false],
    ['xx%', '35', true],
    ['xx%', '35.5%', true],
    ['xx%', '35％', true],
    ['xx%', 'many', false],
    ['xx市', '天津', true],
    ['xx市', '  ', false],
    ['【单位】', '市人大', true],
    ['x月', '5', true],
    ['x月', '', false],
  ])('%s ← %j: %s', (text, value, ok) => {
    expect(isValidFill(first(text), value)).toBe(ok);
  });
});

describe('validateRule and user rules', () => {
  it('accepts a plain pattern', () => {
    const result = validateRule({ pattern: '【[^】]{1,10}】', flags: '' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.regex.test('【单位】')).toBe(true);
  });

  it.each(['g', 'y', 'd', 'ii', 'x'])('refuses the flags %s', (flags) => {
    const result = validateRule({ pattern: 'a', flags });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toMatch(/use only i, m, s and u, each once/);
  });

  it('leaves the pattern itself to checkUserPattern', () => {
    expect(validateRule({ pattern: '(a+)+$', flags: 'iu' })).toBe(checkUserPattern('(a+)+$', 'iu'));
    expect(validateRule({ pattern: 'a' })).toBe(checkUserPattern('a', ''));
  });

  it('shows user rule matches with the rule kind, winning a tie with a built-in', () => {
    const rules: PlaceholderRule[] = [
      { id: 'u1', name: 'Project', pattern: '#\\d+', kind: 'count', enabled: true },
      { id: 'u2', name: 'Org', pattern: '\\[\\[([^\\]]+)\\]\\]', kind: 'named', enabled: true },
      { id: 'u3', name: 'Same span', pattern: 'xx(?=市)', kind: 'name', enabled: true },
      { id: 'u4', name: 'Off', pattern: '待', kind: 'free', enabled: false },
      { id: 'u5', name: 'Broken', pattern: '(a+)+', kind: 'free', enabled: true },
    ];
    const text = '第#12号 [[单位名称]] xx市 待定 aaaa';
    expect(findPlaceholders(text, { rules }).map((p) => [p.text, p.kind, p.rule, p.name])).toEqual([
      ['#12', 'count', 'u1', undefined],
      ['[[单位名称]]', 'named', 'u2', '单位名称'],
      ['xx', 'name', 'u3', undefined],
      ['待定', 'free', 'pending', undefined],
    ]);
  });

  it('keeps the earliest, then the longest, when rules overlap', () => {
    const rules: PlaceholderRule[] = [
      { id: 'long', name: 'Long', pattern: '工作xx次', kind: 'free', enabled: true },
      { id: 'late', name: 'Late', pattern: 'x次', kind: 'count', enabled: true },
    ];
    expect(findPlaceholders('对工作xx次', { rules }).map((p) => p.text)).toEqual(['工作xx次']);
  });
});
