/**
 * Marks that stand for text and places left for a person to act on: merge fields of Word's
 * mail merge (`«合同编号»`), the prompts of Word's content controls (`单击或点击此处输入文字。`),
 * notes in brackets that say what to write (`【具体做法和成效，含数据支撑】`, `（请填写单位全称）`),
 * a place to sign or seal (`（盖章）`) and a box to tick (`□同意`). Pure.
 */
import { lineEndOf, lineStartOf, lineStartWithin } from '../lines';
import { at, isHan, isSpace, isWordChar, make, type Placeholder } from './core';
import { kindOfLabel, labelBeforeColon, makeNamed } from './labels';
import { isCellWall } from './spaces';
import { closesOnNextLine, unwrapNote } from './wraps';

/** `«name»`: a merge field Word shows until the merge runs. */
export function matchMergeField(text: string, start: number, end: number): Placeholder | null {
  const name = text.slice(start + 1, end - 1).trim();
  return name ? makeNamed(text, start, end, 'merge-field', name) : null;
}

/** What Word writes in an empty content control, in Chinese and English. */
export const WORD_PROMPT = String.raw`(?:单击|点击|轻击)(?:或(?:单击|点击|轻击))?(?:此处|这里)(?:以)?输入(?:文字|文本|日期)。?|(?:Click|Tap)(?: or (?:click|tap))?(?: here)? to enter (?:text|a date)\.?|选择一项。|Choose an item\.`;

export function matchWordPrompt(text: string, start: number, end: number): Placeholder {
  const kind = /日期|date/.test(text.slice(start, end)) ? 'date' : 'instruction';
  return make(text, start, end, kind, 'word-prompt');
}

/** A compiler's note in a model text that leaves a term to the parties: `（注：根据具体情况定）`, `（注：……须补签……）`. */
const LEFT_TO_PARTIES = /(?:^|[，,])注[：:][^）)]*?(?:根据[^，。；）)]{0,16}定|自行约定|另行约定|[须应]补签)/;
/** A note that tells the writer what to put there: it asks (`请`, `填写`) or limits (`不超过500字`). */
const INSTRUCTS = /^(?:请|此处|在此)|的[，,]?(?:写|改为|括注)[：:]?“|填写|填报|填入|(?<!应当|应|须|要|必须)写明|注明|列明|载明|简述|概述|不写此|的写法[^。）)]{0,30}(?:与|同)|不超过\s*\d+\s*字|\d+\s*字以内|限\s*\d+\s*字|如有|可另附|附页|^可(?:粘贴|上传)/;
/** Words of a place to sign or seal, alone in brackets: `（盖章）`, `（签字或盖章）`, `(Seal)`. */
const SIGN_ONLY = /^(?:(?:单位|法定代表人|负责人|本人|个人|亲笔)?(?:签字|签名|签章|盖章|盖公章|公章|印章|院印|行印|局章|专用章|骑缝章|章戳|章|印|手印|按手印|捺印|seal|signature|sign)(?:[、，/或及并和]|\s+or\s+)?)+$/i;

/** Names of a value that a form may print where the value goes. */
const VALUE_NAMES = /^(?:联系)?(?:电话|邮政编码|邮编|地点|日期|姓名)$/;

/** At the start of its line, or after a gap of two spaces and before the cell's wall or the line's end. */
function standsApart(text: string, start: number, end: number): boolean {
  const lineStart = lineStartWithin(text, start, 24);
  if (lineStart !== -1 && /^[ \t\u00a0\u3000]*$/.test(text.slice(lineStart, start))) return true;
  return /[ \u00a0\u3000]{2}$/.test(text.slice(Math.max(0, start - 2), start)) && /^[ \u00a0\u3000]*(?:[│┃\r\n]|$)/.test(text.slice(end, end + 12));
}

/** `（…）` holding words: a place to sign, a note of what to write, or an aside (null). */
export function matchParenNote(text: string, start: number, end: number): Placeholder | null {
  const inner = text.slice(start + 1, end - 1).trim();
  // `承租方（章）` at a line's end names the party whose seal goes beside it.
  if (inner === '章' && isHan(at(text, start - 1))) return null;
  if (SIGN_ONLY.test(inner) || /^待[\u4e00-\u9fff]{0,6}(?:签字|签名|签章|盖章)$/.test(inner)) {
    // `甲方（盖章）：      `: the note is part of the label, the gap after it is the place; with
    // nothing after the colon (`被委托人（签字、盖章）：` ending its line) the note is the place,
    // unless it is one of a label's alternatives (`申请人签字/（章戳）：`), a heading of the lines below.
    const after = text.slice(end, end + 8);
    if (/^[：:](?:[ \u00a0\u3000]{2,}|[ \u00a0\u3000]*[_＿]{3,}|[ \u00a0\u3000]+(?:\r?\n|\r|$))/.test(after)) return null;
    if (/^[：:]/.test(after) && text[start - 1] === '/') return null;
    return make(text, start, end, 'sign', 'sign-place');
  }
  // `│现住址    （邮政编码）│`, `在\n  （地点）履行`: the name of a value, left where the value goes,
  // set apart from the words before it, at the end of its cell or the start of its line.
  if (VALUE_NAMES.test(inner) && standsApart(text, start, end)) return make(text, start, end, kindOfLabel(inner), 'bracket-note', inner);
  // `（以上登记事项中仅填写……）`, `（表内填写不下可加附页）`: a note on the form around it, not a
  // place; one that says what to write out there (`（以上写明当事人……）`) is an instruction.
  if (/^(?:以上|上述|表内|本表|此表)/.test(inner) && !inner.includes('写明') && aloneOnLine(text, start, end)) return null;
  // `再审申请人（一、二审诉讼地位）：`: what the party was called below, to write in the note's place.
  if (/诉讼地位$/.test(inner) && /^[：:]/.test(text.slice(end, end + 1))) return make(text, start, end, 'instruction', 'bracket-note');
  const value = valueNoteOf(text, start, end, inner);
  if (value !== null) return make(text, start, end, 'instruction', 'bracket-note', value);
  if ((INSTRUCTS.test(inner) && !/^(?:请示|请求)/.test(inner)) || LEFT_TO_PARTIES.test(inner) || ruleOnItsLine(text, start, end, inner)) return make(text, start, end, 'instruction', 'bracket-note');
  // `（参照《……签订指南》第六条）` on a line of its own: where to look for what to write here.
  if (inner.startsWith('参照') && aloneOnLine(text, start, end)) return make(text, start, end, 'instruction', 'bracket-note');
  // `（该申请保留原注册号/该申请另编注册号）`: a choice to keep one of, like `[高/中/低]`.
  // Right after a field (`{{STATUS}} (提议/已批准/已拒绝)`) the choices are that field's, said once more;
  // ending a label (`| 评审人（教师/导师） |`) they say who the label means.
  if (/^[\p{Script=Han}]{2,20}(?:\/[\p{Script=Han}]{2,20})+$/u.test(inner)) {
    if (/(?:\}\}|»|】|\]|[_＿]{2})[ \t\u3000]*$/.test(text.slice(Math.max(0, start - 6), start))) return null;
    if (isHan(at(text, start - 1)) && /^[ \t\u3000]*[|│┃：:]/.test(text.slice(end, end + 4))) return null;
    return make(text, start, end, 'field', 'bracket-note', inner);
  }
  // `（证件种类、号码：……）`: a labelled blank inside the brackets, the brackets with it.
  const labelled = /^([\p{Script=Han}、/]{2,16})[：:](?:……|…|\.{3,}|_{3,}|[ \u3000]{2,})$/u.exec(inner);
  if (labelled) return make(text, start, end, 'field', 'bracket-note', labelled[1]);
  return null;
}

const SPACES_ONLY = /^[ \t\u00a0\u3000\r]*$/;

/**
 * `租金收取：（双方应约定租金计算方式及其支付方式）`, `附：（略）`: a form line of a label and, as
 * its only value, a note in brackets, which says what goes there. The label, or null.
 */
function valueNoteOf(text: string, start: number, end: number, inner: string): string | null {
  // What a value already written (`（同意）`, `（万元）`, `（国家统计局）`) never says: what to do.
  if (!VALUE_PROMPT.test(inner)) return null;
  let colon = start;
  while (colon > 0 && isSpace(at(text, colon - 1))) colon--;
  colon--;
  const lineStart = lineStartOf(text, start);
  if (colon - lineStart > 40) return null;
  const head = text.slice(lineStart, colon + 1);
  if (!/^[ \t\u00a0\u3000]*\p{Script=Han}[\p{Script=Han}、]{0,11}[：:]$/u.test(head)) return null;
  if (!SPACES_ONLY.test(text.slice(end, lineEndOf(text, end)))) return null;
  return labelBeforeColon(text, colon);
}

/** A note that asks for something to be done: agreed, pasted, attached, left out, signed. */
const VALUE_PROMPT = /应|须|需|约定|粘?贴|另附|附上|^略$|从略|盖章|签字|签名|填|写/;

/** Whether [start, end) is all its line holds, spaces aside. */
function aloneOnLine(text: string, start: number, end: number): boolean {
  return SPACES_ONLY.test(text.slice(lineStartOf(text, start), start)) && SPACES_ONLY.test(text.slice(end, lineEndOf(text, end)));
}

/**
 * `单位盖章`, `签字` written without brackets where a form leaves the place: alone on its line
 * or set apart from the next by a column's spaces (two `单位盖章` side by side, one for each
 * party); `印` after an organ's name (`公安局印`) where its cell or line ends.
 */
export function matchSignWords(text: string, start: number, end: number): Placeholder | null {
  // `注册费用收讫专用章`, `│用收讫专用章    │`: the seal named, where its line or cell leaves room for it.
  if (text.startsWith('专用章', start)) {
    let from = start;
    while (from > 0 && start - from < 12 && isHan(at(text, from - 1))) from--;
    let left = from;
    while (left > 0 && isSpace(at(text, left - 1))) left--;
    let right = end;
    while (right < text.length && isSpace(at(text, right))) right++;
    const apartBefore = left === 0 || text[left - 1] === '\n' || isCellWall(text[left - 1]) || from - left >= 2;
    const apartAfter = right === text.length || text[right] === '\n' || text[right] === '\r' || isCellWall(text[right]);
    return apartBefore && apartAfter ? make(text, from, end, 'sign', 'sign-place', text.slice(from, end)) : null;
  }
  // `＿＿＿＿公安局印`: the organ's seal, at the end of its cell or line.
  if (text[start] === '印') {
    const organ = /[\u4e00-\u9fff]{1,8}$/.exec(text.slice(Math.max(0, start - 8), start))![0];
    return /^[ \u00a0\u3000]*(?:[│┃\r\n]|$)/.test(text.slice(end, end + 40)) ? make(text, start, end, 'sign', 'sign-place', `${organ}印`) : null;
  }
  const before = text.slice(lineStartOf(text, start), start);
  const after = text.slice(end, lineEndOf(text, end));
  const apartBefore = SPACES_ONLY.test(before) || /[ \u00a0\u3000]{2}$/.test(before);
  const apartAfter = SPACES_ONLY.test(after) || /^[ \u00a0\u3000]{2}/.test(after);
  return apartBefore && apartAfter ? make(text, start, end, 'sign', 'sign-place', text.slice(start, end)) : null;
}

/** A longer note in brackets: an instruction only when it says what to write or leave out. */
export function matchLongNote(text: string, start: number, end: number): Placeholder | null {
  const inner = text.slice(start + 1, end - 1);
  // The model text of two cases or more is read case by case, each with its marks (see matchCaseLine).
  if ((inner.match(/的[，,]?(?:写|表述为)[：:]“/g) ?? []).length >= 2) return null;
  return INSTRUCTS_AT_LENGTH.test(inner) || LEFT_TO_PARTIES.test(inner) || ruleOnItsLine(text, start, end, inner) ? make(text, start, end, 'instruction', 'bracket-note') : null;
}

/**
 * `（如是法人的，应写明其名称、地址）`, `（根据不同情况分别适用以下决定主文）`, `（送达本决定应使用送达回证）`
 * on a line of its own in a form: what the writer is to write, which case's words to choose, what
 * form to serve it with. In running text `应当写明` states a rule of law, and is not read so.
 */
function ruleOnItsLine(text: string, start: number, end: number, inner: string): boolean {
  return /的[，,]应当?写明|分别适用以下|应当?使用[^）)]{0,8}(?:送达回证|附页|续页)/.test(inner) && aloneOnLine(text, start, end);
}

/** What a long note says when it tells the writer what to do: write this, leave that out. */
const INSTRUCTS_AT_LENGTH = /(?<!应当|应|须|要|必须)写明|^如果[^。]{0,40}应当?写明|的[，,]?(?:写|改为|括注)[：:]?“|不写此|一段删去|此句删去|删去此|的写法[^。）)]{0,30}(?:与|同)|贴在|填于|填在/;

/** Words of a bracketed note after a mark that say it stands for a person or a body: `×××（机关名称）`. */
const NAMES_SOMEONE = /(?:名称|姓名|名字|人|者|单位|机关|机构|公司|法院)$/;
/** Punctuation that ends a sentence: a note in brackets holding it is an aside, not the mark's name. */
const ENDS_SENTENCE = /[。；！？]/;

/** The longest note in tortoise-shell brackets read as one with the dots before it. */
const MAX_NOTE = 400;

/** Where the `〕` that closes the note opened at `open` is, on its line and within MAX_NOTE, or -1. */
function closingOfNote(text: string, open: number): number {
  for (let i = open + 1; i < text.length && i - open <= MAX_NOTE; i++) {
    const c = text[i];
    if (c === '〕') return i;
    if (c === '\n' || c === '\r') return -1;
  }
  return -1;
}

/** Where an English note right after a mark ends (`(Vendor Completes)`, `(insert date)`), or -1. */
function englishNoteEnd(text: string, open: number): number {
  const note = /^ ?\(([A-Za-z][A-Za-z ]{2,40})\)/.exec(text.slice(open, open + 46));
  return note && /\b(?:insert|enter|fill in|completes?|completed by|specify)\b/i.test(note[1]) ? open + note[0].length : -1;
}

/**
 * `×××（机关名称）`, `……（简要列明请求和理由）`: a mark and the note in brackets right after it
 * are one blank, named and typed by the note. `found` is in document order.
 */
export function joinNotes(text: string, found: Placeholder[]): Placeholder[] {
  const out: Placeholder[] = [];
  for (let i = 0; i < found.length; i++) {
    const p = found[i];
    const open = p.end;
    const unclosed = p.rule === 'ellipsis' ? unclosedNoteEnd(text, open) : -1;
    if (unclosed > 0) {
      // The marks the note quotes are the note's, not blanks of their own.
      while (found[i + 1] && found[i + 1].start < unclosed) i++;
      const inner = text.slice(open + 1, unclosed);
      out.push(make(text, p.start, unclosed, p.kind, p.rule, inner.replace(/[。，,].*$/, '')));
      continue;
    }
    // `……〔根据查证属实的事实……论证被告人是否犯罪（……）……〕`: a court form's note in tortoise-shell
    // brackets, closed on its line, says what the dots stand for, its own brackets and marks included.
    const closed = p.rule === 'ellipsis' && text[open] === '〔' ? closingOfNote(text, open) : -1;
    if (closed > open + 1) {
      while (found[i + 1] && found[i + 1].start < closed) i++;
      out.push(make(text, p.start, closed + 1, p.kind, p.rule, text.slice(open + 1, closed).replace(/[。，,；;].*$/, '')));
      continue;
    }
    // `……（按第一审程序再审的，写：“…”`: the dots open a case of the model text in the note; the case's words are theirs.
    const caseAfter = found[i + 1];
    if (p.rule === 'ellipsis' && caseAfter?.start === open + 1 && caseAfter.kind === 'instruction' && (text[open] === '（' || text[open] === '(')) {
      out.push(make(text, p.start, caseAfter.end, 'instruction', 'bracket-note'));
      i++;
      continue;
    }
    // `XXXXX (Vendor Completes)`, `___ (insert contract number)`: an English note of what to write, a space apart.
    const english = /^(?:x-|mask|underscores)/.test(p.rule) ? englishNoteEnd(text, open) : -1;
    if (english > 0 && !(found[i + 1] && found[i + 1].start < english)) {
      out.push(make(text, p.start, english, p.kind, p.rule, text.slice(text.indexOf('(', open) + 1, english - 1)));
      continue;
    }
    if ((text[open] !== '（' && text[open] !== '(') || !/^(?:x-|mask|ellipsis|underscores)/.test(p.rule)) {
      out.push(p);
      continue;
    }
    // After `……` the note says what the dots stand for, at any length (a court form's
    // `……（详写法院认定的事实……）`); after other marks only a short name is theirs.
    const ellipsis = p.rule === 'ellipsis';
    // A note that says what to write (`×××（应写明姓名、年龄、住址，如果是法人……）`) is the mark's at any length.
    const says = ellipsis || /^(?:应当?|须)?写明/.test(text.slice(open + 1, open + 5));
    const close = text.slice(open + 1, open + (says ? 162 : 26)).search(/[）)]/);
    // A note after dots may be wrapped onto the next line (`……（复议机关名\n称）`).
    const inner = close < 1 ? '' : ellipsis ? unwrapNote(text.slice(open + 1, open + 1 + close)) : text.slice(open + 1, open + 1 + close);
    let next = found[i + 1];
    const end = open + close + 2;
    // The note may have been found on its own (`（简要列明请求和理由）`): it joins the mark.
    const noteFound = next !== undefined && next.start === open && next.end === end;
    if (noteFound) next = found[i + 2];
    const aside = says ? /[（(\r\n]/.test(inner) : /[（(\r\n：:]/.test(inner) || ENDS_SENTENCE.test(inner);
    if (!inner || aside || (next && next.start < end) || !/\p{Script=Han}/u.test(inner)) {
      out.push(p);
      continue;
    }
    // `申请人：＿＿＿＿（章戳）`: the line takes the name, the note asks for a seal beside it, two
    // acts; `甲方：＿＿＿＿（签字盖章）` is one, the line is where to sign.
    const sign = SIGN_ONLY.test(inner);
    if (sign && !inner.includes('签')) {
      out.push(p);
      if (!noteFound) out.push(make(text, open, end, 'sign', 'sign-place'));
      continue;
    }
    const kind = sign ? 'sign' : INSTRUCTS.test(inner) ? (p.rule === 'ellipsis' ? p.kind : 'instruction') : NAMES_SOMEONE.test(inner) ? 'name' : p.kind;
    out.push(make(text, p.start, end, kind, p.rule, inner));
    if (noteFound) i++;
  }
  return out;
}

/**
 * `……〔写明判决结果。分六种情况：`: a note after dots that says what to write and is not closed
 * on its line (it goes on over the cases below it, or its bracket was lost). The blank ends
 * with the line, or before the quotation mark that closes a quoted model text. -1 when none.
 */
function unclosedNoteEnd(text: string, open: number): number {
  const bracket = text[open];
  if (bracket !== '（' && bracket !== '(' && bracket !== '〔') return -1;
  if (!text.startsWith('写明', open + 1)) return -1;
  let end = open + 1;
  while (end < text.length && end - open < 200 && !'\r\n'.includes(text[end])) {
    if ('）)〕'.includes(text[end])) return -1;
    if (text[end] === '”') return end;
    end++;
  }
  // `……（写明理\n由）`: wrapped, not left open; it closes at the start of the next line.
  if (bracket !== '〔' && closesOnNextLine(text, end)) return -1;
  return end;
}

/**
 * `【…】` with a whole note inside (punctuation, or more words than a label has): text to write
 * as it says. A short one without punctuation is a label (see matchLenticular).
 */
export function isInstructionNote(inner: string): boolean {
  return /[，,；;、：:。？?！!（(]/.test(inner) || [...inner].length > 12;
}

const TICKED = '■☑☒✓✔√';

/**
 * A box to tick: `□同意 □不同意`, `☐ Yes`. A run of boxes (`□□□□年`) stands for characters
 * that were lost or masked and is typed by what follows, elsewhere.
 */
export function matchTickBox(text: string, start: number, end: number): Placeholder | null {
  if (end - start !== 1) return null;
  const after = text.charAt(end);
  // A box before a word or a gap offers that choice; a box glued into a Latin word is a glyph.
  if (isWordChar(at(text, start - 1)) && !/[\s\u3000]/.test(text.charAt(start - 1))) return null;
  if (after !== '' && !isHan(at(text, end)) && !/[\s\u3000\p{L}\p{N}（(“"]/u.test(after)) return null;
  if (after !== '' && TICKED.includes(after)) return null;
  return make(text, start, end, 'tickbox', 'tick-box');
}
