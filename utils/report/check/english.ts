/**
 * English text: one space between words, brackets in pairs, nothing left "to be done", one date
 * format per document. On lines without Chinese characters, except TBD, which is looked for
 * everywhere. Pure.
 */
import type { DocFinding, DocView } from './doc';
import { matches, type LineView } from './line';

const RE_TBD = /\b(?:TBD|TBC|TODO|FIXME)\b/g;

/** TBD, TBC, TODO and FIXME; returns where each starts, so the placeholder rule does not report them again. */
export function tbd(line: LineView): Set<number> {
  const at = new Set<number>();
  if (!/TB[DC]|TODO|FIXME/.test(line.text)) return at;
  for (const m of matches(RE_TBD, line.text)) {
    if (line.isProtected(m.index, m.index + m[0].length)) continue;
    at.add(m.index);
    line.add({ start: m.index, end: m.index + m[0].length, rule: 'tbd', key: 'checkTbd', params: [m[0]] });
  }
  return at;
}

function doubleSpaces(line: LineView): void {
  for (const m of matches(/(?<=[^\s]) {2,}(?=[^\s])/g, line.text)) {
    if (line.isProtected(m.index, m.index + m[0].length)) continue;
    line.add({ start: m.index, end: m.index + m[0].length, rule: 'double-space', key: 'checkDoubleSpace', params: [], fix: ' ' });
  }
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSE: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

function brackets(line: LineView): void {
  const s = line.text;
  // A list marker (`a)`, `2)`, `iv)`) opening the line closes nothing.
  const marker = /^\s*(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,5})\)/.exec(s);
  const stack: number[] = [];
  const unmatched: number[] = [];
  for (let i = marker ? marker[0].length : 0; i < s.length; i++) {
    const c = s[i];
    if (OPEN[c]) stack.push(i);
    else if (CLOSE[c]) {
      // Smileys and `:)`-like marks are not brackets.
      if (c === ')' && /[:;]/.test(s[i - 1] ?? '')) continue;
      if (stack.length && s[stack[stack.length - 1]] === CLOSE[c]) stack.pop();
      else unmatched.push(i);
    }
  }
  for (const i of [...unmatched, ...stack].sort((a, b) => a - b)) {
    if (line.isProtected(i)) continue;
    line.add({ start: i, end: i + 1, rule: 'unbalanced-bracket', key: 'checkUnbalancedBracket', params: [s[i]] });
  }
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const DATE_FAMILIES: { family: string; example: string; re: RegExp }[] = [
  { family: 'iso', example: '2023-06-01', re: /\b(?:19|20)\d{2}-\d{2}-\d{2}\b/g },
  { family: 'numeric', example: '6/1/2023', re: /\b\d{1,2}\/\d{1,2}\/(?:19|20)?\d{2}\b/g },
  { family: 'month-day', example: 'June 1, 2023', re: new RegExp(`\\b(?:${MONTHS})\\.? \\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\\d{2}\\b`, 'g') },
  { family: 'day-month', example: '1 June 2023', re: new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS})\\.?,? (?:19|20)\\d{2}\\b`, 'g') },
];

function dateFacts(line: LineView): void {
  if (!/\d/.test(line.text)) return;
  for (const { family, re } of DATE_FAMILIES) {
    for (const m of matches(re, line.text)) {
      if (line.isProtected(m.index, m.index + m[0].length)) continue;
      (line.facts.dates ??= []).push({ start: m.index, end: m.index + m[0].length, family, text: m[0] });
    }
  }
}

export function englishLine(line: LineView): void {
  if (line.hasHan || line.facts.latin === 0) return;
  if (line.text.includes('  ')) doubleSpaces(line);
  if (/[()[\]{}]/.test(line.text)) brackets(line);
  dateFacts(line);
}

/** Dates in the document's less used formats, when it uses more than one. */
export function englishDocument(doc: DocView, out: DocFinding[]): void {
  const counts = new Map<string, number>();
  for (const r of doc.results) for (const d of r.facts.dates ?? []) counts.set(d.family, (counts.get(d.family) ?? 0) + 1);
  if (counts.size < 2) return;
  // The format used most (the first seen on a tie) is the document's.
  const main = [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  const example = doc.results.flatMap((r) => r.facts.dates ?? []).find((d) => d.family === main[0])!.text;
  doc.results.forEach((r, i) => {
    for (const d of r.facts.dates ?? []) {
      if (d.family === main[0]) continue;
      const start = doc.starts[i] + d.start;
      out.push({ start, end: start + d.text.length, rule: 'date-format', key: 'checkDateFormat', params: [d.text, example] });
    }
  });
}
