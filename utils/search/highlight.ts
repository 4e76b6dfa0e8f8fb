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
 * that it shows; `…` marks what was cut. One pass over `text`: offsets are mapped through the
 * whitespace collapse as it is made.
 */
export function excerpt(text: string, ranges: readonly MatchRange[], width: number): { text: string; ranges: MatchRange[] } {
  // collapsed[i]: where offset i of `text` lands once each run of whitespace is one space.
  const collapsed = new Uint32Array(text.length + 1);
  let line = '';
  for (let i = 0; i < text.length; ) {
    collapsed[i] = line.length;
    if (/\s/.test(text[i])) {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j])) collapsed[j++] = line.length + 1;
      line += ' ';
      i = j;
    } else {
      line += text[i++];
    }
  }
  collapsed[text.length] = line.length;
  let mapped = ranges.map((r) => ({ start: collapsed[r.start], end: collapsed[r.end] }));
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

/** How much text is folded at a time while looking for the first match. */
const SEARCH_CHUNK = 4096;
/** Raw text kept around the first match: enough for an excerpt even after whitespace collapses. */
const WINDOW_FACTOR = 4;

/** Offset of the first match of any term in `text`, looked for a chunk at a time, or -1. */
function firstMatch(text: string, terms: readonly Term[]): number {
  const longest = Math.max(0, ...terms.map((t) => t.text.length));
  for (let from = 0; from < text.length; from += SEARCH_CHUNK) {
    // One character before the chunk tells whether a word starts there; the chunk runs on so
    // that a match across its end is seen.
    const context = from > 0 ? 1 : 0;
    const folded = fold(text.slice(from - context, from + SEARCH_CHUNK + longest));
    let best = -1;
    for (const term of terms) {
      const [at] = occurrences(folded, term, 1);
      if (at !== undefined && at >= context && (best < 0 || at < best)) best = at;
    }
    if (best >= 0) return from - context + best;
  }
  return -1;
}

/**
 * The excerpt of a long text for a search result, marked: the work is bounded by a window
 * around the first match, so a 1 MB snippet costs what a short one does (the match is looked
 * for a chunk at a time; the window alone is collapsed and marked).
 */
export function matchExcerpt(text: string, terms: readonly Term[], width: number): { text: string; ranges: MatchRange[] } {
  const first = terms.length ? firstMatch(text, terms) : -1;
  const from = Math.max(0, first - width);
  let to = Math.min(text.length, Math.max(first, 0) + width * WINDOW_FACTOR);
  if (from === 0 && to === text.length) return excerpt(text, matchRanges(text, terms), width);
  // Whitespace collapses: grow the window until it holds enough text to show.
  while (to < text.length && text.slice(from, to).replace(/\s+/g, ' ').length < width * 2) to = Math.min(text.length, from + (to - from) * 2);
  // The character before the window decides whether a word starts at its first offset.
  const context = from > 0 ? 1 : 0;
  const window = text.slice(from - context, to);
  const ranges = matchRanges(window, terms)
    .filter((r) => r.start >= context)
    .map((r) => ({ start: r.start - context, end: r.end - context }));
  const shown = excerpt(window.slice(context), ranges, width);
  const cutBefore = from > 0 && !shown.text.startsWith('…');
  const cutAfter = to < text.length && !shown.text.endsWith('…');
  return {
    text: (cutBefore ? '…' : '') + shown.text + (cutAfter ? '…' : ''),
    ranges: cutBefore ? shown.ranges.map((r) => ({ start: r.start + 1, end: r.end + 1 })) : shown.ranges,
  };
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
