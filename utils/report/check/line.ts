/** What a rule module sees of one line, and what it leaves for the whole-document rules. Pure. */
import type { CheckOptions, CheckRuleId } from './types';
import type { CheckMessageKey } from './messages';
import { isProtected, protectedSpans, type Span } from './text';

/** A finding with offsets into its line. */
export interface LocalFinding {
  start: number;
  end: number;
  rule: CheckRuleId;
  key: CheckMessageKey;
  params: string[];
  fix?: string;
  /** Kept only in a Chinese document, or only in an official document (通知, 请示, 报告…). */
  when?: 'chinese' | 'official';
  /** An opening “ left open: fine when the next paragraph opens with “ (a quotation of several paragraphs). */
  openQuote?: boolean;
  /** The finding as last given out, at the line offset it was given for: lines an edit did not move give the same object. */
  built?: { offset: number; finding: import('./types').Finding };
}

export interface YearMention {
  start: number;
  year: number;
  /** In a comparison (较2022年, 比2022年, 同比): says nothing about the year the text is about. */
  comparison: boolean;
}

/** What one line noted for the rules that read the whole document. Offsets into the line. */
export interface LineFacts {
  han: number;
  latin: number;
  years?: YearMention[];
  /** Opening and closing corner brackets 「」『』 with the curly quote each stands for. */
  corners?: { start: number; fix: string; mark: string }[];
  curlyQuotes?: number;
  /** Numbers grouped with half-width commas (12,500), and how many large numbers are written without. */
  grouped?: { start: number; end: number; text: string }[];
  ungrouped?: number;
  /** Names of bodies ending in an institution word (市发展和改革委员会), by end offset; see consistency. */
  names?: { start: number; end: number; text: string; tails: string[] }[];
  /** Whether one of the names holds 和. */
  joinedName?: boolean;
  /** English dates by format family. */
  dates?: { start: number; end: number; family: string; text: string }[];
  /** Requests for approval (请批示, 请予批准). */
  requests?: { start: number; end: number; text: string }[];
}

export interface LineResult {
  findings: LocalFinding[];
  facts: LineFacts;
}

/** A line as the rules read it: without its \r, with its protected spans. */
export class LineView {
  readonly text: string;
  readonly hasHan: boolean;
  private spans: Span[] | null = null;
  constructor(
    raw: string,
    readonly options: CheckOptions | undefined,
    readonly facts: LineFacts,
    readonly findings: LocalFinding[],
  ) {
    this.text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    this.hasHan = facts.han > 0;
  }

  isProtected(start: number, end = start + 1): boolean {
    this.spans ??= protectedSpans(this.text);
    return this.spans.length > 0 && isProtected(this.spans, start, end);
  }

  add(finding: LocalFinding): void {
    this.findings.push(finding);
  }
}

export type LineRule = (line: LineView) => void;

/** Every match of a global RegExp in s. */
export function* matches(re: RegExp, s: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[0] === '') re.lastIndex++;
    yield m;
  }
}
