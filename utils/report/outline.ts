/**
 * The heading tree of a report, read from plain text.
 *
 * Chinese official documents number their levels `一、` › `（一）` › `1.` › `（1）` (GB/T 9704).
 * `一、` and `（一）` always sit at levels 1 and 2. Every other numbering style (`1.`, `（1）`,
 * `1.1`, `I.`, `A.`) takes its level from where it first appears: under its parent it is one
 * level deeper, and when the same style comes back it returns to the level it had. So `1.` is
 * level 3 under `（一）` and level 2 directly under `一、`, and an English `I.` › `A.` › `1.`
 * outline comes out as levels 1, 2, 3. Markdown `#` headings take their level from the `#`s.
 *
 * Besides numbered lines, Chinese sample material uses lead sentences as sub-headings
 * (`加强政治建设，确保正确方向。` opening a paragraph) and unnumbered closing parts
 * (`存在的问题`, or a paragraph opening `……还存在一些问题和不足，主要是：`); both are found
 * here with heuristics tuned on real material. `一是……二是……` runs are enumerations inside the
 * body, never headings: see findEnumerations. A paragraph that holds one (`对照……还存在一定差距。
 * 一是……二是……`) is body text whatever its first sentence says, and so is a line that only
 * opens with numerals of running text (`一、二季度，全市……`).
 *
 * All offsets are UTF-16 code units into the text given.
 */

export type NumberingStyle =
  | 'chinese' // 一、 一． 一.
  | 'chinese-paren' // （一） (一)
  | 'arabic' // 1. 1． 1、
  | 'arabic-paren' // （1） (1)
  | 'decimal' // 1.1 1.1.1
  | 'roman' // I. II.
  | 'letter' // A. B.
  | 'markdown' // # … ######
  | 'none'; // lead sentences and closing parts

export interface OutlineItem {
  level: number;
  /** The marker exactly as written (`三、`, `（二）`, `1.2`, `##`); '' for lead and closing items. */
  numbering: string;
  title: string;
  /** Offset of the heading's first character (its numbering, or the paragraph's first character). */
  start: number;
  /** Offset just after the title (after the numbering when the title is empty). */
  end: number;
  style: NumberingStyle;
  kind: 'numbered' | 'lead' | 'closing' | 'markdown';
}

const MAX_TITLE = 60;

// ---------------------------------------------------------------------------------------------
// Numerals

const CN_DIGITS = '零一二三四五六七八九';
const CN_UNITS: [number, string][] = [
  [1000, '千'],
  [100, '百'],
  [10, '十'],
];

/** 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 101 → 一百零一, 10010 → 一万零一十. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`No Chinese numeral for ${n}`);
  if (n >= 10000) {
    const high = Math.floor(n / 10000);
    const low = n % 10000;
    if (low === 0) return `${toChineseNumeral(high)}万`;
    return `${toChineseNumeral(high)}万${low < 1000 ? '零' : ''}${belowTenThousand(low, true)}`;
  }
  return belowTenThousand(n, false);
}

/** `inner` keeps the 一 of 一十 after a higher unit (一百一十, 一万零一十). */
function belowTenThousand(n: number, inner: boolean): string {
  let out = '';
  let pendingZero = false;
  let rest = n;
  for (const [value, unit] of CN_UNITS) {
    const digit = Math.floor(rest / value);
    rest %= value;
    if (digit === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += value === 10 && digit === 1 && !out && !inner ? unit : CN_DIGITS[digit] + unit;
  }
  if (rest > 0) out += (pendingZero ? '零' : '') + CN_DIGITS[rest];
  return out;
}

// By character code: a heading's marker is read for every heading of a long document.
const byCode = (values: Record<string, number>) => new Map(Object.entries(values).map(([ch, value]) => [ch.charCodeAt(0), value]));
const CN_DIGIT_VALUE = byCode({ 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 });
const CN_UNIT_VALUE = byCode({ 十: 10, 百: 100, 千: 1000 });

/** 十一 → 11, 一百零一 → 101; NaN when the string is not a Chinese numeral. */
export function fromChineseNumeral(s: string): number {
  const wan = s.lastIndexOf('万');
  if (wan >= 0) {
    const high = fromChineseNumeral(s.slice(0, wan));
    const lowText = s.slice(wan + 1);
    const low = lowText ? fromChineseNumeral(lowText.replace(/^[零〇]/, '')) : 0;
    return high * 10000 + low;
  }
  if (!s) return NaN;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const value = CN_DIGIT_VALUE.get(code);
    const unit = value === undefined ? CN_UNIT_VALUE.get(code) : undefined;
    if (value !== undefined) {
      if (digit !== null) return NaN; // two digits in a row: 二三 is not a numeral
      digit = value === 0 ? null : value;
    } else if (unit !== undefined) {
      if (unit >= lastUnit) return NaN;
      // A bare 十 at the start means 一十.
      total += (digit ?? (unit === 10 && total === 0 ? 1 : NaN)) * unit;
      digit = null;
      lastUnit = unit;
    } else {
      return NaN;
    }
  }
  return total + (digit ?? 0) || NaN;
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

function toRoman(n: number): string {
  let out = '';
  let rest = n;
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

function fromRoman(s: string): number {
  let total = 0;
  let i = 0;
  for (const [value, symbol] of ROMAN) {
    while (s.startsWith(symbol, i)) {
      total += value;
      i += symbol.length;
    }
  }
  return i === s.length ? total : NaN;
}

/** 1 → A, 26 → Z, 27 → AA. */
function toLetters(n: number): string {
  let out = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    out = String.fromCharCode(65 + ((rest - 1) % 26)) + out;
  }
  return out;
}

/** Canonical marker for the n-th heading of a style: `三、`, `（三）`, `3.`, `（3）`, `III.`, `C.`.
 * `decimal` needs the parent's number (`formatNumbering('decimal', 2, '1.3')` → `1.3.2`). */
export function formatNumbering(style: NumberingStyle, n: number, parent = ''): string {
  switch (style) {
    case 'chinese':
      return `${toChineseNumeral(n)}、`;
    case 'chinese-paren':
      return `（${toChineseNumeral(n)}）`;
    case 'arabic':
      return `${n}.`;
    case 'arabic-paren':
      return `（${n}）`;
    case 'decimal': {
      const prefix = parent.replace(/[.．]$/, '');
      return prefix ? `${prefix}.${n}` : `${n}`;
    }
    case 'roman':
      return `${toRoman(n)}.`;
    case 'letter':
      return `${toLetters(n)}.`;
    case 'markdown':
    case 'none':
      return '';
  }
}

// ---------------------------------------------------------------------------------------------
// Heading lines

interface NumberedMatch {
  style: NumberingStyle;
  numbering: string;
  value: number;
  /** Components of a decimal number (1.2.3 → 3); 1 otherwise. */
  depth: number;
  /** Where the title text begins, relative to the marker start. */
  titleOffset: number;
}

const CN_NUMERAL = '[一二三四五六七八九十百千零〇两]+';
const RE_CHINESE = new RegExp(`^(${CN_NUMERAL})[、.．]`);
const RE_CHINESE_PAREN = new RegExp(`^[（(](${CN_NUMERAL})[）)]`);
const RE_ARABIC_PAREN = /^[（(]([0-9０-９]{1,3})[）)]/;
// A number followed by a unit or another digit is body text (`1.5亿元`, `3.2%`), not a heading.
const RE_DECIMAL = /^([0-9]{1,3}(?:[.．][0-9]{1,3})+)[.．]?(?=[ \t\u3000]*[^\s0-9.．%％‰万亿千百元个年月日倍米吨])/;
const RE_ARABIC = /^([0-9０-９]{1,3})[.．、](?![0-9０-９])/;
const RE_ROMAN = /^([IVXLCDM]+)\.(?=[ \t\u3000]|[\u0080-\uffff])/;
const RE_LETTER = /^([A-Z])\.(?=[ \t\u3000]|[\u0080-\uffff])/;
const RE_MARKDOWN = /^(#{1,6})[ \t]+/;

function arabicValue(digits: string): number {
  return Number(digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

/** The numbered heading marker at the start of `s`, if any. `open` helps tell `I.` (roman) from
 * `I.` (the ninth letter). */
function matchNumbered(s: string, open: readonly OpenHeading[]): NumberedMatch | null {
  let m: RegExpExecArray | null;
  const first = s.charCodeAt(0);
  if (first === 0xff08 /* （ */ || first === 0x28 /* ( */) {
    if ((m = RE_CHINESE_PAREN.exec(s))) {
      const value = fromChineseNumeral(m[1]);
      if (value > 0) return { style: 'chinese-paren', numbering: m[0], value, depth: 1, titleOffset: m[0].length };
    }
    if ((m = RE_ARABIC_PAREN.exec(s))) {
      return { style: 'arabic-paren', numbering: m[0], value: arabicValue(m[1]), depth: 1, titleOffset: m[0].length };
    }
    return null;
  }
  if ((m = RE_DECIMAL.exec(s))) {
    const parts = m[1].split(/[.．]/);
    return {
      style: 'decimal',
      numbering: m[0],
      value: Number(parts[parts.length - 1]),
      depth: parts.length,
      titleOffset: m[0].length,
    };
  }
  if ((m = RE_ARABIC.exec(s))) {
    return { style: 'arabic', numbering: m[0], value: arabicValue(m[1]), depth: 1, titleOffset: m[0].length };
  }
  if ((m = RE_CHINESE.exec(s))) {
    const value = fromChineseNumeral(m[1]);
    if (value > 0) return { style: 'chinese', numbering: m[0], value, depth: 1, titleOffset: m[0].length };
    return null;
  }
  const roman = RE_ROMAN.exec(s);
  const letter = RE_LETTER.exec(s);
  if (roman && letter) {
    // A single I, V, X, L, C, D or M: a letter when it continues an open letter list, a roman
    // numeral when it continues a roman list, else the likelier reading (I. roman, C. letter).
    const asLetter = letter[1].charCodeAt(0) - 64;
    const asRoman = fromRoman(roman[1]);
    const continues = (style: NumberingStyle, value: number) =>
      open.some((h) => h.style === style && h.value + 1 === value);
    const isLetter = continues('letter', asLetter) || (!continues('roman', asRoman) && letter[1] !== 'I');
    return isLetter
      ? { style: 'letter', numbering: letter[0], value: asLetter, depth: 1, titleOffset: letter[0].length }
      : { style: 'roman', numbering: roman[0], value: asRoman, depth: 1, titleOffset: roman[0].length };
  }
  if (roman) {
    const value = fromRoman(roman[1]);
    if (value > 0) return { style: 'roman', numbering: roman[0], value, depth: 1, titleOffset: roman[0].length };
  }
  if (letter) {
    return { style: 'letter', numbering: letter[0], value: letter[1].charCodeAt(0) - 64, depth: 1, titleOffset: letter[0].length };
  }
  return null;
}

/** First `max` code points of a string, never splitting a surrogate pair. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let units = 0;
  let points = 0;
  for (const ch of s) {
    if (points === max) break;
    units += ch.length;
    points++;
  }
  return s.slice(0, units);
}

/** Title of a numbered heading: text after the marker up to the first 。/：/:, trimmed. */
function titleSpan(line: string, from: number): { title: string; offset: number } {
  const rest = line.slice(from);
  const stop = rest.search(/[。：:]/);
  const raw = stop >= 0 ? rest.slice(0, stop) : rest;
  const lead = raw.length - raw.trimStart().length;
  return { title: clip(raw.trim(), MAX_TITLE), offset: from + lead };
}

// ---------------------------------------------------------------------------------------------
// Lead sentences, closing parts, enumerations

// A lead sentence reads like a heading: a short verb phrase with at most one comma. Narrative
// first sentences give themselves away by figures, pronouns, 了, or a time/connective opener.
const LEAD_MAX = 25;
const LEAD_MIN = 4;
const LEAD_MIN_BODY = 20;
const RE_LEAD_NARRATIVE =
  /[0-9０-９%％]|[xX×]{2}|我|你|他们|她们|大家|了(?!解)|的情况|如下|[；;：:？?！!]|^(?:今年|去年|近年|一年来|年初|年底|目前|当前|截至|截止|为了|根据|由于|因为|如果|但是|同时|此外|另外|其中|总之|综上|为此|因此|随着)/;
const RE_ENUMERATION_OPENER = /^(?:[一二三四五六七八九十]{1,3}是|(?:第[一二三四五六七八九十]{1,3}|首先|其次|再次|最后)[，,、：:])/;
// `一、二季度` and `三、四月份` name two quarters or months: 一、 followed by the next numeral.
const RE_NUMERAL_PAIR = new RegExp(`^(${CN_NUMERAL})、(${CN_NUMERAL})`);
const SHORT_LINE = 30;

const CLOSING_SHORT_MAX = 20;
// A short line naming the closing part (`存在的问题`, `下一步工作打算`), possibly after a few
// characters of context (`工作中存在的问题`, `2024年工作计划`).
const RE_CLOSING_LINE =
  /^[^，,。；;：:]{0,6}(?:(?:存在的?|主要)?(?:问题|不足)(?:(?:和|与|及)(?:不足|差距|短板))?|不足之处|(?:下一?步|今后|明年)的?(?:工作)?(?:打算|计划|思路|安排|重点|措施|建议|方向)?|工作(?:打算|计划|思路)|努力方向|意见(?:和|与)?建议)$/;
const CLOSING_SENTENCE_MAX = 80;
// A paragraph opening that announces the closing part.
const RE_CLOSING_SENTENCE = [
  /^(?:在(?:总结|肯定|看到)(?:成绩|成效)的同时|(?:同时|但|但是)?[，,]?我们也?清醒地?(?:认识|看到)到)/,
  /(?:存在|还有|仍有|尚有|也有)[^。：:；，,]{0,10}?(?:问题|不足|差距|短板|弱项)[^。：:；]{0,10}[。：:]$/,
  /(?:下一?步|今后|明年|新的一年)[^。：:；]{0,16}[：:]$/,
];

// ---------------------------------------------------------------------------------------------
// Outline

interface OpenHeading {
  level: number;
  style: NumberingStyle;
  /** Style plus depth, so that 1.1 and 1.1.1 are told apart when looking for a returning style. */
  key: string;
  value: number;
  kind: OutlineItem['kind'];
}

const FIXED_LEVEL: Partial<Record<NumberingStyle, number>> = { chinese: 1, 'chinese-paren': 2 };

/** The headings of a report: numbered and markdown headings, lead sentences, closing parts. */
export function parseOutline(text: string): OutlineItem[] {
  return readOutline(text, false);
}

/**
 * The headings of the lines wholly within the first `chars` characters of `text`: the first
 * items of `parseOutline(text)`, since the outline is read in one pass from the top and a line's
 * headings depend only on the lines before it. A long document's first rows, read at once.
 */
export function parseOutlineHead(text: string, chars: number): OutlineItem[] {
  if (text.length <= chars) return parseOutline(text);
  const lineBreak = Math.max(text.lastIndexOf('\n', chars), text.lastIndexOf('\r', chars));
  return lineBreak > 0 ? parseOutline(text.slice(0, lineBreak)) : [];
}

/**
 * The outline plus the paragraphs that open a closing part with a marker sentence and go on
 * with its enumeration (`在总结成绩的同时……还存在一定差距。一是……二是……`): not headings, but
 * where the closing part of sample material begins, so that a template offers it on its own.
 */
export function parseParts(text: string): OutlineItem[] {
  return readOutline(text, true);
}

function readOutline(text: string, parts: boolean): OutlineItem[] {
  const items: OutlineItem[] = [];
  const open: OpenHeading[] = [];
  // Whether the last non-blank line was a numbered or markdown heading.
  let afterHeading = false;
  const push = (heading: OpenHeading) => {
    while (open.length && open[open.length - 1].level >= heading.level) open.pop();
    open.push(heading);
  };

  forEachLine(text, (lineStart, line) => {
    const indent = line.search(/\S/);
    if (indent < 0) return;
    const body = indent ? line.slice(indent) : line;
    const start = lineStart + indent;
    const followsHeading = afterHeading;
    afterHeading = false;

    const md = body.charCodeAt(0) === 0x23 /* # */ ? RE_MARKDOWN.exec(body) : null;
    if (md) {
      const raw = body.slice(md[0].length).replace(/[ \t]+#*[ \t]*$/, '');
      const title = clip(raw.trim(), MAX_TITLE);
      const level = md[1].length;
      const titleStart = start + md[0].length + raw.length - raw.trimStart().length;
      items.push({ level, numbering: md[1], title, start, end: title ? titleStart + title.length : start + level, style: 'markdown', kind: 'markdown' });
      push({ level, style: 'markdown', key: 'markdown', value: 0, kind: 'markdown' });
      afterHeading = true;
      return;
    }

    if (opensWithNumeralPair(body)) return;
    const numbered = matchNumbered(body, open);
    if (numbered) {
      const key = numbered.style === 'decimal' ? `decimal${numbered.depth}` : numbered.style;
      let level = FIXED_LEVEL[numbered.style];
      if (level === undefined) {
        // A returning style goes back to its level; a new one nests under the current heading.
        const same = open.findLastIndex((h) => h.key === key);
        level = same >= 0 ? open[same].level : (open.at(-1)?.level ?? 0) + 1;
      }
      const { title, offset } = titleSpan(body, numbered.titleOffset);
      items.push({
        level,
        numbering: numbered.numbering,
        title,
        start,
        end: start + (title ? offset + title.length : numbered.numbering.length),
        style: numbered.style,
        kind: 'numbered',
      });
      push({ level, style: numbered.style, key, value: numbered.value, kind: 'numbered' });
      afterHeading = true;
      return;
    }

    if (RE_ENUMERATION_OPENER.test(body)) return;

    // A closing part follows the numbered body: before it, `2024年工作计划` is a document title.
    // A marker sentence right under a heading (`二、存在的问题` then `对照……还存在一定差距。`) is
    // that heading's body. A paragraph holding an enumeration is body (looked for last: it reads
    // the whole paragraph).
    const closing = items.length ? closingTitle(body, followsHeading) : null;
    if (closing !== null) {
      if (!parts && holdsEnumeration(body)) return;
      items.push({ level: 1, numbering: '', title: closing, start, end: start + closing.length, style: 'none', kind: 'closing' });
      push({ level: 1, style: 'none', key: 'closing', value: 0, kind: 'closing' });
      return;
    }

    const parent = open.at(-1);
    if (parent?.kind === 'numbered') {
      const lead = leadTitle(body);
      // Lead sentences are leaves: the next one is a sibling, not a child.
      if (lead && !holdsEnumeration(body)) items.push({ level: parent.level + 1, numbering: '', title: lead, start, end: start + lead.length, style: 'none', kind: 'lead' });
    }
  });
  return items;
}

/** Calls `visit` with each line (without its \n, \r\n or \r) and the offset where it starts. */
function forEachLine(text: string, visit: (lineStart: number, line: string) => void): void {
  const breaks = /\r\n?|\n/g;
  let lineStart = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    visit(lineStart, text.slice(lineStart, m.index));
    lineStart = m.index + m[0].length;
  }
  visit(lineStart, text.slice(lineStart));
}

/** The clause of a lead sentence (`加强政治建设，确保正确方向`), or null. */
function leadTitle(paragraph: string): string | null {
  const stop = paragraph.indexOf('。');
  // LEAD_MAX code points are at most twice as many code units.
  if (stop < LEAD_MIN || stop > LEAD_MAX * 2) return null;
  const clause = paragraph.slice(0, stop);
  const length = [...clause].length;
  if (length < LEAD_MIN || length > LEAD_MAX) return null;
  if (paragraph.slice(stop + 1).trim().length < LEAD_MIN_BODY) return null;
  if (RE_LEAD_NARRATIVE.test(clause)) return null;
  if ((clause.match(/[，,]/g)?.length ?? 0) > 1) return null;
  // `对照……要求，还存在一定差距。` states a finding; it does not head what follows.
  if (closingSentence(paragraph)) return null;
  return clause;
}

/** Whether a paragraph (its leading space removed) could open a closing part wherever it stands. */
export function mayOpenClosingPart(paragraph: string): boolean {
  return closingTitle(paragraph, false) !== null;
}

/** Title of a closing part opening this paragraph (`存在的问题`, or its marker sentence), or null.
 * `underHeading`: the paragraph comes right after a heading line, so a marker sentence that
 * the paragraph goes on after is that heading's body. */
function closingTitle(paragraph: string, underHeading: boolean): string | null {
  const trimmed = paragraph.trimEnd();
  const line = trimmed.replace(/[：:。]$/, '');
  if (line.length <= CLOSING_SHORT_MAX && RE_CLOSING_LINE.test(line)) return line;

  const sentence = closingSentence(paragraph);
  if (!sentence || (underHeading && sentence.length < trimmed.length)) return null;
  return clip(sentence.slice(0, -1).trim(), MAX_TITLE);
}

/** The sentence announcing a closing part that opens this paragraph, with its stop; or null. */
function closingSentence(paragraph: string): string | null {
  const stop = paragraph.slice(0, CLOSING_SENTENCE_MAX + 1).search(/[。：:]/);
  if (stop < 0) return null;
  const sentence = paragraph.slice(0, stop + 1);
  if (/[0-9０-９]|[xX×]{2}/.test(sentence)) return null;
  return RE_CLOSING_SENTENCE.some((re) => re.test(sentence)) ? sentence : null;
}

/** `一、二季度，全市……`: running text that opens with two numerals, not the heading `一、`. A short
 * line without punctuation (`三、四季度工作安排`) is still read as a heading. */
function opensWithNumeralPair(line: string): boolean {
  const m = RE_NUMERAL_PAIR.exec(line);
  if (!m || fromChineseNumeral(m[2]) !== fromChineseNumeral(m[1]) + 1) return false;
  return [...line].length > SHORT_LINE || /[，,。；;！!？?]/.test(line);
}

export interface Enumeration {
  start: number;
  /** End of the paragraph holding the last item. */
  end: number;
  items: { marker: string; start: number }[];
}

type EnumerationFamily = 'shi' | 'di' | 'order';

interface OpenEnumeration {
  family: EnumerationFamily;
  value: number;
  /** End of the last marker, where the next one may follow. */
  lastEnd: number;
  items: Enumeration['items'];
}

const ORDER_WORDS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3 };
// A marker opens a paragraph or follows punctuation: 唯一是 and 统一是 are not markers.
const MARKER_BEFORE = '[\\s。；;，,：:！!？?）)”"、]';
const MARKER = '(?:([一二三四五六七八九十]{1,3})是|第([一二三四五六七八九十]{1,3})(?=[，,、：:])|(首先|其次|再次|最后)(?=[，,、：:]))';
const RE_ENUMERATION_MARKER = new RegExp(`(?<=^|${MARKER_BEFORE})${MARKER}`, 'gm');
// The markers without the look-behind, which makes every position of a paragraph costly; what
// comes before a match is checked on its own.
const RE_MARKER_BODY = new RegExp(MARKER, 'g');
const RE_MARKER_BEFORE = new RegExp(MARKER_BEFORE);

/** Whether a paragraph holds a marker of an enumeration (`一是`, `第二，`, `其次，`) anywhere. */
function holdsEnumeration(paragraph: string): boolean {
  RE_MARKER_BODY.lastIndex = 0;
  for (let m = RE_MARKER_BODY.exec(paragraph); m; m = RE_MARKER_BODY.exec(paragraph)) {
    if (m.index === 0 || RE_MARKER_BEFORE.test(paragraph[m.index - 1])) return true;
    // 统一是: the 一是 inside is no marker, but a later one may be.
    RE_MARKER_BODY.lastIndex = m.index + 1;
  }
  return false;
}

/**
 * Runs of `一是……二是……`, `第一，第二，` or `首先……其次……最后` in the body. A run continues in
 * the same paragraph or at the start of the next one, so `一是`…`六是` opening six consecutive
 * paragraphs is one enumeration; it ends at the first marker that does not follow on.
 */
export function findEnumerations(text: string): Enumeration[] {
  const runs: Enumeration[] = [];
  const close = (open: OpenEnumeration | null) => {
    if (!open || open.items.length < 2) return;
    const last = open.items[open.items.length - 1].start;
    const lineEnd = text.slice(last).search(/[\r\n]/);
    runs.push({ start: open.items[0].start, end: lineEnd < 0 ? text.length : last + lineEnd, items: open.items });
  };

  let run: OpenEnumeration | null = null;
  for (const m of text.matchAll(RE_ENUMERATION_MARKER)) {
    const family: EnumerationFamily = m[1] ? 'shi' : m[2] ? 'di' : 'order';
    const word = m[3];
    const value = m[1] ? fromChineseNumeral(m[1]) : m[2] ? fromChineseNumeral(m[2]) : (ORDER_WORDS[word] ?? Infinity);
    const item = { marker: m[0], start: m.index };
    const follows =
      run !== null &&
      run.family === family &&
      (value === run.value + 1 || (word === '最后' && run.value >= 1)) &&
      withinNextParagraph(text, run.lastEnd, item.start);
    if (run && follows) {
      run.items.push(item);
      run.value = value;
      run.lastEnd = item.start + item.marker.length;
      if (word === '最后') {
        close(run);
        run = null;
      }
      continue;
    }
    close(run);
    run = value === 1 ? { family, value, lastEnd: item.start + item.marker.length, items: [item] } : null;
  }
  close(run);
  return runs;
}

/** True when no non-blank line lies between `from` and `to`: same or next paragraph. */
function withinNextParagraph(text: string, from: number, to: number): boolean {
  const between = text.slice(from, to).split(/\r\n?|\n/);
  for (let i = 1; i < between.length - 1; i++) {
    if (between[i].trim()) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Numbering checks, next number, renumbering

export interface NumberingIssue {
  kind: 'gap' | 'repeat' | 'orphan' | 'mixed';
  message: string;
  start: number;
  itemIndex: number;
  /** The marker that should have been there (gap, repeat). */
  expected?: string;
  found: string;
}

/** Value of a numbered item's marker: 三、 → 3, （2） → 2, 1.4 → 4, C. → 3. */
function numberingValue(item: OutlineItem): number {
  const marker = item.numbering;
  switch (item.style) {
    case 'chinese':
      return fromChineseNumeral(marker.slice(0, -1));
    case 'chinese-paren':
      return fromChineseNumeral(marker.slice(1, -1));
    case 'arabic':
      return arabicValue(marker.slice(0, -1));
    case 'arabic-paren':
      return arabicValue(marker.slice(1, -1));
    case 'decimal':
      return Number(marker.replace(/[.．]$/, '').split(/[.．]/).pop());
    case 'roman':
      return fromRoman(marker.slice(0, -1));
    case 'letter':
      return marker.charCodeAt(0) - 64;
    default:
      return NaN;
  }
}

/** The item's marker with its number replaced, keeping its brackets, separator and digit width. */
function withValue(item: OutlineItem, n: number, parentNumbering?: string): string {
  const marker = item.numbering;
  switch (item.style) {
    case 'chinese':
    case 'chinese-paren':
      return marker.replace(/[一二三四五六七八九十百千零〇两万]+/, toChineseNumeral(n));
    case 'arabic':
    case 'arabic-paren': {
      const fullWidth = /[０-９]/.test(marker);
      const digits = fullWidth ? String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))) : String(n);
      return marker.replace(/[0-9０-９]+/, digits);
    }
    case 'decimal': {
      const trailingDot = /[.．]$/.test(marker) ? marker.slice(-1) : '';
      const own = marker.replace(/[.．]$/, '');
      const prefix = parentNumbering ? parentNumbering.replace(/[.．、]$/, '') : own.slice(0, own.search(/[.．][0-9]+$/));
      return `${prefix}.${n}${trailingDot}`;
    }
    case 'roman':
      return `${toRoman(n)}.`;
    case 'letter':
      return `${toLetters(n)}.`;
    default:
      return marker;
  }
}

/** Separator class of a marker, so that 1. and 1、 count as different styles (widths don't). */
function variantOf(item: OutlineItem): string {
  return `${item.style}${/、$/.test(item.numbering) ? '、' : ''}`;
}

/** Index of each item's parent (nearest earlier non-lead item at a lower level), -1 for none. */
function parentIndexes(items: readonly OutlineItem[]): number[] {
  const parents: number[] = [];
  const stack: number[] = [];
  items.forEach((item, i) => {
    if (item.kind === 'lead') {
      parents.push(stack.at(-1) ?? -1);
      return;
    }
    while (stack.length && items[stack[stack.length - 1]].level >= item.level) stack.pop();
    parents.push(stack.at(-1) ?? -1);
    stack.push(i);
  });
  return parents;
}

/** Gaps (一、二、四、), repeats, headings under nothing (`（一）` before any `一、`) and sibling
 * headings numbered in different styles. */
export function checkNumbering(items: OutlineItem[]): NumberingIssue[] {
  const issues: NumberingIssue[] = [];
  const parents = parentIndexes(items);
  const groups = new Map<string, { value: number; first: OutlineItem }>();
  items.forEach((item, itemIndex) => {
    if (item.kind !== 'numbered') return;
    const found = item.numbering;
    const start = item.start;
    const key = `${parents[itemIndex]}:${item.level}`;
    const group = groups.get(key);
    // One orphan issue for a run of siblings under nothing, at its first heading.
    if (!group && parents[itemIndex] < 0 && FIXED_LEVEL[item.style] !== undefined && item.level > 1) {
      issues.push({ kind: 'orphan', message: `${found} is a level-${item.level} heading with no heading above it`, start, itemIndex, found });
    }
    if (group && variantOf(group.first) !== variantOf(item)) {
      issues.push({
        kind: 'mixed',
        message: `${found} is numbered differently from its first sibling ${group.first.numbering}`,
        start,
        itemIndex,
        found,
      });
    }
    const previous = group?.value ?? 0;
    const value = numberingValue(item);
    if (value !== previous + 1) {
      const expected = withValue(item, previous + 1);
      issues.push(
        value > previous + 1
          ? { kind: 'gap', message: `Expected ${expected} but found ${found}`, start, itemIndex, expected, found }
          : { kind: 'repeat', message: `${found} repeats an earlier number; expected ${expected}`, start, itemIndex, expected, found },
      );
    }
    // Count on from the number written, so one wrong number is one issue, not a cascade.
    groups.set(key, { value: Number.isNaN(value) ? previous + 1 : value, first: group?.first ?? item });
  });
  return issues;
}

const DEFAULT_CHINESE: NumberingStyle[] = ['chinese', 'chinese-paren', 'arabic', 'arabic-paren'];

/**
 * The marker a new heading of `level` should get when inserted at `offset`: one after the
 * previous sibling (`二、` → `三、`), or the first number of the style the document uses at that
 * level, or the GB/T 9704 default (`一、`, `（一）`, `1.`, `（1）`; `1.`/`1.1` in English text,
 * Chinese for an empty one).
 */
export function nextNumberingAt(text: string, offset: number, level: number): string {
  const items = parseOutline(text);
  let parent: OutlineItem | undefined;
  // Back from the offset to the previous sibling, or to the parent when there is none. An
  // unnumbered closing part between (`存在的问题`) takes no number, so counting goes past it.
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item.start >= offset || item.kind === 'lead') continue;
    if (item.level < level) {
      parent = item;
      break;
    }
    if (item.level === level) {
      if (item.kind === 'numbered') return withValue(item, numberingValue(item) + 1);
      if (item.kind === 'markdown') return item.numbering;
    }
  }
  const parentNumbering = parent?.kind === 'numbered' && (parent.style === 'arabic' || parent.style === 'decimal') ? parent.numbering : undefined;
  const model = items.find((item) => item.kind === 'numbered' && item.level === level);
  if (model) return withValue(model, 1, model.style === 'decimal' ? parentNumbering : undefined);
  if (items.some((item) => item.kind === 'markdown')) return '#'.repeat(Math.min(level, 6));
  if (/[A-Za-z]/.test(text) && !/[\u3400-\u9fff]/.test(text)) {
    return parentNumbering ? formatNumbering('decimal', 1, parentNumbering) : formatNumbering('arabic', 1);
  }
  return formatNumbering(DEFAULT_CHINESE[Math.min(level, DEFAULT_CHINESE.length) - 1] ?? 'chinese', 1);
}

export interface RenumberChange {
  start: number;
  end: number;
  before: string;
  after: string;
}

/**
 * Renumbers the numbered headings starting at or after `fromOffset` so that each level counts
 * on from its previous sibling within its parent (used after inserting a section). Decimal
 * headings also follow their parent's new number (`2.1` becomes `3.1` when `2.` becomes `3.`).
 * Changes cover only the markers, with offsets into the original text.
 */
export function renumber(text: string, fromOffset: number): { text: string; changes: RenumberChange[] } {
  const items = parseOutline(text);
  const parents = parentIndexes(items);
  const counters = new Map<string, number>();
  const markers = items.map((item) => item.numbering);
  const changes: RenumberChange[] = [];
  items.forEach((item, i) => {
    if (item.kind !== 'numbered') return;
    const key = `${parents[i]}:${item.level}`;
    if (item.start < fromOffset) {
      counters.set(key, numberingValue(item));
      return;
    }
    const value = (counters.get(key) ?? 0) + 1;
    counters.set(key, value);
    const parent = items[parents[i]];
    const parentMarker = item.style === 'decimal' && parent?.kind === 'numbered' && (parent.style === 'arabic' || parent.style === 'decimal') ? markers[parents[i]] : undefined;
    markers[i] = withValue(item, value, parentMarker);
    if (markers[i] !== item.numbering) {
      changes.push({ start: item.start, end: item.start + item.numbering.length, before: item.numbering, after: markers[i] });
    }
  });
  let out = '';
  let copied = 0;
  for (const change of changes) {
    out += text.slice(copied, change.start) + change.after;
    copied = change.end;
  }
  return { text: out + text.slice(copied), changes };
}
