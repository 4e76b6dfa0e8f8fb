/**
 * Abbreviations: a short code typed in the page (`zjbg` for 总结报告) followed by the trigger key
 * becomes its snippet. Loaded into the content script on every page, so it stays tiny.
 */

/** What an abbreviation may be: 1 to 32 ASCII letters and digits, so that it is one word. */
export const ABBREVIATION = /^[a-z\d]{1,32}$/i;

/**
 * The known abbreviation that `before` (the text up to the caret) ends with, or null. It is a
 * whole word: right after Chinese text, a space or punctuation counts; `xzj` does not expand
 * `zj`.
 */
export function abbreviationBefore(before: string, known: ReadonlySet<string>): string | null {
  const word = /[a-z\d]*$/i.exec(before)![0];
  return known.has(word) ? word : null;
}
