/**
 * A rule written as plain text: the word or sign itself, found literally. It is stored as a
 * pattern like any other rule (the regular-expression syntax in it escaped), so the checklist
 * and cleanup run it unchanged; a stored pattern that is such an escape reads back as its text.
 */

const SYNTAX = /[\\^$.*+?()[\]{}|]/g;

/** The pattern that finds `text` exactly as written. */
export function literalPattern(text: string): string {
  return text.replace(SYNTAX, '\\$&');
}

/** The text `pattern` (with `flags`) finds literally, or null when it is a real regular expression. */
export function literalOf(pattern: string, flags = ''): string | null {
  if (flags !== '' || pattern === '') return null;
  let text = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined || !/[\\^$.*+?()[\]{}|]/.test(next)) return null;
      text += next;
      i++;
    } else if (/[\\^$.*+?()[\]{}|]/.test(c)) {
      return null;
    } else {
      text += c;
    }
  }
  return text;
}

/** The replacement String.prototype.replace reads as `text` itself (`$` doubled). */
export function literalReplacement(text: string): string {
  return text.replace(/\$/g, '$$$$');
}

/** The text a replacement stands for, or null when it refers to the match (`$1`, `$&`). */
export function literalOfReplacement(replacement: string): string | null {
  const parts = replacement.split('$$');
  if (parts.some((part) => part.includes('$'))) return null;
  return parts.join('$');
}
