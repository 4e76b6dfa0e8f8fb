import { describe, expect, it } from 'vitest';
import type { Placeholder } from '@/utils/report/placeholders';
import { packedBuffers, packPlaceholders, unpackPlaceholders } from '@/protocol/rules-worker';

// Written by hand over this text: `xxxx年` (a year), `{{单位}}` (named), `xx项` (a count).
const TEXT = '截至xxxx年，{{单位}}完成xx项。';
const PLACEHOLDERS: Placeholder[] = [
  { start: 2, end: 6, text: 'xxxx', kind: 'year', rule: 'x-year' },
  { start: 8, end: 14, text: '{{单位}}', kind: 'named', name: '单位', rule: 'named' },
  { start: 16, end: 18, text: 'xx', kind: 'count', rule: 'x-count' },
];

describe('placeholders between the worker and the panel', () => {
  it('come back whole, texts sliced from the document', () => {
    expect(unpackPlaceholders(packPlaceholders(PLACEHOLDERS), TEXT)).toEqual(PLACEHOLDERS);
  });

  it('survive a structured clone with their columns transferred', () => {
    const packed = packPlaceholders(PLACEHOLDERS);
    const cloned = structuredClone(packed, { transfer: packedBuffers(packed) });
    // Transferred, so the worker's copy is emptied rather than copied.
    expect(packed.starts.length).toBe(0);
    expect(unpackPlaceholders(cloned, TEXT)).toEqual(PLACEHOLDERS);
  });

  it('an empty list stays empty', () => {
    expect(unpackPlaceholders(packPlaceholders([]), '')).toEqual([]);
  });
});
