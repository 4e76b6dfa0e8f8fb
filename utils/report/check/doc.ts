/** What the whole-document rules see: the lines, where each starts, what each noted. Pure. */
import type { DocumentKind } from './types';
import type { LineResult, LocalFinding } from './line';

export interface DocView {
  text: string;
  /** Lines as split at \n; a CRLF line keeps its \r. */
  lines: readonly string[];
  starts: readonly number[];
  results: readonly LineResult[];
  /** More Chinese than English. */
  chinese: boolean;
  kind: DocumentKind;
  /** Index of the title line, -1 when none was found. */
  titleIndex: number;
}

/** A whole-document finding: offsets into the text. */
export type DocFinding = LocalFinding;

/** A line without its \r. */
export function lineText(doc: DocView, i: number): string {
  const raw = doc.lines[i];
  return raw.endsWith('\r') ? raw.slice(0, -1) : raw;
}

/** Index of the next non-blank line after i, or -1. */
export function nextNonBlank(doc: DocView, i: number): number {
  for (let j = i + 1; j < doc.lines.length; j++) if (doc.lines[j].trim()) return j;
  return -1;
}

/** The official kinds: those GB/T 9704 lays out (a 报告 of a unit's work included). */
export function isOfficial(kind: DocumentKind): boolean {
  return kind !== 'other';
}
