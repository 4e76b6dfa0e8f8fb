/**
 * Blanks that the page or the file they came from wrapped onto the next line: a note in brackets
 * (`……（复议机关名` then `称）`), a date after its `年` or `月` (`××××年` then `××月××日`). The scan
 * reads them whole; the checklist's rescan asks here which lines one may join. Pure.
 */

/** The indentation a wrapped line may start with. */
const WRAP_INDENT = String.raw`[ \t\u3000]{0,8}`;

/** A note in brackets that runs on from the end of its line into the next one, and closes there. */
export const WRAPPED_NOTE = String.raw`[（(][^（）()\r\n]{1,120}\r?\n${WRAP_INDENT}[^（）()\r\n]{1,120}[）)]`;

/** The line break where a note was wrapped, and the next line's indentation. */
const NOTE_WRAP = new RegExp(String.raw`\r?\n${WRAP_INDENT}`);
/** The next line closing a note the line before left open. */
const NOTE_GOES_ON = new RegExp(String.raw`^\r?\n${WRAP_INDENT}[^（）()\r\n]{1,120}[）)]`);

/** A wrapped note's words read as one line: its one line break and the indentation after it taken out. */
export function unwrapNote(note: string): string {
  return note.replace(NOTE_WRAP, '');
}

/** Whether the note left open at the line's end `lineEnd` closes at the start of the next line. */
export function closesOnNextLine(text: string, lineEnd: number): boolean {
  return NOTE_GOES_ON.test(text.slice(lineEnd, lineEnd + 140));
}

/** The line break and indentation between the parts of a wrapped date. */
export const DATE_WRAP = new RegExp(String.raw`^\r?\n${WRAP_INDENT}$`);
/** The longest part of a date read at the start of a wrapped line. */
export const MAX_WRAPPED_PART = 20;
/** A line that opens with a date's part and unit: all that may follow DATE_WRAP. */
const DATE_GOES_ON = new RegExp(String.raw`^${WRAP_INDENT}[\dxX×ｘＸ*＊□○〇_＿ \u00a0\u3000]{1,${MAX_WRAPPED_PART}}[月日号]`);

/** How far back from a line's end a wrapped note may open, and how far into the next line it may close (the longest note read after dots is 160). */
const NOTE_REACH = 170;

/**
 * Whether the line ending at the break `nl` may run on into the next: it ends with `年` or `月`
 * and the next opens with the rest of a date, or its last bracket opens a note and the next
 * line's first bracket closes one.
 */
export function joinsNextLine(text: string, nl: number): boolean {
  const end = text[nl - 1] === '\r' ? nl - 1 : nl;
  const unit = text[end - 1];
  if ((unit === '年' || unit === '月') && DATE_GOES_ON.test(text.slice(nl + 1, nl + 1 + 40))) return true;
  return lastBracketOpens(text, end) && firstBracketCloses(text, nl + 1);
}

function lastBracketOpens(text: string, end: number): boolean {
  for (let i = end - 1; i >= 0 && end - i <= NOTE_REACH && text[i] !== '\n'; i--) {
    const c = text[i];
    if (c === '）' || c === ')') return false;
    if (c === '（' || c === '(') return true;
  }
  return false;
}

function firstBracketCloses(text: string, start: number): boolean {
  for (let i = start; i < text.length && i - start < NOTE_REACH && text[i] !== '\n'; i++) {
    const c = text[i];
    if (c === '（' || c === '(') return false;
    if (c === '）' || c === ')') return true;
  }
  return false;
}
