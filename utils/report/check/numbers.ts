/**
 * Number rules of GB/T 15835-2011 (出版物上数字用法), on lines of Chinese text. Pure.
 *
 * - 4.1.3 数值范围: the first number of a range may drop a unit only where no ambiguity follows;
 *   a multiplier or a percent sign may not be dropped: `9亿～16亿` (不写为`9～16亿`), `15%～30%`
 *   (不写为`15～30%`), `13万元～17万元` (不写为`13～17万元`).
 * - 4.1.4 and 4.2.2 年份: a year is written in full, `1990年` not `90年`, `一九九〇年` not `九〇年`.
 *   Two Chinese numerals that count (`三五年`, `七八年`: a few years) are not years, nor are fixed
 *   expressions in Chinese numerals (`十四五`, `第三季度`, `一是`), which no rule here touches.
 * - 4.1.7 书写格式: Arabic numerals take half a character's width: `２０２３` is `2023`.
 * - 4.1.1 多位数: numbers may be grouped with a thousands comma or not; a full-width comma inside
 *   a number (`12，500`) reads as two numbers, and one document writing both `12,500` and
 *   `12500` is told so (information only: both are allowed).
 */
import type { DocFinding, DocView } from './doc';
import { matches, type LineView } from './line';
import { toHalfWidthDigits } from './text';

const RE_RANGE = /(?<![\d.．])(\d+(?:\.\d+)?)([ \u3000]*[～~\-—－至到][ \u3000]*)(\d+(?:\.\d+)?)(万亿|万|亿|%|％|‰)(元|人次|人|户|吨|个|台|件|平方米|亩|千瓦|美元|辆|家)?/g;

function ranges(line: LineView): void {
  for (const m of matches(RE_RANGE, line.text)) {
    const [whole, from, connector, to, multiplier, unit = ''] = m;
    const start = m.index;
    const end = start + whole.length;
    if (line.isProtected(start, end)) continue;
    const right = `${from}${multiplier}${unit}${connector}${to}${multiplier}${unit}`;
    line.add({ start, end, rule: 'range-unit', key: 'checkRangeUnit', params: [whole, right], fix: right });
  }
}

// `90年5月`, `98年底`: a year cut to two digits, told from `工作了30年` by what follows it.
const RE_SHORT_YEAR = /(?<![\d０-９.．])(\d{2})年(?=\d{1,2}月|(?:初|底|末|上半年|下半年)(?![\d０-９]))/g;
const RE_SHORT_CHINESE_YEAR = /(?<![〇○零一二三四五六七八九十百千万两])([八九〇○零一二])([〇○零一二三四五六七八九])年(?![代度级])/g;
const CN_VALUE = '〇一二三四五六七八九';

function shortYears(line: LineView): void {
  const s = line.text;
  for (const m of matches(RE_SHORT_YEAR, s)) {
    const start = m.index;
    if (line.isProtected(start, start + 3)) continue;
    line.add({ start, end: start + 3, rule: 'abbreviated-year', key: 'checkAbbreviatedYear', params: [m[0]] });
  }
  if (!/[〇○零八九][〇○零一二三四五六七八九]年/.test(s)) return;
  for (const m of matches(RE_SHORT_CHINESE_YEAR, s)) {
    const [whole, a, b] = m;
    const first = CN_VALUE.indexOf(a.replace(/[○零]/, '〇'));
    const second = CN_VALUE.indexOf(b.replace(/[○零]/, '〇'));
    const zero = /[〇○零]/.test(whole);
    // 八九年, 一二年: two neighbouring numerals count years; 九八年, 九〇年, 〇八年 name one.
    if (!zero && (first < 8 || second === first + 1)) continue;
    const start = m.index;
    if (line.isProtected(start, start + 3)) continue;
    line.add({ start, end: start + 3, rule: 'abbreviated-year', key: 'checkAbbreviatedYear', params: [whole] });
  }
}

function fullWidthDigits(line: LineView): void {
  for (const m of matches(/[０-９]+(?:[．.][０-９]+)*/g, line.text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (line.isProtected(start, end)) continue;
    const right = toHalfWidthDigits(m[0]).replace(/．/g, '.');
    line.add({ start, end, rule: 'fullwidth-digits', key: 'checkFullwidthDigits', params: [m[0], right], fix: right });
  }
}

const RE_FULLWIDTH_GROUPED = /\d{1,3}(?:，\d{3})+(?![\d.])/g;
const RE_GROUPED = /(?<![\d,.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])/g;
// A large number written without grouping, as an amount (a unit follows), not a code or a phone number.
const RE_UNGROUPED = /(?<![\d,.-])\d{5,}(?:\.\d+)?(?=[元万亿人户个家项件吨次台辆亩平方米千克公里])/g;

function grouping(line: LineView): void {
  const s = line.text;
  if (s.includes('，')) {
    for (const m of matches(RE_FULLWIDTH_GROUPED, s)) {
      const start = m.index;
      if (/[\d，.]/.test(s[start - 1] ?? '')) continue;
      const end = start + m[0].length;
      if (line.isProtected(start, end)) continue;
      line.add({ start, end, rule: 'thousands-separator', key: 'checkThousandsFullwidth', params: [m[0]] });
    }
  }
  if (s.includes(',')) {
    for (const m of matches(RE_GROUPED, s)) {
      if (line.isProtected(m.index, m.index + m[0].length)) continue;
      (line.facts.grouped ??= []).push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  let ungrouped = 0;
  if (/\d{5}/.test(s)) for (const m of matches(RE_UNGROUPED, s)) if (!line.isProtected(m.index)) ungrouped++;
  if (ungrouped) line.facts.ungrouped = ungrouped;
}

export function numbersLine(line: LineView): void {
  if (!line.hasHan) return;
  const s = line.text;
  if (/\d[ \u3000]*[～~\-—－至到][ \u3000]*\d/.test(s)) ranges(line);
  if (s.includes('年')) shortYears(line);
  if (/[０-９]/.test(s)) fullWidthDigits(line);
  if (/\d/.test(s)) grouping(line);
}

export function numbersDocument(doc: DocView, out: DocFinding[]): void {
  if (!doc.chinese) return;
  let ungrouped = 0;
  for (const r of doc.results) ungrouped += r.facts.ungrouped ?? 0;
  if (!ungrouped) return;
  doc.results.forEach((r, i) => {
    for (const g of r.facts.grouped ?? []) {
      const start = doc.starts[i] + g.start;
      out.push({ start, end: start + g.text.length, rule: 'thousands-separator', key: 'checkThousandsMixed', params: [g.text], fix: g.text.replace(/,/g, '') });
    }
  });
}
