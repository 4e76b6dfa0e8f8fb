/**
 * Runs the rules: each line is read once by every line rule, and the rules that read the whole
 * document work from what the lines noted, so after an edit only the lines it touched are read
 * again. The outline is parsed again only when the edit touched a line that could be a heading.
 * Pure.
 */
import { applyDelta, type TextDelta } from '../text-delta';
import type { CheckOptions, Finding } from './types';
import { englishMessage } from './messages';
import { RULE_BY_ID } from './rules';
import { LineView, type LineResult, type LineFacts, type LocalFinding } from './line';
import { isOfficial, type DocFinding, type DocView } from './doc';
import { formatDocument, formatLine, headingFindings, headingFindingsOfLines, outlineLine, outlineSensitive } from './format';
import { punctuationDocument, punctuationLine } from './punctuation';
import { numbersDocument, numbersLine } from './numbers';
import { leftoversLine } from './leftovers';
import { consistencyDocument, consistencyLine } from './consistency';
import { kindDocument, kindLine, titleAndKind } from './kind';
import { englishDocument, englishLine } from './english';

export interface CheckState {
  readonly text: string;
  readonly options: CheckOptions | undefined;
  readonly findings: Finding[];
  /** Lines as split at \n, with what each found and noted. */
  readonly lines: readonly string[];
  readonly results: readonly LineResult[];
  /** Findings of the outline, with offsets into `text`, and whether they were for a Chinese document. */
  readonly headings: { chinese: boolean; findings: DocFinding[] };
  /** Each line as the outline reads it (see outlineLine). */
  readonly outlineLines: readonly string[];
}

const LINE_RULES = [formatLine, punctuationLine, numbersLine, leftoversLine, consistencyLine, kindLine, englishLine];

function countScripts(text: string): LineFacts {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  return { han, latin };
}

export function analyseLine(raw: string, options: CheckOptions | undefined): LineResult {
  const facts = countScripts(raw);
  const findings: LocalFinding[] = [];
  if (!raw.trim()) return { findings, facts };
  const line = new LineView(raw, options, facts, findings);
  for (const rule of LINE_RULES) rule(line);
  // An advertising line goes whole: what else it holds is not worth a finding.
  if (findings.some((f) => f.rule === 'advertising')) return { findings: findings.filter((f) => f.rule === 'advertising'), facts };
  return { findings, facts };
}

function lineStarts(lines: readonly string[]): number[] {
  const starts = new Array<number>(lines.length);
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = at;
    at += lines[i].length + 1;
  }
  return starts;
}

function isChinese(results: readonly LineResult[]): boolean {
  let han = 0;
  let latin = 0;
  for (const r of results) {
    han += r.facts.han;
    latin += r.facts.latin;
  }
  // A Chinese character carries about as much as a short English word.
  return han > 0 && han * 4 >= latin;
}

function toFinding(f: LocalFinding, offset: number): Finding {
  if (f.built?.offset === offset) return f.built.finding;
  const rule = RULE_BY_ID.get(f.rule)!;
  const message = f.built?.finding.message ?? englishMessage(f.key, f.params);
  const finding: Finding = {
    start: f.start + offset,
    end: f.end + offset,
    rule: f.rule,
    severity: rule.severity,
    message,
    messageKey: f.key,
    params: f.params,
    ...(f.fix !== undefined ? { fix: f.fix } : {}),
  };
  f.built = { offset, finding };
  return finding;
}

/** The first line after line `i` with anything written on it, or ''. */
function nextWrittenLine(lines: readonly string[], i: number): string {
  for (let j = i + 1; j < lines.length; j++) if (lines[j].trim() !== '') return lines[j];
  return '';
}

function assemble(text: string, lines: readonly string[], results: readonly LineResult[], headings: CheckState['headings'], options: CheckOptions | undefined): Finding[] {
  const starts = lineStarts(lines);
  const { index: titleIndex, kind: toldKind } = titleAndKind(lines);
  const doc: DocView = { text, lines, starts, results, chinese: headings.chinese, kind: options?.kind ?? toldKind, titleIndex };
  const official = isOfficial(doc.kind);
  const disabled = new Set(options?.disabled ?? []);
  const found: Finding[] = [];
  results.forEach((r, i) => {
    for (let k = 0; k < r.findings.length; k++) {
      const f = r.findings[k];
      if (disabled.has(f.rule)) continue;
      if (f.when === 'chinese' && !doc.chinese) continue;
      if (f.when === 'official' && !official) continue;
      // A quotation of several paragraphs leaves each open but the last (GB/T 15834-2011 4.8.3.4),
      // the paragraphs with or without an empty line between them.
      if (f.openQuote && /^[ \t\u3000]*“/.test(nextWrittenLine(lines, i))) continue;
      found.push(toFinding(f, starts[i]));
    }
  });
  const whole: DocFinding[] = [...headings.findings];
  formatDocument(doc, whole);
  punctuationDocument(doc, whole);
  numbersDocument(doc, whole);
  consistencyDocument(doc, whole);
  kindDocument(doc, whole);
  englishDocument(doc, whole);
  for (const f of whole) if (!disabled.has(f.rule)) found.push(toFinding(f, 0));
  return found.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

export function createCheckState(text: string, options?: CheckOptions): CheckState {
  const lines = text.split('\n');
  const results = lines.map((line) => analyseLine(line, options));
  const chinese = isChinese(results);
  const headings = { chinese, findings: headingFindings(text, chinese) };
  const outlineLines = lines.map(outlineLine);
  return { text, options, lines, results, headings, outlineLines, findings: assemble(text, lines, results, headings, options) };
}

/** Index of the line holding offset `at` (binary search on line starts). */
function lineIndexAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

export function updateCheckState(previous: CheckState, edit: TextDelta): CheckState {
  const { options } = previous;
  const text = applyDelta(previous.text, edit);
  const starts = lineStarts(previous.lines);
  const first = lineIndexAt(starts, edit.start);
  const last = lineIndexAt(starts, edit.start + edit.removed);
  const piece =
    previous.lines[first].slice(0, edit.start - starts[first]) + edit.inserted + previous.lines[last].slice(edit.start + edit.removed - starts[last]);
  const replaced = piece.split('\n');
  const lines = [...previous.lines.slice(0, first), ...replaced, ...previous.lines.slice(last + 1)];
  const results = [...previous.results.slice(0, first), ...replaced.map((line) => analyseLine(line, options)), ...previous.results.slice(last + 1)];
  const chinese = isChinese(results);
  // The outline changes only when a line that could be a heading or a closing part was touched
  // (or the line after them, which may now follow a heading), or the document changed language.
  const touched = [...previous.lines.slice(first, last + 1), ...replaced, lines[first + replaced.length] ?? ''];
  const reparse = chinese !== previous.headings.chinese || touched.some(outlineSensitive);
  const outlineLines = [...previous.outlineLines.slice(0, first), ...replaced.map(outlineLine), ...previous.outlineLines.slice(last + 1)];
  let headings: CheckState['headings'];
  if (reparse) headings = { chinese, findings: headingFindingsOfLines(outlineLines, lineStarts(lines), chinese) };
  else {
    const shift = edit.inserted.length - edit.removed;
    const editEnd = edit.start + edit.removed;
    headings = { chinese, findings: previous.headings.findings.map((f) => (f.start >= editEnd ? { ...f, start: f.start + shift, end: f.end + shift, built: undefined } : f)) };
  }
  return { text, options, lines, results, headings, outlineLines, findings: assemble(text, lines, results, headings, options) };
}
