/** The difference between two versions of a document as one replaced span. Pure. */

export interface TextDelta {
  /** Offset in the old text where the change starts. */
  start: number;
  /** How many characters of the old text were replaced. */
  removed: number;
  /** What replaced them. */
  inserted: string;
}

/** The smallest single span that turns `before` into `after` (common prefix and suffix kept). */
export function diffText(before: string, after: string): TextDelta | null {
  if (before === after) return null;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never split a surrogate pair: an astral character is changed whole.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  if (endBefore < before.length && isLowSurrogate(before.charCodeAt(endBefore))) {
    endBefore++;
    endAfter++;
  }
  return { start, removed: endBefore - start, inserted: after.slice(start, endAfter) };
}

export function applyDelta(text: string, delta: TextDelta): string {
  return text.slice(0, delta.start) + delta.inserted + text.slice(delta.start + delta.removed);
}

function isHighSurrogate(code: number) {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number) {
  return code >= 0xdc00 && code <= 0xdfff;
}
