import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, labelProblems, readCorpus, type CorpusLabels } from '../bench/corpus-fixtures';

describe('corpus fixtures', () => {
  const main = readCorpus('main');
  const outside = readCorpus('outside');
  const heldOut = readCorpus('held-out');
  const everyDocument = [...main, ...outside, ...heldOut];

  it('holds at least 40 documents with blanks, 10 issued documents without and 8 held out', () => {
    expect(main.filter((d) => d.labels.kind !== 'issued').length).toBeGreaterThanOrEqual(40);
    expect(main.filter((d) => d.labels.kind === 'issued').length).toBeGreaterThanOrEqual(10);
    expect(outside.length).toBeGreaterThanOrEqual(8);
  });

  it('holds at least 12 documents seen nowhere else, 3 of them issued documents without blanks', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(12);
    expect(heldOut.filter((d) => d.labels.kind === 'issued').length).toBeGreaterThanOrEqual(3);
    const seen = new Set([...main, ...outside].map((d) => d.text));
    expect(heldOut.filter((d) => seen.has(d.text)).map((d) => d.id)).toEqual([]);
  });

  it('names every document in SOURCES.md, with its source', () => {
    const sources = readFileSync(resolve(CORPUS_DIR, 'SOURCES.md'), 'utf8');
    const ids = [...main.map((d) => d.id), ...outside.map((d) => `outside/${d.id}`), ...heldOut.map((d) => `held-out/${d.id}`)];
    const missing = ids.filter((id) => !sources.includes(`| \`${id}\` |`));
    expect(missing).toEqual([]);
    for (const doc of everyDocument) expect(sources).toContain(doc.labels.source);
  });

  it.each(everyDocument.map((d) => [d.path.slice(CORPUS_DIR.length + 1, -'.txt'.length), d] as const))('%s: every label is the text at its offsets', (_id, doc) => {
    expect(labelProblems(doc.text, doc.labels)).toEqual([]);
  });
});

describe('labelProblems', () => {
  const labels = (blanks: CorpusLabels['blanks'], kind = 'form'): CorpusLabels => ({ source: 'https://example.org/', licence: 'CC0-1.0', kind, extraction: 'as stored', blanks });
  const text = '日期：××××年××月××日，××××年××月××日';

  it('accepts a label whose span, text and occurrence agree', () => {
    expect(labelProblems(text, labels([{ text: '××××年××月××日', occurrence: 1, start: 15, end: 26, type: 'date' }]))).toEqual([]);
  });

  it('names a span that holds other text, a wrong occurrence and an unknown type', () => {
    expect(labelProblems(text, labels([{ text: '××××年××月××日', occurrence: 0, start: 15, end: 26, type: 'day' }]))).toEqual([
      '"××××年××月××日" at 15: occurrence 0 is at 3',
      '"××××年××月××日" at 15: unknown type day',
    ]);
    expect(labelProblems(text, labels([{ text: '××月', occurrence: 0, start: 3, end: 6, type: 'date' }]))[0]).toMatch(/the span holds "×××"/);
  });

  it('refuses blanks in an issued document and overlapping blanks', () => {
    expect(labelProblems(text, labels([{ text: '××××', occurrence: 0, start: 3, end: 7, type: 'year' }], 'issued'))).toContain('an issued document has blanks');
    const overlapping = labels([
      { text: '××××年', occurrence: 0, start: 3, end: 8, type: 'year' },
      { text: '××', occurrence: 2, start: 5, end: 7, type: 'count' },
    ]);
    expect(labelProblems(text, overlapping).some((p) => p.includes('overlaps'))).toBe(true);
  });
});
