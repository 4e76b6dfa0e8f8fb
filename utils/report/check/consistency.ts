/**
 * Consistency within one document. Pure.
 *
 * - The year of the title against the years of the body: a 2023 report that says `2022年以来` is
 *   fine, one whose body mentions 2022 three times and 2023 never was likely copied from last
 *   year's. Comparisons (`较2022年`, `同比`) say nothing and are not counted.
 * - One body's name spelled two ways: only the surest case, a name written with and without a
 *   joining 和 (`市发展和改革委员会`, `市发展改革委员会`) ending in an institution word.
 * - A character typed twice where it cannot double (`的的`): a small list of function words,
 *   never reduplications (`的的确确`, `实实在在`) or words that end and begin with it (`目的的`).
 */
import type { DocFinding, DocView } from './doc';
import { matches, type LineView } from './line';
import { isHanAt } from './text';

const RE_YEAR = /(?<![\d〔[(（])((?:19|20)\d{2})年/g;
const RE_COMPARISON = /(?:较|比|同比|相比|对比|与|和|超过|高于|低于|少于|多于)$/;

function years(line: LineView): void {
  if (!line.text.includes('年')) return;
  for (const m of matches(RE_YEAR, line.text)) {
    const before = line.text.slice(Math.max(0, m.index - 3), m.index);
    (line.facts.years ??= []).push({ start: m.index, year: Number(m[1]), comparison: RE_COMPARISON.test(before) });
  }
}

function titleYear(doc: DocView, out: DocFinding[]): void {
  if (doc.titleIndex < 0) return;
  const title = doc.results[doc.titleIndex].facts.years;
  if (!title || title.length !== 1) return;
  const year = title[0].year;
  const body: number[] = [];
  doc.results.forEach((r, i) => {
    if (i === doc.titleIndex) return;
    for (const y of r.facts.years ?? []) if (!y.comparison) body.push(y.year);
  });
  if (body.length < 3 || body.includes(year)) return;
  const mentioned = [...new Set(body)].sort().join('、');
  const start = doc.starts[doc.titleIndex] + title[0].start;
  out.push({ start, end: start + 5, rule: 'title-year', key: 'checkTitleYear', params: [`${year}年`, mentioned] });
}

// ---------------------------------------------------------------------------------------------
// Names

const RE_INSTITUTION = /委员会|人民政府|办公厅|办公室|管理局|委|局|厅|中心|集团|公司/g;

function names(line: LineView): void {
  if (!/委|局|厅|中心|集团|公司|政府|办公/.test(line.text)) return;
  const s = line.text;
  for (const m of matches(RE_INSTITUTION, s)) {
    // The name is the run of Chinese characters before the institution word, up to twelve.
    let start = m.index;
    while (start > 0 && m.index - start < 12 && isHanAt(s, start - 1)) start--;
    if (m.index - start < 2) continue;
    const end = m.index + m[0].length;
    const text = s.slice(start, end);
    (line.facts.names ??= []).push({ start, end, text, tails: tails(text) });
    if (text.includes('和')) line.facts.joinedName = true;
  }
}

/** Every tail of `name` of at least five characters, the shape another spelling would be found in. */
function tails(name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 5 <= name.length; i++) out.push(name.slice(i));
  return out;
}

const RE_NAMED_PART = /^[\u4e00-\u9fff]{2,}(?:委员会|人民政府|办公厅|办公室|管理局|委|局|厅|中心|集团|公司)$/;

function unitNames(doc: DocView, out: DocFinding[]): void {
  if (!doc.results.some((r) => r.facts.joinedName)) return;
  // The spellings without 和 of the names written with it.
  const plainOf = new Map<string, string>();
  for (const r of doc.results) {
    if (!r.facts.joinedName) continue;
    for (const n of r.facts.names!) {
      for (const tail of n.tails) {
        const k = tail.indexOf('和');
        if (k >= 2 && RE_NAMED_PART.test(tail.slice(k + 1))) plainOf.set(tail, tail.slice(0, k) + tail.slice(k + 1));
      }
    }
  }
  const wanted = new Set([...plainOf.keys(), ...plainOf.values()]);
  // Where each of those spellings is written, in document order.
  const written = new Map<string, { line: number; start: number }[]>();
  doc.results.forEach((r, i) => {
    for (const n of r.facts.names ?? []) {
      for (const tail of n.tails) {
        if (!wanted.has(tail)) continue;
        const list = written.get(tail) ?? [];
        if (!list.length) written.set(tail, list);
        list.push({ line: i, start: n.end - tail.length });
      }
    }
  });
  const done = new Set<string>();
  for (const [spelling, places] of written) {
    const k = spelling.indexOf('和');
    // 和 joins two words of one name (发展和改革): two characters before it, a word and the
    // institution word after it. 及 and 与, and 和 before a bare institution word
    // (领导小组和办公室), join two bodies.
    if (k < 2 || done.has(spelling) || !RE_NAMED_PART.test(spelling.slice(k + 1))) continue;
    const plain = spelling.slice(0, k) + spelling.slice(k + 1);
    const plainPlaces = written.get(plain);
    if (!plainPlaces) continue;
    // Reported once, at the longest spelling: a shorter tail of the same pair is the same finding.
    for (const tail of tails(spelling)) done.add(tail);
    // The spelling used less often is flagged; on a tie, the one without the joining word.
    const [flagged, shown, other] = plainPlaces.length <= places.length ? [plainPlaces, plain, spelling] : [places, spelling, plain];
    for (const f of flagged) {
      const start = doc.starts[f.line] + f.start;
      out.push({ start, end: start + shown.length, rule: 'unit-name', key: 'checkUnitName', params: [shown, other], fix: other });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Repeated characters

const RE_REPEATED = /([的被而于将])\1/g;

function repeated(line: LineView): void {
  const s = line.text;
  for (const m of matches(RE_REPEATED, s)) {
    const i = m.index;
    const c = m[1];
    const before = s[i - 1] ?? '';
    const after = s[i + 2] ?? '';
    // AABB reduplication: 的的确确, 实实在在.
    if ((after && after === s[i + 3]) || (before && before === s[i - 2])) continue;
    if (c === '的' && (/[目标有打]/.test(before) || after === '确')) continue;
    if (c === '于' && /[属等至对关由基鉴处善]/.test(before)) continue;
    if (c === '将' && /[即必行]/.test(before)) continue;
    line.add({ start: i, end: i + 2, rule: 'repeated-character', key: 'checkRepeatedCharacter', params: [m[0]], fix: c });
  }
}

export function consistencyLine(line: LineView): void {
  if (!line.hasHan) return;
  years(line);
  names(line);
  repeated(line);
}

export function consistencyDocument(doc: DocView, out: DocFinding[]): void {
  if (!doc.chinese) return;
  titleYear(doc, out);
  unitNames(doc, out);
}
