/**
 * Punctuation rules of GB/T 15834-2011 (标点符号用法), on lines of Chinese text. Pure.
 *
 * - 5.1: in horizontal Chinese text a 点号 takes a full character's place, so `,` `;` `:` `?` `!`
 *   and `(` `)` `"` between Chinese characters are the full-width `，` `；` `：` `？` `！` `（）` `“”`.
 * - 4.8 引号, 4.9 括号, 4.15 书名号: each is a pair. A quotation of several paragraphs opens each
 *   paragraph with “ and closes only at the end of the last (4.8.3.4), so a “ left open is fine
 *   when the next paragraph opens with “.
 * - 4.11 省略号: `……` (six dots in two characters), not `...`, `。。。` or a single `…`.
 * - 4.5.3.5: no 顿号 between titles in 书名号 or quotations that follow each other (`《A》《B》`).
 * - 4 (点号): one 点号 at a time (`。。`, `，，`, `，。`); `？！` and `！！` for strong feeling are allowed.
 * - 4.8.2: quotation marks are “” and ‘’; 「」 mixed in with “” are flagged.
 */
import type { DocFinding, DocView } from './doc';
import { matches, type LineView } from './line';
import { CLOSING_MARKS, isHanAt, OPENING_MARKS } from './text';

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '.': '。' };

function halfWidth(line: LineView): void {
  const s = line.text;
  for (const m of matches(/[,;:?!.]/g, s)) {
    const i = m.index;
    const c = m[0];
    const full = FULL_WIDTH[c];
    let j = i + 1;
    while (s[j] === ' ') j++;
    const next = s[j];
    const nextHan = isHanAt(s, j) || (next !== undefined && OPENING_MARKS.includes(next));
    // After a Latin word or a number, a comma that Chinese text follows is a Chinese comma (`iPhone,好`).
    const before = isHanAt(s, i - 1) || (i > 0 && CLOSING_MARKS.includes(s[i - 1])) || (c === ',' && nextHan && j === i + 1 && /[A-Za-z0-9]/.test(s[i - 1] ?? ''));
    if (!before) continue;
    let flagged: boolean;
    if (c === ',' || c === ';') flagged = nextHan;
    // A full stop ends a sentence: before the end of the line, a closing quote or more Chinese;
    // not `一.` opening a heading (the numbering rule has it), nor a dot inside a name (`阿里巴巴.US`).
    else if (c === '.') flagged = (next === undefined || nextHan || next === '"' || next === "'" || CLOSING_MARKS.includes(next)) && !/^[ \t\u3000]*[一二三四五六七八九十]+$/.test(s.slice(0, i)) && s[i + 1] !== '.';
    else if (c === ':') flagged = nextHan || next === undefined || /[0-9]/.test(next);
    else flagged = next === undefined || nextHan || next === ' ' || CLOSING_MARKS.includes(next);
    if (!flagged || line.isProtected(i)) continue;
    line.add({ start: i, end: j, rule: 'halfwidth-punctuation', key: 'checkHalfwidthPunctuation', params: [c, full], fix: full });
  }
  // Pairs: ( ) and " " around Chinese text.
  if (s.includes('(')) {
    for (const m of matches(/\(([^()]*)\)/g, s)) {
      const inner = m[1];
      if (!/[\u3400-\u9fff]/.test(inner)) continue;
      const open = m.index;
      const close = open + m[0].length - 1;
      // `(一)` opening a line is a heading: the numbering rule has it.
      if (/^[一二三四五六七八九十0-9]{1,3}$/.test(inner) && !s.slice(0, open).trim()) continue;
      if (line.isProtected(open) || line.isProtected(close)) continue;
      line.add({ start: open, end: open + 1, rule: 'halfwidth-punctuation', key: 'checkHalfwidthPunctuation', params: ['(', '（'], fix: '（' });
      line.add({ start: close, end: close + 1, rule: 'halfwidth-punctuation', key: 'checkHalfwidthPunctuation', params: [')', '）'], fix: '）' });
    }
  }
  if (s.includes('"')) {
    for (const m of matches(/"([^"]*)"/g, s)) {
      if (!/[\u3400-\u9fff]/.test(m[1])) continue;
      const open = m.index;
      const close = open + m[0].length - 1;
      if (line.isProtected(open) || line.isProtected(close)) continue;
      line.add({ start: open, end: open + 1, rule: 'halfwidth-punctuation', key: 'checkHalfwidthPunctuation', params: ['"', '“'], fix: '“' });
      line.add({ start: close, end: close + 1, rule: 'halfwidth-punctuation', key: 'checkHalfwidthPunctuation', params: ['"', '”'], fix: '”' });
    }
  }
}

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '【': '】', '〔': '〕' };

function unbalanced(line: LineView): void {
  const s = line.text;
  const open: number[] = [];
  const unmatched: number[] = [];
  for (const m of matches(/[“”‘’《》（）【】〔〕]/g, s)) {
    const i = m.index;
    const c = m[0];
    if (PAIRS[c]) open.push(i);
    else {
      // Close the nearest opener of this pair; openers of other pairs inside it are left open.
      const k = open.findLastIndex((o) => PAIRS[s[o]] === c);
      if (k < 0) unmatched.push(i);
      else unmatched.push(...open.splice(k).slice(1));
    }
  }
  unmatched.push(...open);
  for (const i of unmatched.sort((a, b) => a - b)) {
    const c = s[i];
    // An apostrophe-like ’ in a line with Latin words (Party’s) is not a quote.
    if ((c === '’' || c === '‘') && /[A-Za-z]/.test(s[i - 1] ?? '') && /[A-Za-z]/.test(s[i + 1] ?? '')) continue;
    const opener = PAIRS[c] !== undefined;
    line.add({
      start: i,
      end: i + 1,
      rule: 'unbalanced-pair',
      key: opener ? 'checkUnbalancedOpen' : 'checkUnbalancedClose',
      params: [c],
      ...(c === '“' ? { openQuote: true } : {}),
    });
  }
}

const RE_ELLIPSIS = /\.{3,}|。{3,}|．{3,}|·{3,}|…+/g;

function ellipsis(line: LineView): void {
  const s = line.text;
  for (const m of matches(RE_ELLIPSIS, s)) {
    const run = m[0];
    // `……` and the twelve-dot `…………` of an omitted paragraph are right.
    if (run[0] === '…' && run.length % 2 === 0) continue;
    const start = m.index;
    const end = start + run.length;
    if (!isHanAt(s, start - 1) && !isHanAt(s, end) && !(run[0] === '。' || run[0] === '…')) continue;
    if (line.isProtected(start, end)) continue;
    line.add({ start, end, rule: 'ellipsis', key: 'checkEllipsis', params: [run], fix: '……' });
  }
}

function dunhao(line: LineView): void {
  for (const m of matches(/[》”]、[《“]/g, line.text)) {
    const at = m.index + 1;
    line.add({ start: at, end: at + 1, rule: 'dunhao-between-titles', key: 'checkDunhaoTitles', params: [m[0]], fix: '' });
  }
}

function doubled(line: LineView): void {
  for (const m of matches(/[，、；：。]{2,}/g, line.text)) {
    const pair = m[0];
    // Three and more 。 are an ellipsis; three and more of the others are no typing slip to fix here.
    if (pair.length !== 2) continue;
    if (line.isProtected(m.index, m.index + 2)) continue;
    line.add({
      start: m.index,
      end: m.index + 2,
      rule: 'doubled-punctuation',
      key: 'checkDoubledPunctuation',
      params: [pair],
      ...(pair[0] === pair[1] ? { fix: pair[0] } : {}),
    });
  }
}

const CORNER_FIX: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };

function quoteFacts(line: LineView): void {
  let curly = 0;
  for (const m of matches(/[“”「」『』]/g, line.text)) {
    const c = m[0];
    if (c === '“' || c === '”') curly++;
    else (line.facts.corners ??= []).push({ start: m.index, fix: CORNER_FIX[c], mark: c });
  }
  if (curly) line.facts.curlyQuotes = curly;
}

export function punctuationLine(line: LineView): void {
  if (!line.hasHan) return;
  halfWidth(line);
  unbalanced(line);
  if (/\.\.\.|。。|…|．．|···/.test(line.text)) ellipsis(line);
  if (line.text.includes('、')) dunhao(line);
  doubled(line);
  quoteFacts(line);
}

export function punctuationDocument(doc: DocView, out: DocFinding[]): void {
  let curly = 0;
  for (const r of doc.results) curly += r.facts.curlyQuotes ?? 0;
  if (!curly) return;
  doc.results.forEach((r, i) => {
    for (const c of r.facts.corners ?? []) {
      const start = doc.starts[i] + c.start;
      out.push({ start, end: start + 1, rule: 'mixed-quotes', key: 'checkMixedQuotes', params: [c.mark], fix: c.fix });
    }
  });
}
