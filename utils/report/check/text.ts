/** Character classes and the spans of a line the check leaves alone. Pure. */

export function isHanCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

export function isHanAt(s: string, i: number): boolean {
  return i >= 0 && i < s.length && isHanCode(s.charCodeAt(i));
}

export const RE_HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';

/** Full-width closing marks after which Chinese punctuation follows as it would after a character. */
export const CLOSING_MARKS = '”’）》】〕」』';
/** Full-width opening marks. */
export const OPENING_MARKS = '“‘（《【〔「『';

export type Span = readonly [number, number];

// A URL or e-mail address runs to the first space or Chinese character or punctuation.
const RE_URL = /(?:https?:\/\/|ftp:\/\/|www\.)[^\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
const RE_CODE = /`[^`\n]*`/g;
const RE_TITLE_MARK = /[《》]/g;
// A quotation holding no Chinese character quotes foreign text.
const RE_FOREIGN_QUOTE = /“[^“”\u3400-\u9fff]*[A-Za-z][^“”\u3400-\u9fff]*”|"[^"\u3400-\u9fff]*[A-Za-z][^"\u3400-\u9fff]*"/g;

/**
 * The spans of a line no punctuation, number or format rule looks into: the inside of 《titles》,
 * URLs and e-mail addresses, `code`, and quotations of foreign text. Sorted, possibly nested.
 */
export function protectedSpans(line: string): Span[] {
  const spans: [number, number][] = [];
  if (line.includes('《')) {
    let depth = 0;
    let open = -1;
    RE_TITLE_MARK.lastIndex = 0;
    for (let m = RE_TITLE_MARK.exec(line); m; m = RE_TITLE_MARK.exec(line)) {
      if (m[0] === '《') {
        if (depth++ === 0) open = m.index + 1;
      } else if (depth > 0 && --depth === 0) {
        spans.push([open, m.index]);
      }
    }
  }
  const add = (re: RegExp) => {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) spans.push([m.index, m.index + m[0].length]);
  };
  if (/[:@.]/.test(line)) add(RE_URL);
  if (line.includes('`')) add(RE_CODE);
  // In English text a quotation is text like any other.
  if (/[“"]/.test(line) && RE_HAN.test(line)) add(RE_FOREIGN_QUOTE);
  return spans.sort((a, b) => a[0] - b[0]);
}

/** Whether [start, end) overlaps a protected span. */
export function isProtected(spans: readonly Span[], start: number, end = start + 1): boolean {
  for (const [s, e] of spans) {
    if (s >= end) return false;
    if (e > start) return true;
  }
  return false;
}

/** ０-９ → 0-9. */
export function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
