/**
 * Format rules of GB/T 9704-2012 (党政机关公文格式). Pure.
 *
 * - 7.2.4 发文字号: 机关代字、年份、发文顺序号; 年份、发文顺序号用阿拉伯数字标注; 年份应标全称，用六角括号
 *   “〔〕”括入; 发文顺序号不加“第”字，不编虚位（即1不编为01）. So `国发〔2023〕12号`.
 * - 7.3.5.3 成文日期: 用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位. So `2023年6月1日`,
 *   not `2023-6-1`, `2023.06.01`, `2023年06月01日`, nor `二〇二三年六月一日` in an official document.
 * - 7.3.2 主送机关: 最后一个机关名称后标全角冒号.
 * - 7.3.4 附件说明: “附件”二字后标全角冒号和附件名称; 多个附件用阿拉伯数字标注顺序号（如“附件：1. XXXXX”）;
 *   附件名称后不加标点符号. 附件 (7.4.3) carries the same names.
 * - 7.3.3 正文: 文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注. Read by the outline engine.
 */
import { checkNumbering, fromChineseNumeral, mayOpenClosingPart, parseOutline, type OutlineItem } from '../outline';
import type { DocFinding, DocView } from './doc';
import { lineText, nextNonBlank } from './doc';
import { matches, type LineView } from './line';
import { isHanAt } from './text';

// ---------------------------------------------------------------------------------------------
// Document numbers

// An agency code (Chinese characters) right before the bracketed year, then the serial and 号.
const RE_DOC_NUMBER = /([〔[(（【［])[ \u3000]*(\d{4}|\d{2})[ \u3000]*([〕\])）】］])[ \u3000]*(第?)(\d{1,5})号/g;
const CLOSER: Record<string, string> = { '〔': '〕', '[': ']', '(': ')', '（': '）', '【': '】', '［': '］' };

function docNumbers(line: LineView): void {
  if (!line.text.includes('号')) return;
  for (const m of matches(RE_DOC_NUMBER, line.text)) {
    const [whole, open, year, close, , serial] = m;
    if (CLOSER[open] !== close || !isHanAt(line.text, m.index - 1)) continue;
    const start = m.index;
    const end = start + whole.length;
    if (line.isProtected(start, end)) continue;
    const right = `〔${year}〕${Number(serial)}号`;
    if (year.length === 2) {
      line.add({ start, end, rule: 'doc-number', key: 'checkDocNumberShortYear', params: [whole] });
    } else if (whole !== right) {
      const key = open !== '〔' ? 'checkDocNumberBracket' : 'checkDocNumberSerial';
      line.add({ start, end, rule: 'doc-number', key, params: [whole, right], fix: right });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Dates

const RE_NUMERIC_DATE = /(?<![\d.\-/０-９])((?:19|20)\d{2})([-./])(\d{1,2})\2(\d{1,2})(?![\d.\-/０-９])/g;
const RE_PADDED_DATE = /(?<!\d)((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?/g;
const CN_DIGIT = '〇○零一二三四五六七八九';
const RE_CHINESE_DATE = /(?<![〇○零一二三四五六七八九十])([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?/g;

const validDay = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;

function dates(line: LineView): void {
  const s = line.text;
  if (/\d[-./]\d/.test(s)) {
    for (const m of matches(RE_NUMERIC_DATE, s)) {
      const month = Number(m[3]);
      const day = Number(m[4]);
      if (!validDay(month, day)) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (line.isProtected(start, end)) continue;
      const right = `${m[1]}年${month}月${day}日`;
      // A date written alone (the date of a signature) counts in a Chinese document only.
      line.add({ start, end, rule: 'issue-date', key: 'checkIssueDateForm', params: [m[0], right], fix: right, ...(line.hasHan ? {} : { when: 'chinese' as const }) });
    }
  }
  if (s.includes('月')) {
    for (const m of matches(RE_PADDED_DATE, s)) {
      const [whole, year, monthText, dayText] = m;
      if (!/^0/.test(monthText) && !(dayText && /^0/.test(dayText))) continue;
      const month = Number(monthText);
      const day = dayText ? Number(dayText) : 1;
      if (!validDay(month, day)) continue;
      const start = m.index;
      const end = start + whole.length;
      if (line.isProtected(start, end)) continue;
      const right = `${year}年${month}月${dayText ? `${day}日` : ''}`;
      line.add({ start, end, rule: 'issue-date', key: 'checkIssueDatePadding', params: [whole, right], fix: right });
    }
    if (/[〇○零]/.test(s)) {
      for (const m of matches(RE_CHINESE_DATE, s)) {
        const [whole, yearText, monthText, dayText] = m;
        const month = fromChineseNumeral(monthText);
        const day = dayText ? fromChineseNumeral(dayText) : 1;
        if (!validDay(month, day)) continue;
        const start = m.index;
        const end = start + whole.length;
        if (line.isProtected(start, end)) continue;
        const year = [...yearText].map((c) => String(Math.max(0, CN_DIGIT.indexOf(c) - 2))).join('');
        const right = `${year}年${month}月${dayText ? `${day}日` : ''}`;
        line.add({ start, end, rule: 'issue-date', key: 'checkIssueDateChinese', params: [whole, right], fix: right, when: 'official' });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Attachment note

const RE_ATTACHMENT_NOTE = /^([ \t\u3000]*附件)([:：])/;
const RE_ATTACHMENT_ITEM = /^([ \t\u3000]*(?:附件[:：])?[ \t\u3000]*)(?:(\d{1,2})([.．、]))?[ \t\u3000]*(.*?)([。；，.;,、]*)[ \t\u3000]*$/;

function attachmentColon(line: LineView): void {
  const m = RE_ATTACHMENT_NOTE.exec(line.text);
  if (!m || m[2] === '：') return;
  const start = m[1].length;
  line.add({ start, end: start + 1, rule: 'attachment-note', key: 'checkAttachmentColon', params: [], fix: '：' });
}

/** Parts of an attachment note line: offsets into the line. */
function attachmentItem(text: string): { name: string; nameStart: number; number?: string; numberStart: number; separator?: string; trailing: string } | null {
  const m = RE_ATTACHMENT_ITEM.exec(text);
  if (!m) return null;
  const [, lead, number, separator, name, trailing] = m;
  const numberStart = lead.length;
  const nameStart = text.indexOf(name, numberStart + (number ? number.length + 1 : 0));
  return { name, nameStart, number, numberStart, separator, trailing };
}

const normaliseName = (name: string) => name.replace(/[《》\s\u3000。；，.;,]/g, '');

function attachments(doc: DocView, out: DocFinding[]): void {
  const noteIndex = doc.lines.findIndex((raw) => RE_ATTACHMENT_NOTE.test(raw));
  if (noteIndex < 0) return;
  const items: { index: number; item: NonNullable<ReturnType<typeof attachmentItem>> }[] = [];
  for (let i = noteIndex; i < doc.lines.length; i++) {
    const text = lineText(doc, i);
    if (i > noteIndex && !/^[ \t\u3000]*\d{1,2}[.．、]/.test(text)) break;
    const item = attachmentItem(text);
    if (!item || !item.name) break;
    items.push({ index: i, item });
  }
  if (!items.length) return;
  const numbered = items.length > 1 || items.some(({ item }) => item.number);
  for (const { index, item } of items) {
    const base = doc.starts[index];
    if (numbered && item.separator && item.separator !== '.' && item.separator !== '．') {
      const start = base + item.numberStart;
      const end = start + item.number!.length + 1;
      const right = `${item.number}.`;
      out.push({ start, end, rule: 'attachment-note', key: 'checkAttachmentNumbering', params: [doc.text.slice(start, end), right], fix: right });
    }
    if (item.trailing) {
      const start = base + item.nameStart + item.name.length;
      out.push({ start, end: start + item.trailing.length, rule: 'attachment-note', key: 'checkAttachmentPunctuation', params: [item.name + item.trailing], fix: '' });
    }
  }
  // The attachments themselves: a line `附件` or `附件2` alone, its title on the next line.
  const titles = new Map<number, string>();
  for (let i = items.at(-1)!.index + 1; i < doc.lines.length; i++) {
    const m = /^[ \t\u3000]*附件[ \t\u3000]*(\d{0,2})[ \t\u3000]*$/.exec(lineText(doc, i));
    if (!m) continue;
    const next = nextNonBlank(doc, i);
    if (next >= 0) titles.set(m[1] ? Number(m[1]) : 1, lineText(doc, next).trim());
  }
  if (titles.size === 0) return;
  items.forEach(({ index, item }, n) => {
    const number = item.number ? Number(item.number) : n + 1;
    const title = titles.get(number);
    if (title === undefined || normaliseName(title) === normaliseName(item.name)) return;
    const start = doc.starts[index] + item.nameStart;
    out.push({ start, end: start + item.name.length, rule: 'attachment-note', key: 'checkAttachmentMismatch', params: [item.name, String(number), title] });
  });
}

// ---------------------------------------------------------------------------------------------
// Addressee

// A line naming bodies: short, no full stop, ending in a name or a colon.
const RE_ADDRESSEE = /^[ \t\u3000]*(?:各|有关|[\u4e00-\u9fff]{2,}(?:委员会|人民政府|政府|办公厅|办公室|委|局|厅|部|院|会|处|科|司|室|中心|公司|单位|党组|党委|支部|同志))[^。！？!?]{0,120}$/;
const RE_ADDRESSEE_END = /(?:委员会|人民政府|政府|办公厅|办公室|委|局|厅|部门|部|院|处|科|司|室|中心|公司|单位|党组|党委|支部|机构|同志)$/;

/** The addressee line under the title, if there is one: its index, and whether it ends in a colon. */
export function addresseeLine(doc: DocView): number {
  if (doc.titleIndex < 0) return -1;
  let i = nextNonBlank(doc, doc.titleIndex);
  // A document number or a second title line may sit between.
  for (let hops = 0; i >= 0 && hops < 3; hops++) {
    const text = lineText(doc, i).trim();
    // Not a heading or an article, and not a sentence announcing what follows (如下：).
    const lead = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十百零〇\d]+条|#)/.test(text);
    if (/[：:]$/.test(text) && text.length <= 120 && !/[。；]/.test(text) && !lead && !/如下|下列|以下|通知|规定|要求/.test(text)) return i;
    if (RE_ADDRESSEE.test(text) && RE_ADDRESSEE_END.test(text)) return i;
    i = nextNonBlank(doc, i);
  }
  return -1;
}

function addressee(doc: DocView, out: DocFinding[]): void {
  const i = addresseeLine(doc);
  if (i < 0) return;
  const raw = lineText(doc, i);
  const text = raw.trimEnd();
  const start = doc.starts[i] + text.length - 1;
  if (text.endsWith('：')) return;
  if (text.endsWith(':')) {
    out.push({ start, end: start + 1, rule: 'addressee', key: 'checkAddresseeColon', params: [], fix: '：' });
  } else if (nextNonBlank(doc, i) >= 0 && lineText(doc, nextNonBlank(doc, i)).length > text.length) {
    out.push({ start, end: start + 1, rule: 'addressee', key: 'checkAddresseeColon', params: [], fix: `${text.slice(-1)}：` });
  }
}

// ---------------------------------------------------------------------------------------------
// Heading numbering

const GB_RANK: Partial<Record<OutlineItem['style'], number>> = { chinese: 1, 'chinese-paren': 2, arabic: 3, 'arabic-paren': 4 };
const FULL_PARENS: Record<string, string> = { '(': '（', ')': '）' };

/** Whether a line could be a numbered heading or the start of a closing part: an edit of such
 * a line changes the outline; an edit of any other line leaves it as it was. A lone carriage
 * return breaks a line for the outline (outline.ts) though not here: each piece is asked. */
export function outlineSensitive(line: string): boolean {
  return line.includes('\r') ? line.split('\r').some(pieceSensitive) : pieceSensitive(line);
}

/** Words without one of which no paragraph opens a closing part (outline.ts): a quick no first. */
const RE_CLOSING_WORD = /问题|不足|差距|短板|弱项|打算|计划|思路|安排|重点|措施|建议|方向|下一?步|今后|明年|新的一年|同时|清醒|意见/;

function pieceSensitive(line: string): boolean {
  const body = line.trimStart();
  return (
    /^(?:[一二三四五六七八九十百千零〇两]+[、.．]|[（(][^）)\n]{1,6}[）)]|[0-9０-９]{1,3}[.．、]|[IVXLCDM]+\.|[A-Z]\.|#|第[一二三四五六七八九十百零〇两]+(?:部分|章|编|篇))/.test(body) ||
    (RE_CLOSING_WORD.test(body) && mayOpenClosingPart(body))
  );
}

/** Whether the heading at `start` opens a list that a sentence ending in a colon introduces
 * (`有下列情形之一的：` then `（一）…（二）…`): laws and rules restart such lists under every
 * article, so a restart or a level under nothing is no numbering mistake there. */
function opensIntroducedList(text: string, item: OutlineItem): boolean {
  if (!/[一1１]/.test(item.numbering)) return false;
  const before = text.slice(Math.max(0, item.start - 400), item.start).trimEnd();
  return /[：:]$/.test(before);
}

/** Whether `item` belongs to a run of siblings whose first opens a list introduced by a colon. */
function listUnderColon(text: string, item: OutlineItem, items: readonly OutlineItem[]): boolean {
  const index = items.indexOf(item);
  for (let i = index; i >= 0; i--) {
    const other = items[i];
    if (other.kind !== 'numbered' || other.level < item.level) return false;
    if (other.level === item.level && other.style === item.style && opensIntroducedList(text, other)) return true;
  }
  return false;
}

/**
 * The line as the outline needs it: itself when it could be a heading or a closing part, or
 * ends in a colon (a list's lead-in), and otherwise one `。`, which the outline reads as body
 * text as it would the line. Parsing these lines gives the same headings as parsing the text.
 */
export function outlineLine(raw: string): string {
  return !raw.trim() || outlineSensitive(raw) || /[：:][ \t\u3000\r]*$/.test(raw) ? raw : '。';
}

/** headingFindings of the text whose lines start at `starts`, read from its outline lines. */
export function headingFindingsOfLines(outlineLines: readonly string[], starts: readonly number[], chinese: boolean): DocFinding[] {
  if (!chinese) return [];
  const reduced = outlineLines.join('\n');
  const reducedStarts: number[] = [];
  let at = 0;
  for (const line of outlineLines) {
    reducedStarts.push(at);
    at += line.length + 1;
  }
  const lineAt = (offset: number) => {
    let low = 0;
    let high = reducedStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (reducedStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  return headingFindings(reduced, chinese).map((f) => {
    const line = lineAt(f.start);
    const shift = starts[line] - reducedStarts[line];
    return { ...f, start: f.start + shift, end: f.end + shift };
  });
}

/**
 * A Markdown mark before a numbered heading (`## 二、主要措施`, as a Markdown editor or a pasted
 * web page writes it) blanked to spaces: the heading then counts in its numbering, so the
 * `（一）` under it start again, and offsets stay as they are.
 */
const RE_MARKED_NUMBERING = /^([ \t]*)(#{1,6}[ \t]+)(?=[一二三四五六七八九十百零〇两]+[、.．]|[（(][一二三四五六七八九十0-9０-９]{1,4}[）)]|[0-9０-９]{1,3}[.．、])/gm;
const withoutMarkdownMarks = (text: string) => (text.includes('#') ? text.replace(RE_MARKED_NUMBERING, (_, indent: string, mark: string) => indent + ' '.repeat(mark.length)) : text);

/** A line that opens a part, chapter or volume (`第二部分`, `第三章 附则`): numbering starts again after it. */
const RE_PART_LINE = /^[ \t\u3000]*第[一二三四五六七八九十百零〇两]+(?:部分|章|编|篇)(?:[ \t\u3000].{0,30})?$/gm;

export function headingFindings(source: string, chinese: boolean): DocFinding[] {
  if (!chinese) return [];
  const text = withoutMarkdownMarks(source);
  const parts = text.includes('第') ? [...text.matchAll(RE_PART_LINE)].map((m) => m.index) : [];
  if (!parts.length) return numberedFindings(text);
  const bounds = [0, ...parts, text.length];
  return bounds.slice(0, -1).flatMap((from, i) =>
    numberedFindings(text.slice(from, bounds[i + 1])).map((f) => ({ ...f, start: f.start + from, end: f.end + from })),
  );
}

function numberedFindings(text: string): DocFinding[] {
  const out: DocFinding[] = [];
  const items = parseOutline(text);
  const stack: OutlineItem[] = [];
  for (const item of items) {
    if (item.kind !== 'numbered' || GB_RANK[item.style] === undefined) continue;
    const { numbering, start } = item;
    const end = start + numbering.length;
    while (stack.length && stack[stack.length - 1].level >= item.level) stack.pop();
    const parent = stack.at(-1);
    stack.push(item);
    if (item.style === 'chinese-paren' || item.style === 'arabic-paren') {
      if (/[()]/.test(numbering)) {
        const right = numbering.replace(/[()]/g, (c) => FULL_PARENS[c]);
        out.push({ start, end, rule: 'heading-numbering', key: 'checkHeadingHalfwidth', params: [numbering, right], fix: right });
      }
      if (text[end] === '、' || text[end] === '.' || text[end] === '．') {
        out.push({ start: end, end: end + 1, rule: 'heading-numbering', key: 'checkHeadingComma', params: [numbering], fix: '' });
      }
    } else if (item.style === 'chinese' && !numbering.endsWith('、')) {
      const right = `${numbering.slice(0, -1)}、`;
      out.push({ start, end, rule: 'heading-numbering', key: 'checkHeadingSeparator', params: [right, numbering], fix: right });
    } else if (item.style === 'arabic' && numbering.endsWith('、')) {
      const right = `${numbering.slice(0, -1)}.`;
      out.push({ start, end, rule: 'heading-numbering', key: 'checkHeadingSeparator', params: [right, numbering], fix: right });
    }
    const rank = GB_RANK[item.style]!;
    const parentRank = parent ? GB_RANK[parent.style] : undefined;
    if (parentRank !== undefined && rank > parentRank + 1 && !listUnderColon(text, item, items)) {
      out.push({ start, end, rule: 'heading-numbering', key: 'checkHeadingSkipped', params: [numbering, parent!.numbering] });
    }
  }
  const issues = checkNumbering(items);
  for (const issue of issues) {
    const item = items[issue.itemIndex];
    if (GB_RANK[item.style] === undefined) continue;
    const end = item.start + item.numbering.length;
    if ((issue.kind === 'repeat' || issue.kind === 'orphan') && opensIntroducedList(text, item)) continue;
    if (issue.kind === 'gap') out.push({ start: item.start, end, rule: 'heading-numbering', key: 'checkHeadingGap', params: [issue.expected!, issue.found] });
    else if (issue.kind === 'repeat') out.push({ start: item.start, end, rule: 'heading-numbering', key: 'checkHeadingRepeat', params: [issue.found, issue.expected!] });
    else if (issue.kind === 'orphan') out.push({ start: item.start, end, rule: 'heading-numbering', key: 'checkHeadingOrphan', params: [issue.found] });
  }
  return out;
}

export function formatLine(line: LineView): void {
  if (/[\d〇○零]/.test(line.text)) {
    docNumbers(line);
    dates(line);
  }
  if (line.text.includes('附件')) attachmentColon(line);
}

export function formatDocument(doc: DocView, out: DocFinding[]): void {
  if (!doc.chinese) return;
  addressee(doc, out);
  attachments(doc, out);
}
