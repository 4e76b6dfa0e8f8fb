import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SAMPLES = resolve(import.meta.dirname, '../fixtures/samples');

/** Text of a real sample document kept in `tests/fixtures/samples/` (see SOURCES.md there). */
export function readSample(name: string): string {
  return readFileSync(resolve(SAMPLES, name), 'utf8');
}

/** A blank the browser tests act on: its place in document order, its marks, a unique context. */
export interface CountedBlank {
  index: number;
  marks: string;
  context: string;
}

/** Placeholders of a sample counted by hand (`<sample>.counts.json`), never by the engine. */
export interface SampleCounts {
  total: number;
  byKind: Record<string, number>;
  checklist?: {
    eleventh: CountedBlank;
    firstCount: CountedBlank;
    yearsWrittenXxxx年: { index: number; marks: string; contexts: string[] };
  };
  /** Blanks the engine types otherwise than the hand count did. */
  engineDisagreements: { context: string; hand: string; engine: string; why: string }[];
}

export function readSampleCounts(sample: string): SampleCounts {
  return JSON.parse(readSample(sample.replace(/\.txt$/, '.counts.json'))) as SampleCounts;
}
