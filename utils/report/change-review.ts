/**
 * What sample import shows of its cleanup before saving: each change with the words around it,
 * identical changes as one row, and where a warning's text is once the writer has edited the
 * cleaned text. Pure: strings in, plain data out.
 */

export interface ChangeContext {
  /** The text just before the change, on its line: at most `width` characters. */
  lead: string;
  /** The text just after the change, on its line. */
  trail: string;
  /** The line goes on before `lead` / after `trail`. */
  leadCut: boolean;
  trailCut: boolean;
}

/**
 * The words around `text.slice(start, end)`: up to `width` characters (code points, so a
 * character outside the BMP is never split) on each side, stopping at the line's edges.
 */
export function changeContext(text: string, start: number, end: number, width = 10): ChangeContext {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndAt = text.indexOf('\n', end);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  const before = Array.from(text.slice(lineStart, start));
  const after = Array.from(text.slice(end, Math.max(end, lineEnd)));
  return {
    lead: before.slice(Math.max(0, before.length - width)).join(''),
    trail: after.slice(0, width).join(''),
    leadCut: before.length > width,
    trailCut: after.length > width,
  };
}

export interface ChangeGroup<C> {
  before: string;
  after: string;
  /** In the order they were given (document order). */
  changes: C[];
}

/** Changes that replace the same text by the same text, as one group each, in order of first occurrence. */
export function groupChanges<C extends { before: string; after: string }>(changes: readonly C[]): ChangeGroup<C>[] {
  const groups = new Map<string, ChangeGroup<C>>();
  for (const change of changes) {
    const key = `${change.before}\u0000${change.after}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { before: change.before, after: change.after, changes: [] }));
    group.changes.push(change);
  }
  return [...groups.values()];
}

/**
 * Where the text at `start..end` of `from` is in `to`, an edited copy of it: the same place
 * when the edits were elsewhere, else the occurrence of that text nearest to where it was;
 * null when the edits took it away.
 */
export function followRange(from: string, to: string, start: number, end: number): { start: number; end: number } | null {
  if (from === to) return { start, end };
  let prefix = 0;
  const shorter = Math.min(from.length, to.length);
  while (prefix < shorter && from.charCodeAt(prefix) === to.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && from.charCodeAt(from.length - 1 - suffix) === to.charCodeAt(to.length - 1 - suffix)) suffix++;
  if (end <= prefix) return { start, end };
  const shift = to.length - from.length;
  if (start >= from.length - suffix) return { start: start + shift, end: end + shift };
  const needle = from.slice(start, end);
  if (!needle) return null;
  let best: number | null = null;
  for (let at = to.indexOf(needle); at >= 0; at = to.indexOf(needle, at + 1)) {
    if (best === null || Math.abs(at - start) < Math.abs(best - start)) best = at;
  }
  return best === null ? null : { start: best, end: best + needle.length };
}
