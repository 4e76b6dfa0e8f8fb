/** What to mark in a search result: the words the query matched, and a window of long text around them. */
import { fold, matchEnd, occurrences, type Term } from './text';

export interface MatchRange {
  start: number;
  end: number;
}

/** Parts of a text, each marked or not, in order: ready to render. */
export interface TextPart {
  text: string;
  match: boolean;
}

/** Where the query's terms match in `text` (offsets of `text` itself), sorted and merged. */
export function matchRanges(text: string, terms: readonly Term[]): MatchRange[] {
  const folded = fold(text);
  const ranges: MatchRange[] = [];
  for (const term of terms) for (const at of occurrences(folded, term)) ranges.push({ start: at, end: matchEnd(folded, at, term) });
  ranges.sort((a, b) => a.start - b.start);
  const merged: MatchRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/**
 * At most `width` characters of `text` on one line, starting a little before the first match so
 * that it shows; `…` marks what was cut.
 */
export function excerpt(text: string, ranges: readonly MatchRange[], width: number): { text: string; ranges: MatchRange[] } {
  const line = text.replace(/\s+/g, ' ');
  // Collapsing whitespace moves offsets: map each range through the same collapse.
  const shift = (offset: number) => text.slice(0, offset).replace(/\s+/g, ' ').length;
  let mapped = ranges.map((r) => ({ start: shift(r.start), end: shift(r.end) }));
  let start = mapped.length && mapped[0].end > width ? Math.max(0, mapped[0].start - Math.floor(width / 4)) : 0;
  // Never cut a surrogate pair in two.
  if (/[\uDC00-\uDFFF]/.test(line[start] ?? '')) start--;
  let end = Math.min(line.length, start + width);
  if (/[\uD800-\uDBFF]/.test(line[end - 1] ?? '')) end--;
  const prefix = start > 0 ? '…' : '';
  const suffix = end < line.length ? '…' : '';
  mapped = mapped
    .filter((r) => r.end > start && r.start < end)
    .map((r) => ({ start: Math.max(r.start, start) - start + prefix.length, end: Math.min(r.end, end) - start + prefix.length }));
  return { text: prefix + line.slice(start, end) + suffix, ranges: mapped };
}

/** `text` cut at the ranges' edges. */
export function splitByRanges(text: string, ranges: readonly MatchRange[]): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const range of ranges) {
    if (range.start > at) parts.push({ text: text.slice(at, range.start), match: false });
    if (range.end > range.start) parts.push({ text: text.slice(range.start, range.end), match: true });
    at = Math.max(at, range.end);
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}
