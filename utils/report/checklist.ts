/**
 * The placeholder checklist kept current as the writer types: after an edit only the lines it
 * touched, the line above them and the lines a wrapped blank joins to them are scanned again
 * (rescanRange), and the rest of the list is shifted. Pure.
 */
import { findPlaceholdersInRange, isNamedField, PLACEHOLDER_KINDS, rescanRange, suggestValues, type FindOptions, type Placeholder, type PlaceholderKind } from './placeholders';
import { lineEndOf, lineStartOf } from './lines';
import type { TextDelta } from './text-delta';

/** The list by line (findPlaceholdersByLine) after `delta` turned the old text into `text`. */
export function updatePlaceholders(previous: Placeholder[], text: string, delta: TextDelta, options?: FindOptions): Placeholder[] {
  const shift = delta.inserted.length - delta.removed;
  const editEnd = delta.start + delta.inserted.length;
  // The lines around the edit, in the new text (see rescanRange); everything found there is found again.
  const [lineStart, lineEnd] = rescanRange(text, delta.start, editEnd);
  const rescanned = findPlaceholdersInRange(text, lineStart, lineEnd, options);
  const before: Placeholder[] = [];
  const after: Placeholder[] = [];
  for (const p of previous) {
    if (p.end <= lineStart && p.end <= delta.start) before.push(p);
    else if (p.start >= delta.start + delta.removed && p.start + shift >= lineEnd) {
      after.push({ ...p, start: p.start + shift, end: p.end + shift });
    }
  }
  return [...before, ...rescanned, ...after];
}

/** A few characters either side of a placeholder, on its own line, so the writer knows which one it is. */
export function contextOf(text: string, p: Placeholder, chars = 10): { before: string; after: string } {
  const lineStart = lineStartOf(text, p.start);
  const lineEnd = lineEndOf(text, p.end);
  const from = Math.max(lineStart, p.start - chars);
  const to = Math.min(lineEnd, p.end + chars);
  return {
    before: (from > lineStart ? '…' : '') + text.slice(from, p.start),
    after: text.slice(p.end, to) + (to < lineEnd ? '…' : ''),
  };
}

export interface PlaceholderGroup {
  kind: PlaceholderKind;
  items: Placeholder[];
}

/** Placeholders by kind, kinds in a fixed order, each group in document order. One pass. */
export function groupByKind(list: Placeholder[]): PlaceholderGroup[] {
  const byKind = new Map<PlaceholderKind, Placeholder[]>(PLACEHOLDER_KINDS.map((kind) => [kind, []]));
  for (const p of list) byKind.get(p.kind)!.push(p);
  return PLACEHOLDER_KINDS.map((kind) => ({ kind, items: byKind.get(kind)! })).filter((g) => g.items.length);
}

/**
 * Kinds whose blanks stand for one value wherever they are: the report's year, the date, the
 * place. Counts, percentages, names and blanks each ask for their own value: two `xx项` are
 * two different figures, so they are never filled together.
 */
const SHARED_VALUE_KINDS: ReadonlySet<PlaceholderKind> = new Set(['year', 'date', 'place']);

/**
 * What placeholders filled together share, or null for one filled alone: the same named field
 * or label (`{{单位}}`, `联系人：____` by name), or the same text, kind and unit (the character
 * after it: `xx市` and `xx区` are different places).
 */
function fillTogetherKey(text: string, p: Placeholder): string | null {
  // A note that says what to write (`……（写明当事人的基本情况）` once for each party), a place to
  // sign and a box to tick are each their own, however alike their words.
  // A template's field keeps its name whatever it holds (`{{同意}}` ticked in both places).
  if (isNamedField(p)) return `name:${p.name}`;
  if (p.rule === 'ellipsis' || p.kind === 'instruction' || p.kind === 'sign' || p.kind === 'tickbox') return null;
  if (p.name !== undefined) return `name:${p.name}`;
  if (!SHARED_VALUE_KINDS.has(p.kind)) return null;
  // A date left blank is the same date however many spaces were left for it.
  if (p.rule === 'date-blank') return `date:${p.text.replace(/[ \t\u00a0\u3000_＿]+/g, ' ')}`;
  return `${p.kind}:${p.text}:${text.charAt(p.end)}`;
}

/**
 * For each placeholder that has others to be filled with, all of them in document order.
 * One pass over the list, so 20,000 placeholders cost what 20 do, times a thousand.
 */
export function fillGroups(text: string, list: Placeholder[]): Map<Placeholder, Placeholder[]> {
  const byKey = new Map<string, Placeholder[]>();
  for (const p of list) {
    const key = fillTogetherKey(text, p);
    if (key === null) continue;
    const group = byKey.get(key);
    if (group) group.push(p);
    else byKey.set(key, [p]);
  }
  const groups = new Map<Placeholder, Placeholder[]>();
  for (const group of byKey.values()) if (group.length > 1) for (const p of group) groups.set(p, group);
  return groups;
}

/**
 * The placeholder after (direction 1) or before (-1) the caret, wrapping around the document;
 * with no caret, the first or the last.
 */
export function nextPlaceholder(list: Placeholder[], caret: { start: number; end: number } | null, direction: 1 | -1): Placeholder | null {
  if (list.length === 0) return null;
  if (!caret) return direction === 1 ? list[0] : list[list.length - 1];
  if (direction === 1) return list.find((p) => p.start >= caret.end) ?? list[0];
  return [...list].reverse().find((p) => p.end <= caret.start) ?? list[list.length - 1];
}

// ---------------------------------------------------------------------------------------------
// Suggestions from the document

/** At most this many values are offered for one blank. */
const MAX_SUGGESTIONS = 4;

/** A value the document writes, and where. */
interface Written {
  value: string;
  at: number;
}

/** Distinct values, most often written first, then the one written nearest `at`. */
function byFrequencyThenNearest(found: Written[], at: number): string[] {
  const seen = new Map<string, { count: number; distance: number; first: number }>();
  found.forEach((w, i) => {
    const s = seen.get(w.value);
    const distance = Math.abs(w.at - at);
    if (s) {
      s.count++;
      s.distance = Math.min(s.distance, distance);
    } else seen.set(w.value, { count: 1, distance, first: i });
  });
  return [...seen].sort(([, a], [, b]) => b.count - a.count || a.distance - b.distance || a.first - b.first).map(([value]) => value);
}

/** Distinct values, the one written nearest `at` first. */
function byNearest(found: Written[], at: number): string[] {
  const distance = new Map<string, number>();
  for (const w of found) distance.set(w.value, Math.min(distance.get(w.value) ?? Infinity, Math.abs(w.at - at)));
  return [...distance].sort(([, a], [, b]) => a - b).map(([value]) => value);
}

const isHanChar = (c: string) => c !== '' && /[\u3400-\u9fff\uf900-\ufaff]/.test(c);

/**
 * Years the document writes in digits: `2023年`, `2022—2023年`, `2023-05-01`, `in 2023`. A
 * four-digit number before another Chinese word (`2000余人`, `1000万元`) is an amount, not a year.
 */
function writtenYears(text: string): Written[] {
  const years: Written[] = [];
  for (const m of text.matchAll(/(?<![\d.,])(?:19|20)\d\d(?![\d,])/g)) {
    const next = text.charAt(m.index + 4);
    const afterNext = text.charAt(m.index + 5);
    const isYear =
      next === '年' ||
      (/[-—–~～至到/.]/.test(next) && /\d/.test(afterNext)) ||
      (!isHanChar(next) && !/[\p{L}%％‰]/u.test(next));
    if (isYear) years.push({ value: m[0], at: m.index });
  }
  return years;
}

/**
 * Phone numbers the document writes: mobiles (`13912345678`), numbers with an area code
 * (`010-12345678`, `0531-8888888转123`), `+86` ones, and `(555) 123-4567`.
 */
function writtenPhones(text: string): Written[] {
  const phones = /(?<![\d-])(?:\+?86[- ]?)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:转\d{1,5})?)(?![\d-]|[元万亿%％])|(?<!\d)\(\d{3}\) ?\d{3}-\d{4}(?!\d)/g;
  return [...text.matchAll(phones)].map((m) => ({ value: m[0], at: m.index }));
}

/** Ranges of years the document writes: `2021-2023年`, with the separator as written. */
function writtenYearRanges(text: string): Written[] {
  return [...text.matchAll(/(?<!\d)((?:19|20)\d\d)\s*([-—–~～至到]{1,2})\s*((?:19|20)\d\d)(?=年)/g)].map((m) => ({ value: `${m[1]}${m[2]}${m[3]}`, at: m.index }));
}

/** Numbers 1 to `max` the document writes before `unit` (`6月`, `15日`). */
function writtenBefore(text: string, unit: string, max: number): Written[] {
  const found: Written[] = [];
  for (const m of text.matchAll(new RegExp(`(?<![\\d.])(\\d{1,2})${unit}`, 'g'))) {
    const n = Number(m[1]);
    if (n >= 1 && n <= max) found.push({ value: String(n), at: m.index });
  }
  return found;
}

/** `values`, then each one's neighbours `step` away, kept while `keep` says yes; distinct, at most MAX_SUGGESTIONS. */
function withNeighbours(values: string[], keep: (n: number) => boolean): string[] {
  const out = [...values.slice(0, MAX_SUGGESTIONS - 1)];
  const first = Number(values[0]);
  for (const n of [first - 1, first + 1]) if (keep(n) && !out.includes(String(n))) out.push(String(n));
  return out.slice(0, MAX_SUGGESTIONS);
}

/** Characters two strings share at their ends (`before`) or their starts (`after`). */
function sharedEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How far around a blank its words are compared with the words around a written value. */
const WORDS = 6;

/**
 * Figures the document already writes in the same words as the blank: for `完成了xx项任务`,
 * the `12` of `完成了12项任务` elsewhere. The unit must be the same and at least two more
 * characters around it alike; the most alike first, then the nearest.
 */
function figuresInSameWords(text: string, p: Placeholder, pattern: RegExp): string[] {
  const before = text.slice(Math.max(0, p.start - WORDS), p.start);
  const after = text.slice(p.end, p.end + WORDS);
  const scored: { value: string; score: number; distance: number }[] = [];
  for (const m of text.matchAll(pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    const unit = sharedStart(text.slice(end, end + WORDS), after);
    if (unit === 0) continue;
    const score = unit + sharedEnd(text.slice(Math.max(0, start - WORDS), start), before);
    if (score >= 3) scored.push({ value: m[0], score, distance: Math.abs(start - p.start) });
  }
  scored.sort((a, b) => b.score - a.score || a.distance - b.distance);
  return [...new Set(scored.map((s) => s.value))].slice(0, MAX_SUGGESTIONS - 1);
}

/** Characters that end a word before a place's name: `在天津市`, `、天津市`. */
const BEFORE_PLACE = /[\s\p{P}在赴到于和与及对至从向是]/u;

/**
 * Places the document writes with the blank's unit (`xx市` → `天津市` as `天津`): two Chinese
 * characters after a word boundary, as most place names are. Most often written first.
 */
function placesWithUnit(text: string, p: Placeholder): string[] {
  const unit = text.charAt(p.end);
  if (!isHanChar(unit)) return [];
  const found: Written[] = [];
  for (let i = text.indexOf(unit); i !== -1; i = text.indexOf(unit, i + 1)) {
    if (i < 2 || i === p.end) continue;
    const name = text.slice(i - 2, i);
    const boundary = i === 2 ? '' : text.charAt(i - 3);
    if ([...name].every(isHanChar) && (boundary === '' || BEFORE_PLACE.test(boundary))) found.push({ value: name, at: i - 2 });
  }
  return byFrequencyThenNearest(found, p.start).slice(0, MAX_SUGGESTIONS - 1);
}

/**
 * Values worth offering for a blank, taken from the document itself: a year offers the years the
 * document writes (most often written, then nearest, first) and the years either side of the
 * first; a month or a day those written nearest; a count, a sum, a percentage or a place what
 * the document writes in the same words; a phone the numbers it writes, nearest first. A document that writes no year, month or day falls back
 * on `now` (a fresh template has no dates yet); other kinds then offer nothing.
 */
export function suggestFromDocument(text: string, p: Placeholder, now: Date): string[] {
  const fixed = /^\d*/.exec(p.text)![0]; // `20xx`: a year must start `20`
  switch (p.rule) {
    case 'x-year': {
      const years = byFrequencyThenNearest(writtenYears(text), p.start).filter((y) => y.startsWith(fixed) && y.length === p.text.length);
      return years.length ? withNeighbours(years, (n) => String(n).startsWith(fixed)) : suggestValues(p, now);
    }
    case 'x-year-range': {
      const separator = /[^\dxX×ｘＸ]+/.exec(p.text)?.[0] ?? '-';
      const ranges = byFrequencyThenNearest(writtenYearRanges(text), p.start);
      const years = byFrequencyThenNearest(writtenYears(text), p.start);
      if (!ranges.length && !years.length) return suggestValues(p, now);
      const year = Number(years[0] ?? ranges[0].slice(-4));
      const around = [`${year - 1}${separator}${year}`, `${year}${separator}${year + 1}`];
      return [...new Set([...ranges, ...around])].slice(0, MAX_SUGGESTIONS);
    }
    case 'x-month': {
      const months = byNearest(writtenBefore(text, '月', 12), p.start);
      return months.length ? withNeighbours(months, (n) => n >= 1 && n <= 12) : suggestValues(p, now);
    }
    case 'x-day': {
      const days = byNearest(writtenBefore(text, '日', 31), p.start);
      return days.length ? days.slice(0, MAX_SUGGESTIONS) : suggestValues(p, now);
    }
    case 'x-count':
    case 'x-amount':
      return figuresInSameWords(text, p, /(?<![\d.,])\d+(?:,\d{3})*(?:\.\d+)?(?![\d.,])/g);
    case 'x-percent':
      return figuresInSameWords(text, p, /(?<![\d.])\d+(?:\.\d+)?(?=[%％‰])/g);
    case 'x-place':
      return placesWithUnit(text, p);
  }
  if (p.kind === 'phone') return byNearest(writtenPhones(text), p.start).slice(0, MAX_SUGGESTIONS);
  if (p.kind === 'year' || p.kind === 'date') {
    // A user's rule: years in the document if it is a year, else the clock.
    const years = p.kind === 'year' ? byFrequencyThenNearest(writtenYears(text), p.start) : [];
    return years.length ? withNeighbours(years, () => true) : suggestValues(p, now);
  }
  return [];
}
