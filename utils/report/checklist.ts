/**
 * The placeholder checklist kept current as the writer types: after an edit only the lines it
 * touched are scanned again, and the rest of the list is shifted. Pure.
 */
import { findPlaceholdersInRange, type FindOptions, type Placeholder, type PlaceholderKind } from './placeholders';
import { lineEndOf, lineStartOf } from './lines';
import type { TextDelta } from './text-delta';

/** The list after `delta` turned the old text into `text`. */
export function updatePlaceholders(previous: Placeholder[], text: string, delta: TextDelta, options?: FindOptions): Placeholder[] {
  const shift = delta.inserted.length - delta.removed;
  const editEnd = delta.start + delta.inserted.length;
  // The lines around the edit, in the new text; everything found there is found again.
  const lineStart = lineStartOf(text, delta.start);
  const lineEnd = lineEndOf(text, editEnd);
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

const KIND_ORDER: readonly PlaceholderKind[] = ['year', 'date', 'count', 'percent', 'place', 'name', 'named', 'free'];

/** Placeholders by kind, kinds in a fixed order, each group in document order. One pass. */
export function groupByKind(list: Placeholder[]): PlaceholderGroup[] {
  const byKind = new Map<PlaceholderKind, Placeholder[]>(KIND_ORDER.map((kind) => [kind, []]));
  for (const p of list) byKind.get(p.kind)!.push(p);
  return KIND_ORDER.map((kind) => ({ kind, items: byKind.get(kind)! })).filter((g) => g.items.length);
}

/**
 * Kinds whose blanks stand for one value wherever they are: the report's year, the date, the
 * place. Counts, percentages, names and blanks each ask for their own value: two `xx项` are
 * two different figures, so they are never filled together.
 */
const SHARED_VALUE_KINDS: ReadonlySet<PlaceholderKind> = new Set(['year', 'date', 'place']);

/**
 * What placeholders filled together share, or null for one filled alone: the same named field
 * (`{{单位}}` by name), or the same text, kind and unit (the character after it: `xx市` and
 * `xx区` are different places).
 */
function fillTogetherKey(text: string, p: Placeholder): string | null {
  if (p.name !== undefined) return `name:${p.name}`;
  if (!SHARED_VALUE_KINDS.has(p.kind)) return null;
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
