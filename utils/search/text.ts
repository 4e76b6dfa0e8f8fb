/**
 * How snippet text and queries are compared: folded to one case and width, and cut into terms.
 *
 * Chinese (and Japanese kana) is written without spaces, so a run of those characters is one
 * term matched as a substring; the index finds candidates by its character bigrams. Bigrams,
 * not Intl.Segmenter: a segmenter cuts 政治建设 into 政治|建设 by its dictionary, so a query
 * that straddles its cut (治建) or a word it does not know (a unit's name) would be missed, and
 * its cuts differ between browsers and ICU versions. Every substring of two or more characters
 * is made of bigrams, so bigrams never miss one, and each candidate is confirmed as a real
 * substring. Other scripts (English, digits) are words, matched by prefix.
 */

/** A search term: a run of CJK characters (substring match) or a word (prefix match). */
export interface Term {
  text: string;
  cjk: boolean;
}

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;

/**
 * Lower case, full-width letters and digits as ASCII. Keeps every UTF-16 offset, so ranges
 * found in the folded text are ranges of the original (İ is the one letter whose lower case is
 * longer; it folds to i).
 */
export function fold(text: string): string {
  return text
    .replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u0130/g, 'i')
    .toLowerCase();
}

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3007\u30FC]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const NONE = 1;
const WORD = 2;
const CJK_CHAR = 3;
/** Class of each BMP code point seen so far (0: not yet): the index reads millions of them. */
const classes = new Uint8Array(0x10000);

/** Whether a code point starts or continues a word, a CJK run, or neither. */
function classOf(code: number): number {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? WORD : NONE;
  if (code < 0x10000 && classes[code]) return classes[code];
  const char = String.fromCodePoint(code);
  const found = CJK.test(char) ? CJK_CHAR : LETTER_OR_DIGIT.test(char) ? WORD : NONE;
  if (code < 0x10000) classes[code] = found;
  return found;
}

/** The terms of already folded text, in order: runs of CJK characters, and words. */
export function termsOf(folded: string): Term[] {
  const terms: Term[] = [];
  let start = 0;
  let kind = NONE;
  for (let i = 0; i < folded.length; ) {
    const code = folded.codePointAt(i)!;
    const next = classOf(code);
    if (next !== kind) {
      if (kind !== NONE) terms.push({ text: folded.slice(start, i), cjk: kind === CJK_CHAR });
      start = i;
      kind = next;
    }
    i += code > 0xffff ? 2 : 1;
  }
  if (kind !== NONE) terms.push({ text: folded.slice(start), cjk: kind === CJK_CHAR });
  return terms;
}

/** The distinct terms of a query, folded. */
export function queryTerms(query: string): Term[] {
  const seen = new Set<string>();
  return termsOf(fold(query)).filter((t) => !seen.has(t.text) && !!seen.add(t.text));
}

/** Whether the code point at `at` belongs to a word (a letter or digit outside CJK). */
function isWordChar(text: string, at: number): boolean {
  const code = text.codePointAt(at);
  return code !== undefined && classOf(code) === WORD;
}

/** Whether the character before `at` continues a word, so a match there is not at a word start. */
function continuesWord(text: string, at: number): boolean {
  if (at === 0) return false;
  const code = text.charCodeAt(at - 1);
  // A low surrogate: the code point starts one unit earlier.
  return isWordChar(text, code >= 0xdc00 && code <= 0xdfff && at >= 2 ? at - 2 : at - 1);
}

/**
 * Where `term` occurs in folded `text`: every occurrence of a CJK term; a word term only at the
 * start of a word (`rep` in `report`, not in `prepare`). Offsets of the occurrences' starts.
 */
export function occurrences(text: string, term: Term, limit = Infinity): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(term.text); at >= 0 && found.length < limit; at = text.indexOf(term.text, at + 1)) {
    if (term.cjk || !continuesWord(text, at)) found.push(at);
  }
  return found;
}

/** Whether folded `text` holds `term` (see occurrences). */
export function contains(text: string, term: Term): boolean {
  return occurrences(text, term, 1).length > 0;
}

/** Where the match of `term` at `at` ends for a highlight: a word term covers its whole word. */
export function matchEnd(text: string, at: number, term: Term): number {
  let end = at + term.text.length;
  if (!term.cjk) while (end < text.length && isWordChar(text, end)) end += text.codePointAt(end)! > 0xffff ? 2 : 1;
  return end;
}
