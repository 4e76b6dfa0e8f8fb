/**
 * Reads the hand-labelled corpus: `tests/fixtures/corpus/<id>.txt` with `<id>.labels.json`, and
 * the held-out documents in `tests/fixtures/corpus/outside/` and `tests/fixtures/corpus/held-out/`
 * (see LABELLING.md and SOURCES.md).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LabelledBlank } from './corpus-score';

export const CORPUS_DIR = resolve(import.meta.dirname, '../fixtures/corpus');

export const DOCUMENT_KINDS = ['template', 'contract', 'form', 'notice', 'minutes', 'english-template', 'issued'] as const;
export const BLANK_TYPES = ['year', 'date', 'count', 'percent', 'place', 'name', 'field', 'blank', 'amount', 'time', 'phone', 'number', 'instruction', 'tickbox', 'sign'] as const;

export interface CorpusLabels {
  source: string;
  licence: string;
  kind: string;
  extraction: string;
  blanks: (LabelledBlank & { occurrence: number })[];
}

export interface CorpusDocument {
  id: string;
  path: string;
  text: string;
  labels: CorpusLabels;
}

export type CorpusSet = 'main' | 'outside' | 'held-out';

export function readCorpus(set: CorpusSet): CorpusDocument[] {
  const dir = set === 'main' ? CORPUS_DIR : resolve(CORPUS_DIR, set);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const id = name.slice(0, -'.txt'.length);
      const path = resolve(dir, name);
      return {
        id,
        path,
        text: readFileSync(path, 'utf8'),
        labels: JSON.parse(readFileSync(resolve(dir, `${id}.labels.json`), 'utf8')) as CorpusLabels,
      };
    });
}

/**
 * What is wrong with a document's labels: a span that is not its text, an occurrence that does
 * not lead to the span, an unknown type or kind, blanks that overlap or are out of order.
 */
export function labelProblems(text: string, labels: CorpusLabels): string[] {
  const problems: string[] = [];
  if (!(DOCUMENT_KINDS as readonly string[]).includes(labels.kind)) problems.push(`unknown kind ${labels.kind}`);
  for (const field of ['source', 'licence', 'extraction'] as const) {
    if (!labels[field]) problems.push(`no ${field}`);
  }
  if (labels.kind === 'issued' && labels.blanks.length > 0) problems.push('an issued document has blanks');
  let previousEnd = 0;
  for (const blank of labels.blanks) {
    const where = `${JSON.stringify(blank.text)} at ${blank.start}`;
    if (text.slice(blank.start, blank.end) !== blank.text) problems.push(`${where}: the span holds ${JSON.stringify(text.slice(blank.start, blank.end))}`);
    let at = -1;
    for (let n = 0; n <= blank.occurrence; n++) {
      at = text.indexOf(blank.text, at + 1);
      if (at === -1) break;
    }
    if (at !== blank.start) problems.push(`${where}: occurrence ${blank.occurrence} is at ${at}`);
    if (!(BLANK_TYPES as readonly string[]).includes(blank.type)) problems.push(`${where}: unknown type ${blank.type}`);
    if (blank.start < previousEnd) problems.push(`${where}: overlaps the blank before it or is out of order`);
    previousEnd = blank.end;
  }
  return problems;
}
