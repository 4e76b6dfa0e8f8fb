/**
 * Placeholder engine: finds the unfilled slots of a report draft (`xxxx年`, `××`, `某某`,
 * `【单位名称】`, `{{name}}`, `____`, `TBD`, …) and says what each one asks for.
 * Pure: strings in, plain data out. Offsets are UTF-16 code units.
 */
import { lineEndOf, lineStartOf, lineStartWithin } from './lines';

import { checkUserPattern, type PatternCheck } from './regex-safety';
import { at, isBlank, isCjkContext, isDigit, isHan, isSpace, isWordChar, LINES_READ_BELOW, make, type Placeholder, type PlaceholderKind } from './blanks/core';
import { joinDates } from './blanks/dates';
import { setExamplesAside } from './blanks/examples';
import { joinsNextLine, WRAPPED_NOTE } from './blanks/wraps';
import { kindAskedBy, labelBeforeColon, labelGluedBefore, makeNamed } from './blanks/labels';
import { isInstructionNote, joinNotes, matchLongNote, matchMergeField, matchParenNote, matchSignWords, matchTickBox, matchWordPrompt, WORD_PROMPT } from './blanks/marks';
import { judgeSpaceRun, NOT_UNITS } from './blanks/spaces';

export type { Placeholder, PlaceholderKind } from './blanks/core';
export { PLACEHOLDER_KINDS } from './blanks/core';
export { setExamplesAside } from './blanks/examples';

/** A rule the user wrote; stored in IndexedDB. */
export interface PlaceholderRule {
  id: string;
  name: string;
  pattern: string;
  flags?: string;
  kind: PlaceholderKind;
  enabled: boolean;
}

export interface FindOptions {
  rules?: PlaceholderRule[];
  /** Told before each user rule runs (its id), and with null after the last: a watchdog stops one that overruns. */
  onRule?(id: string | null): void;
}

export interface BuiltInRuleInfo {
  id: string;
  name: string;
  /** The kind its blanks have, or when `typedBy` is set, the kind they have when the name or label says none. */
  kind: PlaceholderKind;
  /** Its blanks are of the kind their own name says (`{{联系电话}}` a phone), or the label before them (`联系电话：____`). */
  typedBy?: 'name' | 'label';
  example: string;
}

/** What the built-in rules find, for the settings UI. */
export const BUILT_IN_RULES = [
  { id: 'x-year', name: 'Year written with x', kind: 'year', example: 'xxxx年, 20xx年, xx年以来, （××××）字第×号' },
  { id: 'x-year-range', name: 'Range of years', kind: 'year', example: 'xxxx-xxxx年' },
  { id: 'x-month', name: 'Month', kind: 'date', example: 'x月' },
  { id: 'x-day', name: 'Day of the month', kind: 'date', example: 'xx日' },
  { id: 'x-dotted-date', name: 'Date written with a dot', kind: 'date', example: '“x·xx”, x.xx' },
  { id: 'x-count', name: 'Number of things', kind: 'count', example: 'xx次, xx项, xx个, 工作了xx年' },
  { id: 'x-amount', name: 'Sum of money', kind: 'amount', example: 'xx元, ____万元' },
  { id: 'x-number', name: 'Number in a sequence', kind: 'number', example: '第xx号, 第    条' },
  { id: 'x-code', name: 'Code in a case number', kind: 'field', example: '（××××）×民初字第×号' },
  { id: 'x-percent', name: 'Percentage', kind: 'percent', example: 'xx%' },
  { id: 'x-place', name: 'Place', kind: 'place', example: 'xx市, xx区, xx街道, ××××人民法院' },
  { id: 'x-person', name: 'Person', kind: 'name', example: 'xx同志, 审判长×××' },
  { id: 'x-capital', name: 'Name written XXX', kind: 'name', example: 'XXX' },
  { id: 'x-other', name: 'Other run of x or ×', kind: 'free', typedBy: 'label', example: '对xx工作, ××' },
  { id: 'circles', name: 'Circles', kind: 'name', example: '○○, 〇〇' },
  { id: 'mou', name: 'Someone (某某)', kind: 'name', example: '某某, 某某某' },
  { id: 'label', name: 'Label in 【】', kind: 'named', typedBy: 'name', example: '【单位名称】' },
  { id: 'blank-brackets', name: 'Empty brackets', kind: 'free', example: '［　］, [ ], 【】' },
  { id: 'blank-parens', name: 'Empty parentheses', kind: 'free', typedBy: 'label', example: '（　）, (  )' },
  { id: 'underscores', name: 'Blank line to write on', kind: 'free', typedBy: 'label', example: '____' },
  { id: 'mustache', name: 'Template field', kind: 'named', typedBy: 'name', example: '{{单位}}, {party_name}' },
  { id: 'square-label', name: 'Label in square brackets', kind: 'named', typedBy: 'name', example: '[Name]' },
  { id: 'angle-label', name: 'Label in angle brackets', kind: 'named', typedBy: 'name', example: '<Company Name>' },
  { id: 'todo', name: 'To be done', kind: 'free', typedBy: 'label', example: 'TBD, TODO, TBA, TBC' },
  { id: 'pending', name: 'Pending (待定)', kind: 'free', typedBy: 'label', example: '待定, 待补充, （待填写）' },
  { id: 'ellipsis', name: 'Text to write (……)', kind: 'free', typedBy: 'label', example: '主要做法：……, 一是……；, Revenue: ...' },
  { id: 'time-mask', name: 'Time written hh:mm', kind: 'time', example: 'hh:mm, HH:MM:SS' },
  { id: 'mask', name: 'Run of * or □', kind: 'free', typedBy: 'label', example: '20**年, ***, □□□' },
  { id: 'date-blank', name: 'Date left blank', kind: 'date', example: '    年  月  日, ____年__月__日, 20**年**月**日' },
  { id: 'merge-field', name: 'Merge field', kind: 'named', typedBy: 'name', example: '«合同编号», «Name»' },
  { id: 'word-prompt', name: 'Prompt of an empty Word field', kind: 'instruction', example: '单击或点击此处输入文字。' },
  { id: 'instruction', name: 'Note in 【】 of what to write', kind: 'instruction', example: '【具体做法和成效，含数据支撑】' },
  { id: 'bracket-note', name: 'Note in brackets of what to write', kind: 'instruction', example: '（请填写单位全称）' },
  { id: 'drafting-note', name: 'Note to the drafter', kind: 'instruction', example: 'ADD BILLING ADDRESS HERE, Please provide …, （三）维持原决定主文' },
  { id: 'space-field', name: 'Blank after a label', kind: 'field', typedBy: 'label', example: '联系人：      , 姓名：____' },
  { id: 'space-gap', name: 'Spaces left in a sentence', kind: 'free', example: '兹有      同志' },
  { id: 'sign-place', name: 'Place to sign or seal', kind: 'sign', example: '（盖章）, 签字：      ' },
  { id: 'tick-box', name: 'Box to tick', kind: 'tickbox', example: '□同意 □不同意, [ ]' },
  { id: 'stand-in', name: 'Numbered stand-in', kind: 'named', typedBy: 'name', example: '议题1, 负责人2' },
] as const satisfies readonly BuiltInRuleInfo[];

type BuiltInRuleId = (typeof BUILT_IN_RULES)[number]['id'];

// ---------------------------------------------------------------------------------------------
// Characters

const X_CHARS = 'xX×ｘＸ';
const isXChar = (c: number) => c === 0x78 || c === 0x58 || c === 0xd7 || c === 0xff58 || c === 0xff38;
const isCapitalX = (c: number) => c === 0x58 || c === 0xff38;

function isCapitalRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isCapitalX(at(text, i))) return false;
  return true;
}

function isLowerRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (at(text, i) !== 0x78) return false;
  return true;
}

const isLatinLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** How far to look past spaces, digits and ASCII punctuation for the words around a slot. */
const CONTEXT_REACH = 12;

/**
 * The nearest letter or Chinese mark on each side, on the same line, is Latin: the slot sits in
 * English text. Spaces, digits and ASCII punctuation (`: (`) in between are looked past.
 */
function isLatinContext(text: string, start: number, end: number): boolean {
  const nearest = (from: number, step: -1 | 1) => {
    for (let i = from, n = 0; n < CONTEXT_REACH; i += step, n++) {
      const c = at(text, i);
      if (Number.isNaN(c) || c === 0x0a || c === 0x0d) return 'none';
      if (isCjkContext(c)) return 'cjk';
      if (isLatinLetter(c)) return 'latin';
    }
    return 'none';
  };
  const left = nearest(start - 1, -1);
  const right = nearest(end, 1);
  return left !== 'cjk' && right !== 'cjk' && (left === 'latin' || right === 'latin');
}

const CHINESE_NUMERALS = '〇零一二两三四五六七八九十百千万亿';
const isNumeral = (c: number) =>
  isDigit(c) || (c >= 0xff10 && c <= 0xff19) || CHINESE_NUMERALS.includes(String.fromCharCode(c));

// ---------------------------------------------------------------------------------------------
// Runs of x / X / ×

/** Units after an x-run that make it a count: `xx次`, `xx项`, `x万`. */
const COUNT_UNITS = '次项个人名家件篇条场批期户所万亿元千百份页册位种天周台套处起轮届例';
/** Words that start with a count unit but are nouns: `xx人大` is a congress, not people. */
const NOUNS_AFTER_COUNT = new Set(['人大', '人民', '人员', '家庭', '家乡', '名称', '名单', '条例', '条件', '期间', '项目', '页面', '页码']);
const PLACE_UNITS = '市省县区镇乡村州';
/** Bodies named after their place: `××××人民法院`, `××仲裁委员会`, `××市公安局`. */
const PLACE_ORGANS = /^(?:(?:高级|中级)?人民(?:法院|检察院|政府)|法院|仲裁委员会|公安局|工商行政管理局|市场监督管理局)/;
/** What PLACE_ORGANS can start with: the regex runs only after one of these. */
const ORGAN_STARTS = '高中人法仲公工市';
/** Units of money after a sum: `xx元`, `____万元`. */
const MONEY = /^(?:[万亿千百]?元|美元|港元|欧元)/;
const MONEY_STARTS = '万亿千百元美港欧';
/** What opens and closes the year of a case or document number: `（××××）×行初字第×号`, `〔××××〕`. */
const YEAR_BRACKETS = ['（）', '()', '〔〕', '[]', '【】'];
/** The rest of a case or document number after its year: `×行初字第××号`, `最高法行决×号`, `12号`. */
const CASE_NUMBER_AFTER = /^[^\s，。；、（）()]{0,10}?(?:字|号)/;
/** Words in which a lone x is the letter itself: `x轴`, `X光`, `X射线`. */
const LETTER_WORDS = ['轴', '光', '射线'];
const DATE_SEPARATORS = '·.．・/';
const RANGE_SEPARATORS = '-—–~～';
/** What may join two runs into one slot; `:` for a time, `xx:xx`. */
const JOINERS = DATE_SEPARATORS + RANGE_SEPARATORS + ':';

interface Compound {
  end: number;
  /** Length of each part, digits that lead a part (`20xx`) included. */
  parts: number[];
  separators: string;
}

/** Length of `\d{0,3}` + x-run at `i` (one part of `xxxx-20xx`), or 0. */
function partLength(text: string, i: number): number {
  let j = i;
  while (j - i < 3 && isDigit(at(text, j))) j++;
  if (!isXChar(at(text, j))) return 0;
  while (isXChar(at(text, j))) j++;
  return j - i;
}

/** `x·xx`, `xxxx-xxxx`, `xxx-xxxx-xxxx`, `xx:xx`: runs joined by one separator are one slot. */
function readCompound(text: string, firstPartLength: number, runEnd: number): Compound {
  const compound: Compound = { end: runEnd, parts: [firstPartLength], separators: '' };
  for (;;) {
    const sep = text[compound.end];
    if (sep === undefined || !JOINERS.includes(sep)) break;
    // `xxxx——xxxx年`: Chinese writes a range with a doubled dash too.
    const sepLength = sep === '—' && text[compound.end + 1] === '—' ? 2 : 1;
    const length = partLength(text, compound.end + sepLength);
    if (length === 0) break;
    compound.separators += sep;
    compound.parts.push(length);
    compound.end += sepLength + length;
  }
  return compound;
}

/**
 * A single capital letter between Chinese characters masks a word (`D` for 党 in `光荣在Dxx年`).
 * Not next to capital X: `XXI世纪` is a Roman numeral.
 */
function isMaskLetter(text: string, i: number, away: -1 | 1): boolean {
  const c = at(text, i);
  return c >= 0x41 && c <= 0x5a && c !== 0x58 && isHan(at(text, i + away));
}

/** The left side of an x-run does not glue it into a word, number, URL, e-mail or code. */
function standsAloneLeft(text: string, start: number, maskable: boolean): boolean {
  const c = at(text, start - 1);
  if (Number.isNaN(c)) return true;
  if (isWordChar(c)) return maskable && isMaskLetter(text, start - 1, -1);
  const before = at(text, start - 2);
  switch (text[start - 1]) {
    case '.':
    case '-':
      return !isWordChar(before); // `a.x`, `www.x`, `Type-X`
    case '/':
      return !isWordChar(before) && before !== 0x2f && before !== 0x3a; // `http://x`, `a/x`
    case '#':
      return before !== 0x26; // `&#x27;`
    case '@':
    case '\\':
      return false; // `a@x.com`, `\x41`
    default:
      return true;
  }
}

function standsAloneRight(text: string, end: number, maskable: boolean): boolean {
  const c = at(text, end);
  if (Number.isNaN(c)) return true;
  if (isWordChar(c)) return maskable && isMaskLetter(text, end, 1);
  switch (text[end]) {
    case '@':
      return false; // `x@y.com`
    case '.':
    case '-':
    case '/':
    case ':':
    case "'":
      return !isWordChar(at(text, end + 1)); // `x.com`, `xx-large`, `x's`
    default:
      return true;
  }
}

function nearestNonSpace(text: string, i: number, step: -1 | 1): number {
  while (text[i] === ' ' || text[i] === '\t') i += step;
  return at(text, i);
}

/** After `xx年`: a span of years (`xx年来`, `xx多年`), so a count. */
const SPAN_AFTER_NIAN = /^(?:来|多|余|间|内|后|前|以上|以内|左右|之久|时间|里)/;
/** After `xx年`: a point in time (`xx年的工作`, `xx年以来`, `xx年度`, `xx年底`), so a year. */
const POINT_AFTER_NIAN = /^(?:度|的|以来|以前|以后|是|初|底|末|中|年中|上半年|下半年|全年|起|春|夏|秋|冬|第|工作|[，,。；])/;
/** Before `xx年`: a length of time (`工作了xx年`, `连续xx年`, `在党xx年`), so a count. */
const SPAN_BEFORE_NIAN = /(?:了|近|连续|满|已|达|共|历时|为期|长达|超过|不少于|不低于|任职|任|工作|从事|在[党D]|党龄|教龄|工龄|第)$/;
/** Before `xx年`: a preposition of time or the start of a clause (`于xx年`, `。xx年`), so a year. */
const POINT_BEFORE_NIAN = /(?:^|[\s，,。；;：:、（(《“"]|于|自|从|在|至|到|截至|截止|是|为|今|明|去)$/;

/** `xx年` says how long (`工作了xx年`, `xx年来`), by the words around it. */
function isSpanOfYears(text: string, start: number, afterUnit: number): boolean {
  const before = text.slice(Math.max(lineStartOf(text, start), start - 4), start);
  return SPAN_AFTER_NIAN.test(text.slice(afterUnit, afterUnit + 3)) || SPAN_BEFORE_NIAN.test(before);
}

/** `年` after runs that stand for a year rather than a number of years, read from the words around. */
function isYearBeforeNian(text: string, start: number, compound: Compound, afterUnit: number): boolean {
  if (compound.parts.every((length) => length === 4)) return true;
  // `xx年x月`: the year of a date.
  let i = afterUnit;
  while (isXChar(at(text, i)) || isDigit(at(text, i))) i++;
  if (i > afterUnit && text[i] === '月') return true;
  if (isSpanOfYears(text, start, afterUnit)) return false;
  const before = text.slice(Math.max(lineStartOf(text, start), start - 4), start);
  return POINT_AFTER_NIAN.test(text.slice(afterUnit, afterUnit + 3)) || POINT_BEFORE_NIAN.test(before);
}

/** `x.xx` in Chinese text is a date; `$X.X million` is an amount. */
function isDottedDate(text: string, start: number, compound: Compound): boolean {
  if (compound.parts.length === 1 || ![...compound.separators].every((s) => DATE_SEPARATORS.includes(s))) return false;
  if (!/^\.+$/.test(compound.separators)) return true;
  return isCjkContext(at(text, start - 1)) || isCjkContext(at(text, compound.end));
}

/**
 * Words for a person or a party that a name follows: `申请人`, `被执行人`, `经办人员：`, `代表`,
 * a court's officers signing a judgment (`审判长  ×××`, `书记员  ×××`), the parties of a contract
 * (`供方：×××`).
 */
const PERSON_BEFORE = /(?:(?:人|者|人员|代表|委员|诉)[：:]?|(?:审判长|审判员|书记员|检察员|法官助理|书[ \u3000]记[ \u3000]员|[甲乙丙丁供需买卖]方)[：:]?[ \u00a0\u3000]*)$/;
/** What a person does right after their name in a court's text: `×××诉`, `×××向本院申请`, `×××不服`. */
const PERSON_ACTS = /^(?:诉|向(?:本院|人民法院|法院)|不服)/;

/** After a word for a person (PERSON_BEFORE), that word spread with spaces too (`审判长` set apart with ideographic spaces before `×××`). */
function isAfterPerson(text: string, start: number): boolean {
  if (PERSON_BEFORE.test(text.slice(Math.max(0, start - 6), start))) return true;
  return isSpace(at(text, start - 1)) && PERSON_BEFORE.test(text.slice(Math.max(0, start - 12), start).replace(/(?<=\p{Script=Han})[ \u3000]+(?=\p{Script=Han})/gu, ''));
}

/** The places of a sum written out one by one, each after its blank, down to `元`. */
const PLACE_BY_PLACE = new RegExp(`^[亿仟千佰百拾万](?:[_＿ \u00a0\u3000${X_CHARS}*＊]+[亿仟千佰百拾万])*[_＿ \u00a0\u3000${X_CHARS}*＊]+[元圆]`);

/** Words a length of time follows: the months after them are counted. */
const DURATION_BEFORE = /(?:保修|保修期|期限为?|为期|租期为?|工期为?|试用期为?|保质期为?)[ \u00a0\u3000]*$/;

/** What follows the code of a case or document number: a few words for the kind of case, then `字第`. */
const CODE_BEFORE = /^[\u4e00-\u9fff]{0,3}字第/;

/** Kind of an x-run by the unit after it; `leadingDigits`: written like `20xx`. */
function typeXRun(
  text: string,
  start: number,
  compound: Compound,
  leadingDigits: boolean,
): { kind: PlaceholderKind; rule: BuiltInRuleId } {
  const unitAt = compound.end;
  const unit = text.charAt(unitAt);
  const isUnit = (units: string, c = unit) => c !== '' && units.includes(c);
  const twoChars = text.slice(unitAt, unitAt + 2);
  if (isUnit('%％‰')) return { kind: 'percent', rule: 'x-percent' };
  // `$XXXXX`, `￥xx`: a sum after its currency's sign.
  if (start > 0 && '$¥￥€£'.includes(text.charAt(start - 1))) return { kind: 'amount', rule: 'x-amount' };
  if (unit === '年') {
    if (!isYearBeforeNian(text, start, compound, unitAt + 1)) return { kind: 'count', rule: 'x-count' };
    const isRange = compound.parts.length === 2 && isUnit(RANGE_SEPARATORS, compound.separators);
    return { kind: 'year', rule: isRange ? 'x-year-range' : 'x-year' };
  }
  // `保修  月`, `租期为xx月`: how many months; elsewhere `x月` is a month of the year.
  if (unit === '月') return DURATION_BEFORE.test(text.slice(Math.max(0, start - 6), start)) ? { kind: 'count', rule: 'x-count' } : { kind: 'date', rule: 'x-month' };
  // `xx日内` counts days; `xx日` is a day of the month.
  if (unit === '日') return twoChars === '日内' ? { kind: 'count', rule: 'x-count' } : { kind: 'date', rule: 'x-day' };
  if (twoChars === '街道' || (isUnit(PLACE_UNITS) && twoChars !== '市场') || (isUnit(ORGAN_STARTS) && PLACE_ORGANS.test(text.slice(unitAt, unitAt + 9)))) {
    return { kind: 'place', rule: 'x-place' };
  }
  if (isUnit(MONEY_STARTS) && MONEY.test(twoChars)) return { kind: 'amount', rule: 'x-amount' };
  // `＿＿亿＿＿千＿＿百＿＿拾＿＿万＿＿千＿＿百＿＿拾＿＿元`: a sum written out place by place.
  if (isUnit('亿仟千佰百拾万') && PLACE_BY_PLACE.test(text.slice(unitAt, unitAt + 80))) return { kind: 'amount', rule: 'x-amount' };
  // `（××××）×民初字第×号`, `民×字第`: the court's or the body's code in a case or document number.
  if (CODE_BEFORE.test(text.slice(unitAt, unitAt + 6)) && (text[start - 1] === '）' || isHan(at(text, start - 1)))) return { kind: 'field', rule: 'x-code' };
  // `第××号`, `第    条`, `第×次会议`: which one in a sequence, not how many; `最高法行决×号` a case's number.
  if (text[start - 1] === '第' || (unit === '号' && text[start - 1] !== '月')) return { kind: 'number', rule: 'x-number' };
  if (compound.parts.length === 1 && compound.end - start === 4 && YEAR_BRACKETS.includes(text.charAt(start - 1) + unit) && CASE_NUMBER_AFTER.test(text.slice(unitAt + 1, unitAt + 14))) {
    return { kind: 'year', rule: 'x-year' };
  }
  if (twoChars === '同志') return { kind: 'name', rule: 'x-person' };
  // `xx余次`, `xxx多篇`: an approximate number still counts something.
  const countAt = unit === '余' || unit === '多' ? unitAt + 1 : unitAt;
  if (countAt > unitAt && text[countAt] === '年') return { kind: 'count', rule: 'x-count' }; // `xx多年`
  if (isUnit(COUNT_UNITS, text.charAt(countAt)) && !NOUNS_AFTER_COUNT.has(text.slice(countAt, countAt + 2))) {
    return { kind: 'count', rule: 'x-count' };
  }
  if (isDottedDate(text, start, compound)) return { kind: 'date', rule: 'x-dotted-date' };
  if (leadingDigits) return { kind: 'year', rule: 'x-year' }; // `in 20XX`
  if (compound.parts.length === 1 && compound.end - start >= 3 && isCapitalRun(text, start, compound.end)) {
    return { kind: 'name', rule: 'x-capital' };
  }
  // `申请人×××`, `经办人员：×××`, `×××诉`: a run after a word for a person, or before what a person does, is a name.
  if (compound.parts.length === 1 && (isAfterPerson(text, start) || PERSON_ACTS.test(text.slice(compound.end, compound.end + 6)))) {
    return { kind: 'name', rule: 'x-person' };
  }
  // In English text `xx` stands for a figure (`xx minutes`, `Users affected: xx`); beside
  // Chinese it can stand for any word (`对xx工作`).
  if (compound.parts.length === 1 && compound.end - start >= 2 && isLowerRun(text, start, compound.end) && isLatinContext(text, start, compound.end)) {
    return { kind: 'count', rule: 'x-count' };
  }
  return { kind: 'free', rule: 'x-other' };
}

/** Capital X runs that are Roman numerals: `XX世纪`, a heading numbered `X.` */
function isRomanNumeral(text: string, start: number, end: number): boolean {
  if (text.startsWith('世纪', end)) return true;
  const after = text[end];
  return (after === '.' || after === '．') && isBlank(text.slice(lineStartOf(text, start), start));
}

/**
 * `编号的编排方式为：X妆XXXXXXXX。其中，第一位X代表……`: marks that show how a number is made up,
 * in a rule that explains it, not a blank: after the words that introduce a format in the same
 * sentence, or as the symbol of a place in the number (`第一位X代表`, `第二位到第五位X`).
 */
function describesFormat(text: string, start: number, scan: ScanContext): boolean {
  if (text[start - 1] === '位' && /第[一二三四五六七八九十\d]+位(?:到第[一二三四五六七八九十\d]+位)?$/.test(text.slice(Math.max(0, start - 12), start))) return true;
  // The nearest `……为：` before it, if it is in the same clause and at most 60 characters back.
  const intros = scan.formatIntros;
  let k = intros.length - 1;
  while (k >= 0 && intros[k] > start) k--;
  if (k < 0 || start - intros[k] > 60) return false;
  return !/[。；;，,\r\n]/.test(text.slice(intros[k], start));
}

/** Words that introduce the format of a number, up to the colon after them: `编排方式为：`, `格式为：`. */
const FORMAT_INTRO = /(?:编排方式|编号方式|编码方式|编码规则|格式)为[：:]/g;

function matchXRun(text: string, runStart: number, runEnd: number, scan: ScanContext): Placeholder | null {
  // `20xx年`: digits that lead a year belong to the slot; any other digit glues the run into a
  // number (`3x3`, `0x1F`).
  let start = runStart;
  while (runStart - start < 4 && isDigit(at(text, start - 1))) start--;
  if (start < runStart) {
    const first = text[start];
    if (runEnd - start !== 4 || (first !== '1' && first !== '2')) return null;
  }
  const compound = readCompound(text, runEnd - start, runEnd);
  const { end } = compound;
  const capitals = isCapitalRun(text, runStart, runEnd);
  if (!standsAloneLeft(text, start, !capitals) || !standsAloneRight(text, end, !capitals)) return null;
  if (capitals && start === runStart && end === runEnd && isRomanNumeral(text, start, end)) return null;

  if (describesFormat(text, start, scan)) return null;
  const typed = typeXRun(text, start, compound, start < runStart);
  if (end - start === 1) {
    // One x or × between numbers multiplies (`1 x 2`, `一×二`); in Latin text a lone x is a
    // variable or a name (`Mac OS X`) unless a unit types it (`x%`).
    const left = nearestNonSpace(text, start - 1, -1);
    const right = nearestNonSpace(text, end, 1);
    if (isNumeral(left) && isNumeral(right)) return null;
    if (LETTER_WORDS.some((word) => text.startsWith(word, end))) return null;
    // `在空格部位打×`: the mark to make, named.
    if (start > 0 && '打划画'.includes(text.charAt(start - 1))) return null;
    const touchesChinese = isCjkContext(at(text, start - 1)) || isCjkContext(at(text, end));
    if (typed.rule === 'x-other' && !touchesChinese) return null;
    // `销售额×比例税率` in a formula: the sign multiplies.
    if (typed.rule === 'x-other' && text[start] === '×' && /[=＝÷]/.test(text.slice(lineStartOf(text, start), lineEndOf(text, end)))) return null;
  }
  return make(text, start, end, typed.kind, typed.rule);
}

// ---------------------------------------------------------------------------------------------
// Brackets, blanks and words

/** Element names: `<div>` is markup, `<name>` is a slot. */
const HTML_TAGS = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas ' +
    'caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt em ' +
    'embed fieldset figcaption figure font footer form frame frameset head header hgroup hr html ' +
    'i iframe img input ins kbd label legend li link main map mark marquee math menu meta meter ' +
    'nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s ' +
    'samp script search section select slot small source span strike strong style sub summary ' +
    'sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var ' +
    'video wbr'
  ).split(' '),
);

/** A short label: letters of any script and spaces, `Company Name`, `单位名称`. */
const LABEL = /^\p{L}(?:[\p{L} \u3000]*\p{L})?$/u;

function matchLenticular(text: string, start: number, end: number): Placeholder | null {
  const inner = text.slice(start + 1, end - 1);
  // `【……】` is an empty box too: a label would fill every one of them with one value.
  if (isBlank(inner) || /^(?:[…⋯]{2,}|\.{3,}|。{3,})$/.test(inner)) return make(text, start, end, 'free', 'blank-brackets');
  if (isInstructionNote(inner.trim())) return make(text, start, end, 'instruction', 'instruction');
  // `【格式一】`, `【附件2】`: a numbered part of the document, headed in brackets.
  if (/^(?:格式|样式|附件|附表|示例)[一二三四五六七八九十\d]+$/.test(inner.trim())) return null;
  return makeNamed(text, start, end, 'label', inner.trim());
}

function matchSquare(text: string, start: number, end: number): Placeholder | null {
  const inner = text.slice(start + 1, end - 1);
  const ascii = text[start] === '[';
  // `arr[i]`, `a[ ]`, `f(x)[key]`: indexing in code; `A[评审申请]`: a diagram's node.
  const before = text[start - 1];
  if (ascii && (isWordChar(at(text, start - 1)) || before === ']' || before === ')')) return null;
  if (ascii && (before === '[' || text[end] === ']')) return null; // `[[a wiki link]]`
  if (isBlank(inner) || (ascii && /^\s*#\s*$/.test(inner))) {
    if (ascii && inner === '') return null;
    // `[ ]`, `- [ ]`, `[    ]`: a box to tick (`[x]`, `[✓]` are ticked already).
    return ascii ? make(text, start, end, 'tickbox', 'tick-box') : make(text, start, end, 'free', 'blank-brackets');
  }
  const words = inner.trim();
  if (!/^\p{L}/u.test(words)) return null; // `[1]` is a citation, `[✓]` a ticked box
  // `［甲方与＿＿＿签订的合同］`: an option to keep, with its own lines to write on, found one by one.
  if (/[_＿]{2}/.test(words)) return null;
  if (ascii) {
    if (words.length === 1) return null; // `[a]`, `[X]`: a footnote or a ticked box
    const after = text[end];
    if (after === '(' || after === '[') return null; // markdown link `[text](url)`
    if (after === ':' && isBlank(text.slice(lineStartOf(text, start), start))) return null; // `[id]: url`
    // `[Drafting note: If a free Pilot, delete this row entirely. …]`: what the drafter is to do, not a field.
    if (DRAFTING_NOTE.test(words)) return make(text, start, end, 'instruction', 'drafting-note');
    if (isCommandName(text, start, end, words)) return null;
  }
  return makeNamed(text, start, end, 'square-label', words);
}

/** How an English template heads a note to its drafter, or a note of several sentences. */
const DRAFTING_NOTE = /^(?:drafting notes?|notes? to (?:drafter|draft)|instructions?)\s*:|^(?:\S+\s+){2,}[^.!?]*[.!?]\s+\S/i;

/**
 * `[CODE NOW]`, `[FOCUS]`: a command or a tag named in capitals, in a sentence (`使用 [CODE NOW]
 * 命令`) or explained after it (`[FOCUS] - …`). A field in capitals stands where a value goes:
 * after a label (`创建时间: [TIMESTAMP]`), alone on its line, or written as an identifier
 * (`[PROJECT_NAME]`, `[TASK-ID]`), or in a table row of fields (`| [ID] | [描述] |`).
 */
function isCommandName(text: string, start: number, end: number, words: string): boolean {
  if (!/^[A-Z][A-Z ]*$/.test(words)) return false;
  // `[LOCATION HERE]`, `[INSERT NAME]`: a prompt for what goes there.
  if (/(?:^(?:INSERT|ENTER|ADD) | HERE$)/.test(words)) return false;
  const lineBefore = text.slice(lineStartOf(text, start), start);
  const lineAfter = text.slice(end, lineEndOf(text, end));
  if (/[:：][\s*]*$/.test(lineBefore)) return false;
  // `| [ID] | [描述] |`: a cell of a table row whose cells are fields to fill.
  if (/\|\s*$/.test(lineBefore) && /^\s*\|/.test(lineAfter) && /\|\s*\[[^\]\r\n]+\]\s*\|/.test(lineBefore + lineAfter)) return false;
  return !(/^[\s*>#|-]*(?:\d+[.)]\s*)?$/.test(lineBefore) && /^[\s*|]*$/.test(lineAfter));
}

/** Names of documents: a Chinese title often ends with one (`…管理规定`, `…实施方案`). */
const DOCUMENT_NAMES = /(?:规定|办法|条例|法|通知|意见|方案|决定|细则|规划|纲要|报告|制度|标准|规则|准则|章程|公告|通告|决议|规范|指南|目录|清单|计划|要点|纪要|批复|函)$/;

/**
 * `<国内水路运输管理规定>`: a title written with ASCII angle brackets in Chinese running text,
 * as plain-text copies of `《》` do. A field name is short and stands alone (`致<单位名称>：`).
 */
function isTitleInAngles(text: string, start: number, end: number, inner: string): boolean {
  if (!isHan(at(text, start + 1))) return false;
  if (DOCUMENT_NAMES.test(inner)) return true;
  const inSentence = isHan(at(text, start - 1)) || isHan(at(text, end)) || text[end] === '、' || text[start - 1] === '、';
  return inSentence && inner.length > 8;
}

function matchAngle(text: string, start: number, end: number): Placeholder | null {
  const inner = text.slice(start + 1, end - 1);
  if (isWordChar(at(text, start - 1)) || !LABEL.test(inner)) return null; // `List<T>`, `</p>`, `<a href="">`
  if (HTML_TAGS.has(inner.split(' ')[0].toLowerCase())) return null;
  if (isTitleInAngles(text, start, end, inner)) return null;
  return makeNamed(text, start, end, 'angle-label', inner);
}

function matchParens(text: string, start: number, end: number): Placeholder | null {
  const inner = text.slice(start + 1, end - 1);
  if (!isBlank(inner)) return make(text, start, end, 'free', 'pending'); // `（待补充）`
  // `()` and `f( )` are code; `（）` is a blank in a Chinese form.
  if (text[start] === '(' && (inner === '' || isWordChar(at(text, start - 1)))) return null;
  return make(text, start, end, 'free', 'blank-parens');
}

function matchUnderscores(text: string, start: number, end: number): Placeholder | null {
  // Two ASCII ones are a part of a date only (`____年__月__日`, `__月__日`): elsewhere `__` is markdown's.
  if (end - start === 2 && text[start] === '_' && text[start - 1] !== '年' && text[start - 1] !== '月' && text[end] !== '月') return null;
  if (isWordChar(at(text, start - 1)) || isWordChar(at(text, end))) return null; // `snake___case`
  if (text[start] === '_' && aloneOnItsLine(text, start, end)) {
    // A markdown rule `___`, unless a caption under it says what the line is for (`Signature`).
    const caption = captionBelow(text, end);
    return caption === null ? null : make(text, start, end, kindAskedBy(caption), 'underscores', caption);
  }
  // One or two full-width ones: a line to write on next to words or a label, not a face `（＾＿＾）`.
  if (end - start < 3 && !/[\u4e00-\u9fff：: \u3000]/.test(text.charAt(start - 1) + text.charAt(end))) return null;
  const typed = typeByUnit(text, start, end);
  const label = labelBefore(text, start);
  // A unit after the line types it (`____年`); a label before it names it (`联系人：____`).
  if (typed && (label === null || typed.rule !== 'x-person')) return make(text, start, end, typed.kind, typed.rule);
  if (label !== null) return make(text, start, end, kindAskedBy(label), 'underscores', label);
  return make(text, start, end, 'free', 'underscores');
}

/** Whether only spaces stand beside [start, end) on its line: read to the first other character, so a long line costs nothing. */
function aloneOnItsLine(text: string, start: number, end: number): boolean {
  let i = start;
  while (i > 0 && isSpace(at(text, i - 1))) i--;
  if (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') return false;
  let j = end;
  while (j < text.length && isSpace(at(text, j))) j++;
  return j === text.length || text[j] === '\n' || text[j] === '\r';
}

/**
 * `______\nSignature`: the caption of a line to write on, on the line right under it, when it
 * says what goes there (a signature, a name, a date), or null.
 */
function captionBelow(text: string, end: number): string | null {
  const lineEnd = lineEndOf(text, end);
  const next = lineEnd + (text.startsWith('\r\n', lineEnd) ? 2 : 1);
  if (next >= text.length || lineEnd === text.length) return null;
  const caption = text.slice(next, lineEndOf(text, next)).trim();
  if (caption.length === 0 || caption.length > 24 || !/^[\p{L}][\p{L} .'’/()（）-]*$/u.test(caption)) return null;
  return CAPTION_KINDS.has(kindAskedBy(caption)) ? caption : null;
}

/** What a caption under a line to write on names: a signature, a name, a date (`Price` under a rule is a heading). */
const CAPTION_KINDS: ReadonlySet<PlaceholderKind> = new Set(['sign', 'name', 'date']);

/**
 * `Signature ______`, `Print name ______`: a few English words starting the line and naming a
 * signature, a name or a date, right before a line to write on, with no colon.
 */
function englishLabelGlued(text: string, start: number): string | null {
  // The words start the line, so the line's start is at most a few words back.
  const lineStart = lineStartWithin(text, start, 40);
  if (lineStart === -1) return null;
  const glued = /^[ \t>*-]*([A-Za-z][A-Za-z'’/-]*(?: [A-Za-z][A-Za-z'’/-]*){0,2}) ?$/.exec(text.slice(lineStart, start));
  return glued && kindAskedBy(glued[1]) !== 'field' ? glued[1] : null;
}

/** The label right before [start, …) on a form line, spaces between looked past (`姓名：  ____`). */
function labelBefore(text: string, start: number): string | null {
  let i = start;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\u3000' || text[i - 1] === '\u00a0')) i--;
  return labelBeforeColon(text, i - 1);
}

/** A blank drawn with spaces, underscores or masks typed by the unit after it (`____年`, `**人`), or null. */
function typeByUnit(text: string, start: number, end: number): { kind: PlaceholderKind; rule: BuiltInRuleId } | null {
  // `年龄＿＿`, `人员____`: a word that starts with a unit is no unit (but `____个人` is people).
  if (NOT_UNITS.test(text.slice(end, end + 2)) && !text.startsWith('个人', end)) return null;
  // `营业执照副本    本`: copies. Not a unit of masks, where `×××本人` is a name and a word.
  if (text[end] === '本' && !isHan(at(text, end + 1))) return { kind: 'count', rule: 'x-count' };
  const typed = typeXRun(text, start, { end, parts: [end - start], separators: '' }, false);
  // A line left before `年` is a year unless the words say how long (`工作了____年`).
  if (typed.kind === 'count' && text[end] === '年' && !isSpanOfYears(text, start, end + 1)) return { kind: 'year', rule: 'x-year' };
  return typed.rule === 'x-other' || typed.rule === 'x-capital' || typed.kind === 'count' && !isCjkContext(at(text, end)) ? null : typed;
}

/**
 * `年 月 日`, `签订日期：    年  月  日`: a date whose parts were left as spaces. Spaces before it
 * belong to it after a label or inside a sentence; at the start of a line they indent it.
 */
function matchSpacedDate(text: string, start: number, end: number): Placeholder | null {
  // `5月 日`, `xx年 月 日`: the part before is written or found on its own; the rest joins it.
  if (text[start] !== '年' && /[\dxX×*＊]/.test(text.charAt(start - 1))) return null;
  // `2019年  月`: the year is written, the blank is what follows it.
  if (text[start] === '年' && /[0-9０-９]/.test(text.charAt(start - 1))) return make(text, start + 1, end, 'date', 'date-blank');
  // `出生年  月` heads a column: a date is not glued to the word before it.
  if (text[start] === '年' && text[end - 1] === '月' && isHan(at(text, start - 1))) return null;
  return make(text, start, end, 'date', 'date-blank', labelBefore(text, start) ?? undefined);
}

/** A run of spaces that stands for text (see judgeSpaceRun). */
function matchSpaces(text: string, start: number, end: number): Placeholder | null {
  const role = judgeSpaceRun(text, start, end);
  if (role === null) return null;
  // `- **优点**: ` ends a list item whose value is the list under it; one space after a plain label is its field.
  if (end - start === 1 && text.slice(Math.max(0, start - 3), start - 1) === '**') return null;
  if (role.role === 'field') {
    const kind = kindAskedBy(role.label);
    return make(text, start, end, kind, kind === 'sign' ? 'sign-place' : 'space-field', role.label);
  }
  const typed = typeByUnit(text, start, end);
  if (typed) return make(text, start, end, typed.kind, typed.rule);
  return role.role === 'gap' ? make(text, start, end, 'free', 'space-gap') : null;
}

/** `**日期**`: markdown's bold opens where a word starts and closes later on the line. */
function isBoldMark(text: string, start: number, end: number): boolean {
  if (end - start !== 2 || text[start] !== '*') return false;
  const lineStart = lineStartOf(text, start);
  const opensAt = (i: number) => i === lineStart || /[\s\-*>#|(（“]/.test(text.charAt(i - 1));
  // `**负责人**:`: a mark after one that opened bold on the line closes it.
  const previous = text.lastIndexOf('**', start - 1);
  if (previous >= lineStart && opensAt(previous) && (text.slice(lineStart, start).split('**').length - 1) % 2 === 1) return true;
  if (!opensAt(start)) return false;
  if (/\s/.test(text.charAt(end)) || text.charAt(end) === '') return false;
  return text.slice(end, lineEndOf(text, end)).includes('**');
}

/**
 * A run of `*` (or `□`) that masks characters: `20**年`, `**人`, `***`. Two stars open or close
 * markdown bold, and a star marks a footnote, so a short run needs a unit that types it.
 */
function matchMask(text: string, runStart: number, runEnd: number): Placeholder | null {
  let start = runStart;
  while (runStart - start < 4 && isDigit(at(text, start - 1))) start--;
  if (start < runStart && (runEnd - start !== 4 || !/[12]/.test(text[start]))) return null;
  if (!standsAloneLeft(text, start, false) || !standsAloneRight(text, runEnd, false)) return null;
  if (text[runStart] === '□' && runEnd - runStart === 1) return matchTickBox(text, runStart, runEnd);
  if (isBoldMark(text, runStart, runEnd)) return null;
  const typed = typeXRun(text, start, { end: runEnd, parts: [runEnd - start], separators: '' }, start < runStart);
  if (typed.rule !== 'x-other' && typed.rule !== 'x-capital') return make(text, start, runEnd, typed.kind, typed.rule);
  const line = text.slice(lineStartOf(text, start), lineEndOf(text, runEnd)).trim();
  if (runEnd - runStart < 3 || /^[*＊\s]+$/.test(line)) return null; // bold marks, a rule `***`
  return make(text, start, runEnd, 'free', 'mask');
}

function matchCircles(text: string, start: number, end: number): Placeholder | null {
  // `二〇〇八年`: zeros inside a number.
  if (isNumeral(at(text, start - 1)) || isNumeral(at(text, end))) return null;
  return make(text, start, end, 'name', 'circles');
}

function matchMustache(text: string, start: number, end: number): Placeholder | null {
  const name = text.slice(start + 2, end - 2).trim();
  // `{{#if …}}`, `{{/each}}`, `{{else}}`, `{{! note}}`, `{{> part}}`: the template's own control tags.
  if (/^(?:[#/^!>]|else\b)/.test(name)) return null;
  return name ? makeNamed(text, start, end, 'mustache', name) : null;
}

/** Words numbered as parts of a document, never stand-ins: `附件1`, `表2`, `第3`. */
const NUMBERED_PARTS = /(?:附件|附表|附录|附图|图|表|例|式|第|号|级|期|类|版|栏|条|款|章|节|页|组)$/;

/**
 * `议题1`, `负责人2`: a numbered stand-in a template gives for each item the writer replaces,
 * written alone in its list item, heading or table cell.
 */
function matchNumberedStandIn(text: string, digit: number, end: number): Placeholder | null {
  // The candidate is the digit; the word is the Chinese before it, two to six characters.
  let start = digit;
  while (digit - start < 7 && isHan(at(text, start - 1))) start--;
  if (digit - start > 6) return null;
  const word = text.slice(start, digit);
  if (NUMBERED_PARTS.test(word)) return null;
  const before = text.slice(lineStartOf(text, start), start);
  if (!/^[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,2}[.)、][ \t]*|.*\|[ \t]*)?$/.test(before)) return null;
  return makeNamed(text, start, end, 'stand-in', text.slice(start, end), word);
}

/**
 * `| 决策1 | 内容 | 负责人1 |`: a generic word alone in a cell of a table row of numbered
 * stand-ins stands in too, for what that column holds.
 */
function matchStandInCell(text: string, wall: number, end: number): Placeholder | null {
  let start = wall + 1;
  while (text[start] === ' ' || text[start] === '\t') start++;
  // The cells beside it: a row is read no further, however long its line.
  let rowStart = start;
  while (rowStart > Math.max(0, start - 40) && !'\n\r'.includes(text[rowStart - 1])) rowStart--;
  let rowEnd = end;
  while (rowEnd < Math.min(text.length, end + 40) && !'\n\r'.includes(text[rowEnd])) rowEnd++;
  const row = text.slice(rowStart, rowEnd);
  const cells = /\|[ \t]*([\u4e00-\u9fff]{2,6})([1-9])(?=[ \t]*\|)/g;
  let standIn: RegExpExecArray | null;
  while ((standIn = cells.exec(row)) && NUMBERED_PARTS.test(standIn[1]));
  // Named by its row (`内容（决策1）`): the contents of two items are not one value.
  return standIn ? makeNamed(text, start, end, 'stand-in', `${text.slice(start, end)}（${standIn[1]}${standIn[2]}）`, text.slice(start, end)) : null;
}

/** `{party_1_name}`: a field in single braces, as contract templates write them; not `\\frac{a}{b}` or code. */
function matchBraceField(text: string, start: number, end: number): Placeholder | null {
  const before = text.charAt(start - 1);
  if (isWordChar(at(text, start - 1)) || before === '}' || before === '\\' || before === '{' || text[end] === '}') return null;
  return makeNamed(text, start, end, 'mustache', text.slice(start + 1, end - 1).replace(/^\$/, ''));
}

function matchTodo(text: string, start: number, end: number): Placeholder | null {
  if (isWordChar(at(text, start - 1)) || isWordChar(at(text, end))) return null; // `TODOs`, `ATBA`
  return make(text, start, end, 'free', 'todo');
}

const OPENING_QUOTES = '“‘「『"\'';
const CLOSING_QUOTES = '”’」』"\'';

/**
 * `……`, `...`, `。。。` standing for text to write: after a colon, alone on a line, in brackets,
 * or in the middle of a sentence (`围绕……，制定`, `一是……；`). Not an ellipsis that ends a quoted
 * sentence (`还要努力……”`) or opens a quotation (`“……坚持`), nor dots glued to a Latin word or
 * number (`so on...`, `...args`, `1...10`, `总则......12`).
 */
function matchEllipsis(text: string, start: number, end: number): Placeholder | null {
  if (isWordChar(at(text, start - 1))) return null;
  // A figure may follow Chinese dots (`完成……xx项`); a number never does, nor a word ASCII dots.
  const next = at(text, end);
  if (isDigit(next) || (next >= 0xff10 && next <= 0xff19) || (text[start] === '.' && isWordChar(next))) return null;
  const before = text.charAt(start - 1);
  const after = text.charAt(end);
  const opensQuote = before !== '' && OPENING_QUOTES.includes(before);
  const closesQuote = after !== '' && CLOSING_QUOTES.includes(after);
  // `“……”` is a blank in quotation marks; with words on one side, an omission in a quotation.
  if (opensQuote !== closesQuote) return null;
  return make(text, start, end, 'free', 'ellipsis');
}

/** A line of a court form saying what to write in one case (`第二、全部改判的，写：`, `第二、定罪免刑的表述为：`), alone on its line. */
function matchCaseLine(text: string, start: number, end: number): Placeholder | null {
  const from = Math.max(0, start - 52);
  const opening = /(?:^|[\r\n])[ \t\u3000]*(第[一二三四五六七八九十]{1,3}[、，][^\r\n。：:]{2,40}的[，,]?)$/.exec(text.slice(from, start));
  if (opening) return make(text, start - opening[1].length, end, 'instruction', 'bracket-note');
  // In a note that gives the model text of each case, one after the other: `……（按第一审程序再审的，写：“……”
  // 按第二审程序再审的，写：“……”）`.
  if (text[end] !== '“') return null;
  const inNote = /(?:[”（(]|”[。；])([^\r\n。：:“”（）()]{2,40}的[，,]?)$/.exec(text.slice(from, start));
  return inNote ? make(text, start - inNote[1].length, end, 'instruction', 'bracket-note') : null;
}

/**
 * `（三）维持原复议决定主文`: in a court's model form, the heading of the operative words to use in
 * one case. A decision as issued never heads its operative part so: the line is the drafter's.
 */
function matchCaseHeading(text: string, start: number, end: number): Placeholder | null {
  const lineStart = lineStartWithin(text, start, 60);
  if (lineStart === -1) return null;
  // The words of a case before `主文`, not a part's name (`（四）裁判主文` in a guide's outline).
  const heading = /^[ \t\u3000]*(（[一二三四五六七八九十]{1,3}）[^\r\n。；：:]{4,40})$/.exec(text.slice(lineStart, start));
  return heading ? make(text, start - heading[1].length, end, 'instruction', 'drafting-note') : null;
}

/**
 * What a prompt in capitals asks to do (`ADD BILLING ADDRESS HERE`, `SIGN HERE`) or names
 * (`COMPANY NAME HERE`); other capitals before `HERE` are a heading or a pointer (`YOU ARE HERE`).
 */
const PROMPT_VERB = /^(?:ADD|INSERT|ENTER|TYPE|WRITE|PUT|PASTE|SIGN|INITIAL)\b/;
const PROMPT_NOUN = /\b(?:NAME|ADDRESS|DATE|TITLE|NUMBER|TEXT|LOGO|SIGNATURE|AMOUNT|DESCRIPTION|DETAILS|INFO|INFORMATION|LOCATION|EMAIL|PHONE)[ \t]+$/;
/** How far a prompt in capitals, and what stands before it on its line, may reach back. */
const PROMPT_REACH = 120;

/**
 * `ADD BILLING ADDRESS HERE`, `SIGN HERE`: a prompt written in capitals, on its own line, after a
 * label or in a table's cell. In brackets it is a square label (see isCommandName).
 */
function matchCapsPrompt(text: string, start: number, end: number): Placeholder | null {
  const lineStart = lineStartWithin(text, start, PROMPT_REACH);
  if (lineStart === -1) return null;
  const words = /(?:^|[^A-Za-z'’])((?:[A-Z][A-Z'’&/-]*[ \t]+){1,8})$/.exec(text.slice(lineStart, start));
  if (!words || !(PROMPT_VERB.test(words[1]) || PROMPT_NOUN.test(words[1]))) return null;
  const from = start - words[1].length;
  const stands = /^[\s*>#|-]*(?:\d+[.)]\s*)?$|[:：|]\s*$/.test(text.slice(lineStart, from)) && /^[ \t.:|*]*(?:\r?\n|$)/.test(text.slice(end, end + 12));
  if (!stands) return null;
  return make(text, from, end, /\bSIGN(?:ATURE)?\b/.test(words[1]) ? 'sign' : 'instruction', 'drafting-note');
}

/**
 * A template's request for content to its writer: `Please provide several paragraphs about …`,
 * `Please describe …`. A request of a letter (`Please provide your comments by Friday.`) asks
 * for no text in the document.
 */
const PLEASE_WRITE = /^Please (?:describe|explain|summari[sz]e|outline|provide (?:a |an |one or more |several |the )?(?:brief |short |detailed |high-level )?(?:paragraphs?|description|summary|overview|explanation|background|narrative)\b)/;
/** The longest request read as one. */
const MAX_REQUEST = 300;

/** A template's request to its writer, alone on its line, up to where the line ends. */
function matchPleaseLine(text: string, start: number): Placeholder | null {
  const lineStart = lineStartWithin(text, start, 8);
  if (lineStart === -1 || !/^[ \t*>-]*$/.test(text.slice(lineStart, start)) || !PLEASE_WRITE.test(text.slice(start, start + 60))) return null;
  const line = text.slice(start, start + MAX_REQUEST + 1);
  const breakAt = line.search(/\r?\n/);
  if (breakAt === -1 && start + line.length < text.length) return null;
  let end = start + (breakAt === -1 ? line.length : breakAt);
  while (end > start && /\s/.test(text[end - 1])) end--;
  return make(text, start, end, 'instruction', 'drafting-note');
}

/** `hh:mm`, `HH:MM:SS`: a time of day left to write. */
function matchTimeMask(text: string, start: number, end: number): Placeholder | null {
  if (isWordChar(at(text, start - 1)) || isWordChar(at(text, end))) return null;
  // `格式：YYYY-MM-DD HH:MM:SS`: the format a value is written in, not a blank.
  if (/(?:格式|format)\s*[：:][^：:]*$/i.test(text.slice(lineStartOf(text, start), start))) return null;
  return make(text, start, end, 'time', 'time-mask');
}

// ---------------------------------------------------------------------------------------------
// Scanning

type Matcher = (text: string, start: number, end: number, scan: ScanContext) => Placeholder | null;

/** What one scan reads once for all its candidates: where the lines it scans introduce a number's format. */
interface ScanContext {
  formatIntros: readonly number[];
}

interface Candidate {
  /** Regex source without capture groups. */
  pattern: string;
  /** Judges the context of a candidate: a placeholder, or null when it is not one. */
  match: Matcher;
  /** The candidate is a maximal run whose tails cannot stand alone either: skip it whole. */
  skipRunWhenRefused?: boolean;
}

const CANDIDATES: Candidate[] = [
  { pattern: `[${X_CHARS}]+`, match: matchXRun, skipRunWhenRefused: true },
  { pattern: '[○〇◯]{2,}', match: matchCircles },
  { pattern: '某{2,}', match: (text, start, end) => make(text, start, end, 'name', 'mou') },
  { pattern: '«[^«»\\r\\n]{1,60}»', match: matchMergeField },
  { pattern: WORD_PROMPT, match: matchWordPrompt },
  { pattern: String.raw`【[^【】\r\n]{0,200}】`, match: matchLenticular },
  { pattern: String.raw`\[[^[\]\r\n]{0,600}\]|［[^［］\r\n]{0,60}］`, match: matchSquare },
  { pattern: String.raw`[（(](?:[ \t\u00a0\u3000]{0,40}|待定|待补充|待填写)[）)]`, match: matchParens },
  // A full-width underscore beside words is a line to write on: one is enough (`年龄＿＿`).
  // `____年__月__日`: two between the units of a date are one of its parts.
  { pattern: '[_＿]{3,}|＿+|__(?=[月日号])', match: matchUnderscores, skipRunWhenRefused: true },
  { pattern: String.raw`\{\{[^{}\r\n]{1,120}\}\}`, match: matchMustache },
  { pattern: String.raw`\{\$?[A-Za-z_][\w.]{1,60}\}`, match: matchBraceField },
  { pattern: String.raw`<[^<>\r\n]{1,30}>`, match: matchAngle },
  { pattern: '待定|待补充|待填写', match: (text, start, end) => make(text, start, end, 'free', 'pending') },
  { pattern: 'TBD|TODO|TBA|TBC', match: matchTodo },
  { pattern: String.raw`[…⋯]{2,}|\.{3,}|。{3,}`, match: matchEllipsis, skipRunWhenRefused: true },
  { pattern: String.raw`[hH]{2}:[mM]{2}(?::[sS]{2})?`, match: matchTimeMask },
  { pattern: String.raw`[（(][^（）()\r\n]{1,40}[）)]`, match: matchParenNote },
  // A court's or a form's longer drafting note, marks of its model text inside (`（……把“×告×××……”一段删去，改为写明……）`,
  // `〔……改为：“……（写明……）”〕`): one instruction when it says what to write, else its marks one by one.
  { pattern: String.raw`[（(][^（）()\r\n]{41,160}[）)]|〔[^〔〕\r\n]{2,160}〕`, match: matchLongNote },
  // A note wrapped onto the next line by the page or the file it came from (see rescanRange).
  { pattern: WRAPPED_NOTE, match: matchLongNote },
  { pattern: '[*＊]+|□+', match: matchMask, skipRunWhenRefused: true },
  { pattern: '(?:单位|本人)?(?:盖章|签章|签字|签名)|印(?<=[局院委厅所处站队会司部]印)|专用章', match: matchSignWords },
  { pattern: String.raw`[1-9](?<=[\u4e00-\u9fff]{2}[1-9])(?=[ \t]*(?:\||[-—][ \t]|\r?\n|\r?$))`, match: matchNumberedStandIn },
  // The cell's wall is matched (a lookbehind would slow the whole scan), the word is the blank.
  { pattern: String.raw`\|[ \t]*(?:内容|描述|说明|事项|备注|情况)(?=[ \t]*\|)`, match: matchStandInCell },
  // `第一、维持原判的，写：`: a court form's line that says what to write in one of its cases.
  // Matched from its last words (`写：`): a pattern opening with `第` or `的` would be tried at
  // every one of those, in any text.
  { pattern: String.raw`(?:写|表述为)[：:](?<=的[，,]?(?:写|表述为)[：:])(?=[ \u3000]*(?:\r?\n|\r|$)|“)`, match: matchCaseLine },
  // Matched from their last words too, for the same reason.
  { pattern: String.raw`主文(?=[ \t\u3000]*(?:\r?\n|\r|$))`, match: matchCaseHeading },
  { pattern: String.raw`HERE(?![A-Za-z])`, match: matchCapsPrompt },
  { pattern: 'Please ', match: matchPleaseLine },
  { pattern: String.raw`(?:年[ \u00a0\u3000]+)?月[ \u00a0\u3000]+[日号]|年[ \u00a0\u3000]{2,}月(?=[ \u00a0\u3000]*(?:[│┃\t\r\n]|$))`, match: matchSpacedDate },
  { pattern: String.raw`[ \u00a0\u3000]{2,}|\u3000(?=[年月日号份种])| (?=\r?\n|\r?$)`, match: matchSpaces, skipRunWhenRefused: true },
];

/**
 * One pass over the text finds every candidate; the group that matched says which matcher
 * judges it. The regex keeps finding cheap, the matchers keep the judgement readable.
 */
const CANDIDATE_REGEX = new RegExp(CANDIDATES.map((c) => `(${c.pattern})`).join('|'), 'g');

/** Built-in placeholders starting in [from, to), in order, not overlapping. */
function scanBuiltIns(text: string, from: number, to: number, found: Placeholder[]): void {
  const parts: Placeholder[] = [];
  scanCandidates(text, from, to, parts);
  for (const p of joinNotes(text, joinDates(text, parts))) found.push(p.kind === 'free' ? withLabelBefore(text, p) : p);
}

/**
 * A blank with no kind of its own takes the label before it: `联系电话：……` is a phone,
 * `违约责任＿＿＿＿` a field named by its label.
 */
function withLabelBefore(text: string, p: Placeholder): Placeholder {
  const label = labelBefore(text, p.start) ?? (p.rule === 'underscores' ? (labelGluedBefore(text, p.start) ?? englishLabelGlued(text, p.start)) : null);
  if (label === null) return p;
  const kind = kindAskedBy(label);
  // Only a line to write on is named by its label, as it is after a colon: marks and words that
  // stand in (`联系电话：××××`, `Status: TBD`, `主要做法：……`) take the label's kind, and each
  // keeps its own value (two parties' phones are two numbers).
  if (p.rule !== 'underscores') return kind === 'field' ? p : make(text, p.start, p.end, kind, p.rule);
  return make(text, p.start, p.end, kind, p.rule, label);
}

function scanCandidates(text: string, from: number, to: number, found: Placeholder[]): void {
  // Searched in the lines scanned only: a rescan of one line does not read on to the end.
  const formatIntros = [...text.slice(from, to).matchAll(FORMAT_INTRO)].map((m) => from + m.index + m[0].length);
  const scan: ScanContext = { formatIntros };
  const regex = CANDIDATE_REGEX;
  regex.lastIndex = from;
  for (let m = regex.exec(text); m !== null && m.index < to; m = regex.exec(text)) {
    let group = 1;
    while (m[group] === undefined) group++;
    const candidate = CANDIDATES[group - 1];
    const match = candidate.match(text, m.index, regex.lastIndex, scan);
    if (match && found.length > 0 && match.start < found[found.length - 1].end) {
      regex.lastIndex = m.index + 1;
    } else if (match) {
      found.push(match);
      regex.lastIndex = match.end;
    } else if (!candidate.skipRunWhenRefused) {
      regex.lastIndex = m.index + 1;
    }
  }
}

function scanUserRule(
  text: string,
  from: number,
  to: number,
  rule: PlaceholderRule,
  regex: RegExp,
  found: Placeholder[],
): void {
  // The rule sees only the lines being scanned: after an edit, a search for its next match
  // must not run on through the rest of the document.
  const lines = from === 0 && to === text.length ? text : text.slice(from, to);
  regex.lastIndex = 0;
  for (let m = regex.exec(lines); m !== null; m = regex.exec(lines)) {
    if (m[0] === '') {
      regex.lastIndex++; // validateRule refuses these; a lookaround can still produce one
      continue;
    }
    const name = rule.kind === 'named' ? (m[1] ?? m[0]).trim() : undefined;
    found.push(make(text, from + m.index, from + m.index + m[0].length, rule.kind, rule.id, name));
  }
}

/** A scanning copy of the rule's regex: the checked one is shared, so it carries no lastIndex. */
function compileRule(rule: PlaceholderRule): RegExp | null {
  const checked = validateRule(rule);
  return checked.ok ? new RegExp(checked.regex.source, checked.regex.flags + 'g') : null;
}

function scan(text: string, from: number, to: number, options?: FindOptions): Placeholder[] {
  const found: Placeholder[] = [];
  const rules = options?.rules?.filter((rule) => rule.enabled) ?? [];
  for (const rule of rules) {
    options?.onRule?.(rule.id);
    const regex = compileRule(rule);
    if (regex) scanUserRule(text, from, to, rule, regex, found);
  }
  if (rules.length) options?.onRule?.(null);
  const userCount = found.length;
  scanBuiltIns(text, from, to, found);
  if (userCount === 0) return found;
  // Earliest start wins, then the longest; on a tie the user's rule (listed first, stable sort).
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Placeholder[] = [];
  for (const p of found) if (kept.length === 0 || p.start >= kept[kept.length - 1].end) kept.push(p);
  return kept;
}

/** Every placeholder in `text`, in document order, not overlapping; none inside a worked example. */
export function findPlaceholders(text: string, options?: FindOptions): Placeholder[] {
  return setExamplesAside(text, findPlaceholdersByLine(text, options));
}

/**
 * Every placeholder each line holds, judged by its lines alone, worked examples included: the
 * list the checklist keeps current after each edit (updatePlaceholders), and sets the examples
 * aside from when it shows it.
 */
export function findPlaceholdersByLine(text: string, options?: FindOptions): Placeholder[] {
  return scan(text, 0, text.length, options);
}

/**
 * Placeholders on the lines that [from, to) touches, with offsets in `text`: after an edit,
 * rescan only those lines and splice the result into the previous list. A user rule's match
 * that crosses a line break is not found here.
 */
export function findPlaceholdersInRange(
  text: string,
  from: number,
  to: number,
  options?: FindOptions,
): Placeholder[] {
  const [start, end] = linesTouched(text, from, to);
  return scan(text, start, end, options);
}

/** The start of the first and the end of the last line that [from, to) touches, offsets clamped to the text. */
function linesTouched(text: string, from: number, to: number): [number, number] {
  const low = Math.max(0, Math.min(from, to, text.length));
  const high = Math.min(text.length, Math.max(from, to, 0));
  return [lineStartOf(text, low), lineEndOf(text, high)];
}

/**
 * The lines an edit of [from, to) asks to scan again: those it touches, and the line with words
 * above them, whose blank may be judged by what is under it (see LINES_READ_BELOW). A note
 * or a date wrapped over two lines is one blank: the lines it may join to these are scanned too.
 */
export function rescanRange(text: string, from: number, to: number): [number, number] {
  const [first, last] = linesTouched(text, from, to);
  let start = first;
  for (let k = 0; k <= LINES_READ_BELOW && start > 0; k++) {
    start = lineStartOf(text, start - 1);
    if (text.slice(start, lineEndOf(text, start)).trim() !== '') break;
  }
  while (start > 0 && joinsNextLine(text, start - 1)) start = lineStartOf(text, start - 1);
  let end = last;
  while (end < text.length && joinsNextLine(text, end)) end = lineEndOf(text, end + 1);
  return [start, end];
}


// ---------------------------------------------------------------------------------------------
// Filling

/** Rules whose placeholders carry a field's name, whatever kind the name gives them (`【联系人】`, `{{date}}`, `«合同编号»`). */
const NAMED_FIELD_RULES: ReadonlySet<string> = new Set(BUILT_IN_RULES.filter((rule) => 'typedBy' in rule && rule.typedBy === 'name').map((rule) => rule.id));

/** A named field of a template: filled by its name, wherever it stands. A user's rule of kind `named` is one too. */
export const isNamedField = (p: Placeholder) => p.name !== undefined && (p.kind === 'named' || NAMED_FIELD_RULES.has(p.rule));

/** Placeholders with the same key are filled together. */
export function placeholderKey(p: Placeholder): string {
  return p.name !== undefined ? `name:${p.name}` : `${p.kind}:${p.text}`;
}

/** Values worth offering before the writer types one. */
export function suggestValues(p: Placeholder, now: Date): string[] {
  const year = now.getFullYear();
  const month = now.getMonth() + 1;
  const day = now.getDate();
  switch (p.rule) {
    case 'x-year':
      return [String(year), String(year - 1)];
    case 'x-year-range': {
      const separator = /[^\dxX×ｘＸ]+/.exec(p.text)?.[0] ?? '-';
      return [`${year - 1}${separator}${year}`, `${year}${separator}${year + 1}`];
    }
    case 'x-month':
      return [String(month)];
    case 'x-day':
      return [String(day)];
    case 'x-dotted-date': {
      const separators = p.text.match(/[^\dxX×ｘＸ]/g) ?? [];
      return separators.length === 1 ? [`${month}${separators[0]}${day}`] : [];
    }    case 'date-blank': {
      // The units the blank writes: `  年  月  日` takes a whole date, `  月  日` a month and day.
      const parts = [p.text.includes('年') ? `${year}年` : '', `${month}月`, /[日号]/.test(p.text) ? `${day}${p.text.includes('号') ? '号' : '日'}` : ''];
      return [parts.join('')];
    }
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  // `hh:mm`, `HH:MM:SS`: the time now, in the same parts.
  if (p.rule === 'time-mask') return [[now.getHours(), now.getMinutes(), now.getSeconds()].slice(0, p.text.split(':').length).map(pad).join(':')];
  if (p.kind === 'year') return [String(year), String(year - 1)];
  if (p.kind === 'date') return [`${year}年${month}月${day}日`, `${year}-${pad(month)}-${pad(day)}`];
  return [];
}

const CHINESE_NUMBER = new RegExp(`^[${CHINESE_NUMERALS}]+$`);

/** Whether `value` can fill `p`: a count takes a number, a year four digits, and so on. */
export function isValidFill(p: Placeholder, value: string): boolean {
  const v = value.trim();
  switch (p.kind) {
    case 'count':
      return /^\d+(?:,\d{3})*(?:\.\d+)?$/.test(v) || CHINESE_NUMBER.test(v);
    case 'year':
      return p.rule === 'x-year-range' ? /^\d{4}\s*[-—–~～至到]{1,2}\s*\d{4}$/.test(v) : /^\d{4}$/.test(v);
    case 'percent':
      return /^\d+(?:\.\d+)?\s*[%％]?$/.test(v);
    default:
      return v !== '';
  }
}

// ---------------------------------------------------------------------------------------------
// User rules

export type RuleCheck = PatternCheck;

/**
 * Whether a user's pattern is safe to run on every keystroke (see checkUserPattern). Only the
 * flags i, m, s and u: the scanner adds g itself, and y would stop it at the first miss.
 */
export function validateRule(rule: Pick<PlaceholderRule, 'pattern' | 'flags'>): RuleCheck {
  const flags = rule.flags ?? '';
  if (!/^[imsu]*$/.test(flags) || new Set(flags).size !== flags.length) {
    return { ok: false, message: `Unsupported flags "${flags}": use only i, m, s and u, each once.` };
  }
  return checkUserPattern(rule.pattern, flags);
}
