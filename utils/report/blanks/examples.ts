/**
 * Worked examples: a form's guide may end with the form filled in for reference
 * (`三、举一范例供制作时参考：`). Its `××` and gaps show how to fill the form, and are not blanks
 * of the document. A heading is read far above the lines it covers, so this is a pass over the
 * whole list, after the line-by-line scan. Pure.
 */
import { lineStartWithin } from '../lines';
import type { Placeholder } from './core';

/** The numbering a heading may open with: `三、`, `3.`, `（三）`. */
const NUMBERING = String.raw`[一二三四五六七八九十]+、|\d{1,2}[、．.][ \t\u3000]?|（[一二三四五六七八九十]+）`;

/** A short heading that announces a filled-in example, numbered as a part of the guide or as its appendix: `三、举一范例供制作时参考：`, `附：填写示例`. A bare `示例：` shows a line or two, not a part. */
const EXAMPLE_HEADING = new RegExp(String.raw`^[ \t\u3000]*(?:(${NUMBERING})|附[：:]?)[^\s。；，,]{0,10}(?:范例|示例|样例|例文)[^\s。；，,]{0,10}[：:]?[ \t\u3000\r]*$`);

/** The longest line read as a heading: a sentence that mentions an example is not one. */
const MAX_HEADING = 40;

/** `[from, to)` of every worked example in the text: from the end of its heading to the next heading of its rank, or the end. */
export function workedExamples(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let i = text.indexOf('例'); i !== -1; i = text.indexOf('例', i + 1)) {
    // Only a short line is read: its start and end are looked for no further than a heading reaches.
    const start = lineStartWithin(text, i, MAX_HEADING);
    if (start === -1) continue;
    const breakAt = text.slice(i, start + MAX_HEADING + 1).indexOf('\n');
    if (breakAt === -1 && start + MAX_HEADING < text.length) continue;
    const end = breakAt === -1 ? text.length : i + breakAt;
    const heading = EXAMPLE_HEADING.exec(text.slice(start, end));
    if (!heading) continue;
    const to = nextHeadingOfRank(text, end, heading[1]);
    ranges.push([end, to]);
    // An example inside this one is covered already.
    i = Math.max(i, to - 1);
  }
  return ranges;
}

/**
 * A line that opens with a numbering of the heading's rank or a higher one (`一、` above `（一）`
 * above `1.`), which ends the example; an appendix's example ends at any numbered heading.
 */
function rankOf(numbering: string | undefined): RegExp {
  if (numbering === undefined || /^\d/.test(numbering)) return /\n[ \t\u3000]*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[、．.](?!\d))/g;
  if (numbering.startsWith('（')) return /\n[ \t\u3000]*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/g;
  return /\n[ \t\u3000]*[一二三四五六七八九十]+、/g;
}

/** Where the first line after the heading's end `from` that ends its example starts, or the text's end. */
function nextHeadingOfRank(text: string, from: number, numbering: string | undefined): number {
  const rank = rankOf(numbering);
  rank.lastIndex = from;
  const next = rank.exec(text);
  return next ? next.index + 1 : text.length;
}

/** The list without the blanks inside worked examples. `found` is in document order. */
export function setExamplesAside(text: string, found: Placeholder[]): Placeholder[] {
  if (found.length === 0 || !text.includes('例')) return found;
  const examples = workedExamples(text);
  if (examples.length === 0) return found;
  let k = 0;
  return found.filter((p) => {
    while (k < examples.length && examples[k][1] <= p.start) k++;
    return !(k < examples.length && p.start >= examples[k][0]);
  });
}
