/**
 * Space that stands for text: a run of spaces (ASCII, no-break, ideographic) or underscores
 * where a word should be. Chinese sets no spaces between words, so two or more inside a
 * sentence are a gap left to fill; after a label on a form line they are the label's field.
 * Indentation, padding before a value and gaps between columns are not blanks. Pure.
 */
import { at, isCjkContext, isHan, isSpace, LINES_READ_BELOW } from './core';
import { isColon, isSignLabel, kindOfLabel, labelBeforeColon } from './labels';

export type SpaceRole =
  /** Followed by a unit that types it (`    年`, `   人`): typed like a masked figure. */
  | { role: 'unit' }
  /** After a label on a form line: that label's field. */
  | { role: 'field'; label: string }
  /** A gap inside a sentence. */
  | { role: 'gap' };

/** Units a gap before which is a figure or a date part. */
const UNITS = /^(?:[年月日号次项个人名家件篇条场批期户所万亿元千百份页册位种天周台套处起轮届例%％‰岁]|同志)/;
/** A measure word (copies, pages, items, volumes, sets) that ends its line or a column of it (`请求书      份  每份   页`): what is counted is left before it. */
const COUNTED = /^[份页项件册套](?:[ \u00a0\u3000]{2}|[ \u00a0\u3000\r]*(?:\n|$))/;
/**
 * Units that type the gap before them on any line, a row of cells too: money and shares
 * (`总金额      元`, `按销售额     ％提成`), days (`在    日内`), and a place's level that ends a
 * word (`    省    市(县)`), and copies (`营业执照副本    本`).
 */
const PLAIN_UNITS = /^(?:[元%％‰]|[日天]内|[省市县本](?![\u4e00-\u9fff]))/;
/** Words that start with a unit but name something: `年龄`, `人员`, `项目`. */
export const NOT_UNITS = /^(?:年龄|年级|年轻|年纪|年终|年会|月份|日期|日常|号码|人员|人民|个人|项目|条件|期间|名称|名单|家庭|天气|页面|页码)/;
/** The walls of a cell in a table drawn with box characters (Markdown's `|` tables are written by hand and not forms). */
const CELL_WALLS = '│┃';
/** Whether `c` is one character and a cell's wall (an empty string, read past either end of the text, is none). */
export const isCellWall = (c: string) => c.length === 1 && CELL_WALLS.includes(c);
/** Spaces enough to write in: fewer at a line's end are padding. */
const ROOM_TO_WRITE = 4;

/** Room wide enough that a cell's name and its padding do not fill it: what is left is for the value. */
const WIDE_ROOM = 8;

/** Words that name a field of a form: the room after one standing alone on its line is for its value. */
const FIELD_NOUN = /^[\u4e00-\u9fff]{1,5}(?:号|名称|姓名|地址|住址|电话|编号|日期)$/;

/**
 * The name a cell opens with when the room after it is for its value, from the line's start or
 * the cell's wall to `end`: its characters spaced out to fill the cell, as forms write them
 * (`编  号`, `│ 主 营`), or, on a line of its own, a field's name (`注册号`, `公司名称`). A word
 * padded with spaces (`工作总结      `, `│ 张三     │`, `│ 项目名称   │`) is text already written.
 */
function cellLabel(text: string, lineStart: number, end: number, room: number): string | null {
  let start = end;
  while (start > lineStart && !isCellWall(text[start - 1]) && text[start - 1] !== '\t') start--;
  const cell = text.slice(start, end).replace(/^[ \u00a0\u3000]+/, '');
  const spacedOut = /^[\u4e00-\u9fff](?:[ \u00a0\u3000]+[\u4e00-\u9fff]){1,7}$/.test(cell);
  // `│ 供    方    │`: a column's heading spread across its cell, as wide apart as the
  // room after it, leaves nothing to write.
  if (spacedOut && Math.max(...cell.split(/[\u4e00-\u9fff]/).map((gap) => gap.length)) >= room) return null;
  // `│ 委托代理人    │（签章）│`: after a wall, a field's name and its room, with the seal in
  // the next cell (a heading padded to its wall, `│ 项目名称     │ 金额     │`, has none).
  // `│合计人民币（大写）        │`: a wide room after a name that asks for a value of its own kind.
  const seal = /^[│┃][ \u00a0\u3000]*([（(][^（）()]{1,6}[）)])/.exec(text.slice(end + room, end + room + 12));
  const wide = room >= WIDE_ROOM && kindOfLabel(cell) !== 'field' && !/^[│┃][ \u00a0\u3000]*[│┃]/.test(text.slice(end + room, end + room + 40));
  const afterWall = isCellWall(text.charAt(start - 1)) && !spacedOut && isRowCell(cell) && ((seal !== null && isSignLabel(seal[1])) || wide);
  if (!spacedOut && !afterWall && !(start === lineStart && FIELD_NOUN.test(cell))) return null;
  const words = cell.replace(/[ \u00a0\u3000]+/g, '');
  // A heading (`第一章 总则`) padded to the line's end is no cell.
  return /^第[一二三四五六七八九十百零〇]+[章节条款编]/.test(words) ? null : words;
}

/** A note in brackets that names the kind of value before it: `(地点)`, `（日期）`, `（单位名称）`. */
const VALUE_KIND_NOTE = /^[（(][\u4e00-\u9fff]{0,4}(?:地点|日期|时间|姓名|名称|金额|数额|数量|地址|单位|方式|期限|号码)[）)]/;

/** What may follow a gap in a sentence: a word, or punctuation that closes a clause. */
const CLOSES = '，。；、：）)”’！？,.;:!?';

/** How far either side of a run its line is read: a form's line is shorter, and a longer one costs no more. */
const LINE_REACH = 256;

/** The line around `i`, read no further than LINE_REACH either way. */
function lineBounds(text: string, i: number): [number, number] {
  let start = i;
  while (start > 0 && i - start < LINE_REACH && text[start - 1] !== '\n') start--;
  let end = i;
  while (end < text.length && end - i < LINE_REACH && text[end] !== '\n') end++;
  return [start, end];
}

/** The next cell of a form line after `from`: the words up to the next gap or the line's end. */
function nextSegment(text: string, from: number, lineEnd: number): string {
  let i = from;
  while (i < lineEnd && text[i] !== '\t' && text[i] !== '\r' && !isCellWall(text[i]) && !(isSpace(at(text, i)) && isSpace(at(text, i + 1)))) i++;
  // A space before the cell's wall pads the cell.
  while (i > from && isSpace(at(text, i - 1))) i--;
  return text.slice(from, i);
}

/** Whether a segment is a label of its own (`电话：`, `（盖章）`): a gap before it is a blank. */
function isLabelSegment(segment: string): boolean {
  if (segment === '') return true;
  const last = segment.length - 1;
  if (isColon(segment[last])) return labelBeforeColon(segment, last) !== null;
  // `文号：工商企字第`: the next label with its value already begun.
  const colon = segment.search(/[：:]/);
  if (colon > 0 && colon <= 8 && /^[\u4e00-\u9fff]+$/.test(segment.slice(0, colon))) return labelBeforeColon(segment, colon) !== null;
  // `承租方（章）` at a line's end: the label of the place to seal beside it.
  return /^[\u4e00-\u9fff]{1,8}[（(][^（）()]{1,4}[）)]$/.test(segment) && isSignLabel(segment);
}

/**
 * What a run of spaces at [start, end) is, or null when it is no blank: at the start of a line
 * (indentation), at its end without a label, padding before a value, or a gap between columns.
 * `runOf`: the characters are underscores, drawn as a line to write on, so no context is
 * needed to see them as a blank, only to name it.
 */
export function judgeSpaceRun(text: string, start: number, end: number): SpaceRole | null {
  const [lineStart, lineEnd] = lineBounds(text, start);
  let before = start;
  while (before > lineStart && isSpace(at(text, before - 1))) before--;
  if (before === lineStart) return null; // indentation
  let after = end;
  while (after < lineEnd && (isSpace(at(text, after)) || text[after] === '\r')) after++;
  const left = text.charAt(before - 1);
  // `第  号`, `营业执照  字第  号`: the code and the number of a document number, left blank.
  // After a cell's wall the spaces only pad the cell (`│    字第 号`).
  const rest = text.slice(after, after + 12);
  const code = !isCellWall(left) && (/^字第[ \u00a0\u3000]+号/.test(rest) || (left === '字' && /^第[ \u00a0\u3000]+号/.test(rest)));
  if ((left === '第' && text[after] === '号') || code) return { role: 'field', label: '文号' };
  // `采用以下第  种方式`: which one of a list, typed by the unit as a number.
  if (left === '第' && /^[种条项款类]/.test(text.charAt(after))) return { role: 'unit' };
  const label = isColon(left) ? labelBeforeColon(text, before - 1) : null;
  const endsCell = after === lineEnd || isCellWall(text.charAt(after));
  const line = text.slice(lineStart, lineEnd);
  const sentence = /[，。；]/.test(line);
  // `│  所需份数│`, `│ 年 龄│`: after a cell's wall the spaces pad the cell's heading; before a
  // unit that ends a clause (`│   人，其中`) they are the figure.
  const padsCell = isCellWall(left) && !/^[，。；、,;]/.test(text.slice(after + 1, after + 2)) && !PLAIN_UNITS.test(text.slice(after, after + 2));
  if (PLAIN_UNITS.test(text.slice(after, after + 2)) && (isColon(left) || (isHan(at(text, before - 1)) && !isSpreadHeading(text, before, after)))) return { role: 'unit' };
  if (!padsCell && UNITS.test(text.slice(after, after + 2)) && !NOT_UNITS.test(text.slice(after, after + 2))) {
    // Between two words of a row of cells (`性别    年龄`) the gap only aligns columns.
    if (sentence || !isHan(at(text, before - 1)) || /^(?:[年月][ \u00a0\u3000_＿]|同志)/.test(text.slice(after, after + 2)) || (COUNTED.test(text.slice(after, after + 4)) && !isSpreadHeading(text, before, after))) return { role: 'unit' };
  }
  const next = nextSegment(text, after, lineEnd);
  if (label !== null) {
    // A value after the gap fills the label already: the spaces only pad it. Punctuation after
    // it (`申请号：    、授权日`) closes an item of a list whose value is the gap.
    // A bracket closing after it (`（专利法定有效期限：    ）`) holds the label and its field.
    return isLabelSegment(next) || isPrompt(next) || endsCell || /^[、，；）)]/.test(next) ? { role: 'field', label } : null;
  }
  // `授权日<公开日、公告日>    、专利法定有效期限`: an item of a list, its value left before the comma
  // that ends it; typeset Chinese puts no space before `、`.
  if (text[after] === '、' && end - start >= 2 && (isHan(at(text, before - 1)) || '）)>》'.includes(left))) return { role: 'gap' };
  // `│名称(或姓名)│      （签章）│`: room and a seal in the cell beside the one that names it.
  if (isCellWall(left) && end - start >= ROOM_TO_WRITE && isPrompt(next) && isSignLabel(next)) {
    const named = cellBefore(text, lineStart, before - 1);
    if (named !== null) return { role: 'field', label: named };
  }
  const row = end - start >= ROW_ROOM ? rowCellLabel(text, lineStart, lineEnd, before) : null;
  if (row !== null) return { role: 'field', label: row };
  // `经办人         （盖章）`: a person's title opening the line or a column of it, no colon,
  // then the gap and what they do there.
  // `出生于      │`: where someone was born.
  if (endsCell && text.slice(before - 2, before) === '生于') return { role: 'field', label: '出生地点' };
  // The note may run on into the next words (`（签章）１９  年`).
  if (/^[（(][^（）()]{1,8}[）)]/.test(next)) {
    const who = /(?:^[ \t\u00a0\u3000]*|[ \u00a0\u3000]{2})([\u4e00-\u9fff]{1,6}(?:人|代表))$/.exec(text.slice(lineStart, before));
    if (who) return { role: 'field', label: who[1] };
  }
  if (endsCell && end - start >= ROOM_TO_WRITE) {
    // `编  号      `, `│ 主 营      │`: a cell that holds a name and room to write after it.
    const cell = cellLabel(text, lineStart, before, after - before);
    if (cell !== null) return { role: 'field', label: cell };
    // `同意预先核准企业名称为：          `: a sentence that names what is to be written after it
    // and leaves the rest of the line; one that introduces what is said (`会议强调：`) does not.
    if (isColon(left) && text.charAt(before - 2) === '为') return { role: 'gap' };
    // `理由如下：          `: what follows was left to write, on the rest of the line (wide, not a
    // space or two left after `通知如下：`); its name is the words before `如下`.
    const follows = isColon(left) && end - start >= 10 ? /^[ \t\u00a0\u3000]*(?:[\u4e00-\u9fff]{0,4}的)?([\u4e00-\u9fff]{2,6})如下$/.exec(text.slice(lineStart, before - 1)) : null;
    if (follows) return { role: 'field', label: follows[1] };
  }
  if (after === lineEnd) return null;
  // `入门费      元          支付日期`: after a sum left blank, a gap and the name of a field
  // ending the line (when it is paid): the gap is that field's value.
  let tailEnd = lineEnd;
  while (tailEnd > after && (isSpace(at(text, tailEnd - 1)) || text[tailEnd - 1] === '\r')) tailEnd--;
  const tail = tailEnd - after <= 12 ? text.slice(after, tailEnd) : '';
  if (end - start >= ROOM_TO_WRITE && FIELD_NOUN.test(tail) && /[ \u00a0\u3000]{2,}[元%％‰][\u4e00-\u9fff]{0,2}$/.test(text.slice(Math.max(lineStart, before - 12), before))) {
    return { role: 'field', label: tail };
  }
  // `２．地面    保修   月；` lines up a list's columns after each item's name; `１０    保修`
  // has no name after its number: that is what is left to write.
  const item = /^[ \t\u00a0\u3000]*[0-9０-９]{1,2}[．.、]?([\u4e00-\u9fff]{0,4})$/.exec(text.slice(lineStart, before));
  if (item && isHan(at(text, after)) && /^[\u4e00-\u9fff]{1,6}[ \u00a0\u3000]{2}/.test(text.slice(after, after + 8))) {
    return item[1] === '' && end - start >= ROOM_TO_WRITE ? { role: 'gap' } : null;
  }
  const l = at(text, before - 1);
  const r = at(text, after);
  // After a comma inside a sentence too: `违反本合同第  条约定，    方应当承担违约责任`; after the
  // slash of two ways to say who (`我厂/        对商标局`), the other one, to write.
  const alternative = (left === '/' || left === '／') && isHan(at(text, before - 2)) && end - start >= ROOM_TO_WRITE;
  if (isHan(l) || left === '“' || left === '（' || ((left === '，' || left === '、' || alternative) && isHan(r) && sentence)) {
    // A gap between two Chinese words, in a line that is a sentence rather than a row of cells.
    const closes = CLOSES.includes(text.charAt(after));
    if ((isHan(r) && sentence) || (closes && (sentence || isCjkContext(l)))) return { role: 'gap' };
    // `在           (地点)以`: what the gap stands for, named in brackets after it; `居住在    的`: a
    // word of a sentence, written on however many lines or cells, never starts with `的` (but a
    // heading spread out, `目    的`, does end with it).
    const word = isHan(at(text, before - 2));
    if (isHan(l) && ((sentence && VALUE_KIND_NOTE.test(text.slice(after, after + 10))) || (word && text[after] === '的'))) return { role: 'gap' };
  }
  return null;
}

/** The room a row of cells leaves after each name: wider than the gap that only sets columns apart. */
const ROW_ROOM = 6;
/** A cell's name in a row of them: words, and perhaps a short note (`姓名或名称（代表）`). */
const ROW_CELL = /^[\u4e00-\u9fff]{2,12}(?:[（(][\u4e00-\u9fff]{1,4}[）)])?$/;
/** Names of fields whose value is written beside them (`邮政编码`, `国籍或所在地国家`, `代理人证书号`). */
const ROW_FIELD = /(?:名称|姓名|地址|住址|住所|电话|编号|号码|编码|代码|证书号|证号|专利号|申请号|国籍|国家|日期|职务|邮箱)$/;
const GAP = /[ \t\u00a0\u3000]{2,}|\t/;

/** The name in the cell that ends at the wall `wall`, when it names a field (`联系人`, `名称(或姓名)`), or null. */
function cellBefore(text: string, lineStart: number, wall: number): string | null {
  let open = wall - 1;
  while (open >= lineStart && !isCellWall(text.charAt(open))) open--;
  if (open < lineStart) return null;
  const cell = text.slice(open + 1, wall).replace(/[ \u00a0\u3000]+/g, '');
  return isRowCell(cell) ? cell.replace(/[（(].*$/, '') : null;
}

const isRowCell = (cell: string) => {
  if (!ROW_CELL.test(cell)) return false;
  const name = cell.replace(/[（(].*$/, '');
  return ROW_FIELD.test(name) || kindOfLabel(name) !== 'field';
};

/**
 * `邮政编码          地址          联系人姓名`: a form's row of cells copied as one line, each
 * cell a field's name and the room after it; the name before the gap at `before`, or null. A
 * row of column headings is not one: the line under it holds values, not names.
 */
function rowCellLabel(text: string, lineStart: number, lineEnd: number, before: number): string | null {
  const line = text.slice(lineStart, lineEnd).trim();
  const cells = line.split(GAP);
  if (cells.length < 2) return null;
  if (!cells.every(isRowCell)) return null;
  // The next line with words: a row of values under headings (`张三    科员`) starts with one that names nothing.
  let next = lineEnd + 1;
  for (let skipped = 0; skipped <= LINES_READ_BELOW && next < text.length; skipped++) {
    const nextEnd = text.indexOf('\n', next);
    const words = text.slice(next, nextEnd === -1 ? text.length : nextEnd).trim();
    if (words !== '') {
      const first = words.split(GAP);
      // A table drawn with box characters under it is a table of its own.
      if (first.length >= 2 && !isRowCell(first[0]) && !/^[│┃├┌└]/.test(words)) return null;
      break;
    }
    next = nextEnd === -1 ? text.length : nextEnd + 1;
  }
  const own = text.slice(lineStart, before).split(GAP).pop()?.trim() ?? '';
  return own.replace(/[（(].*$/, '') || null;
}

/**
 * `│ 正    本 │`, `成    本`: one character and the gap before the last one, a word spread across
 * its cell, not a figure before its unit. A place after another (`    省    市`) is a figure.
 */
function isSpreadHeading(text: string, before: number, after: number): boolean {
  const ahead = before >= 2 ? text.charAt(before - 2) : '';
  const alone = ahead === '' || /[ \t\u00a0\u3000│┃、\n\r]/.test(ahead);
  return alone && !'省市县'.includes(text.charAt(before - 1)) && !isHan(at(text, after + 1));
}

/** A gap followed by what a person does there: `（签字）`, `（盖章）`. */
function isPrompt(segment: string): boolean {
  return /^[（(][^（）()]{1,8}[）)]$/.test(segment);
}
