/**
 * What every blank finder shares: the placeholder's shape and kinds, and how characters are
 * told apart. Pure. Offsets are UTF-16 code units.
 */

export type PlaceholderKind =
  | 'year'
  | 'date'
  /** A time of day or a moment (`填发时间＿＿＿＿`, `{{TIMESTAMP}}`). */
  | 'time'
  | 'count'
  /** A sum of money (`＿＿＿＿元`, `租金：      `, `[Base salary]`). */
  | 'amount'
  | 'percent'
  /** A number that identifies, not counts: a case or document number, an account (`第××号`, `编号：    `). */
  | 'number'
  | 'phone'
  | 'place'
  | 'name'
  | 'named'
  /** A blank after a label on a form line (`联系人：      `); its name is the label. */
  | 'field'
  /** Text to write as a bracketed note asks (`【具体做法和成效，含数据支撑】`). */
  | 'instruction'
  /** A place for a signature or a seal (`（盖章）`, `签字：`). */
  | 'sign'
  /** A box to tick (`□同意`). */
  | 'tickbox'
  | 'free';

/** Every kind, in the order the checklist groups them and the settings list them. */
export const PLACEHOLDER_KINDS: readonly PlaceholderKind[] = [
  'year', 'date', 'time', 'count', 'amount', 'percent', 'number', 'phone', 'place', 'name', 'named', 'field', 'instruction', 'sign', 'tickbox', 'free',
];

export interface Placeholder {
  start: number;
  end: number;
  /** `input.slice(start, end)`. A unit that types an x-run (`年`, `次`, `%`) stays outside. */
  text: string;
  kind: PlaceholderKind;
  /** Label of a named placeholder or a field: `{{单位}}` → `单位`, `联系人：____` → `联系人`. */
  name?: string;
  /** Id of the built-in or user rule that matched. */
  rule: string;
}

/** Code of the character `i`, or NaN outside the text. */
export const at = (text: string, i: number) => text.charCodeAt(i);

export const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Part of a Latin (or Greek, Cyrillic, full-width Latin) word or number. */
export function isWordChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x5f ||
    (c >= 0xc0 && c <= 0x4ff && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0xff10 && c <= 0xff19) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a)
  );
}

export const isHan = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/** Chinese text or punctuation, full-width forms. */
export const isCjkContext = (c: number) =>
  (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xffef);

/** A space a writer leaves to be filled: ASCII, no-break or ideographic. */
export const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;

export const isBlank = (s: string) => /^[ \t\u00a0\u3000]*$/.test(s);

/**
 * How many empty lines a blank's judgement reads past to the next line with words (a caption
 * under a line to write on, the row under a row of cells): an edit there rescans the line above.
 */
export const LINES_READ_BELOW = 5;

export function make(
  text: string,
  start: number,
  end: number,
  kind: PlaceholderKind,
  rule: string,
  name?: string,
): Placeholder {
  const found: Placeholder = { start, end, text: text.slice(start, end), kind, rule };
  if (name !== undefined) found.name = name;
  return found;
}
