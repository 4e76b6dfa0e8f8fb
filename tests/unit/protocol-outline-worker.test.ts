import { describe, expect, it } from 'vitest';
import type { OutlineItem } from '@/utils/report/outline';
import { packedOutlineBuffers, packOutline, unpackOutline } from '@/protocol/outline-worker';
import { isMessage } from '@/protocol/schemas';

// Written by hand: a lead, numbered headings of two levels (one with an empty title and one with
// a character outside the BMP), a Markdown heading and a closing part.
const ITEMS: OutlineItem[] = [
  { level: 1, numbering: '', title: '关于2024年工作的报告', start: 0, end: 12, style: 'none', kind: 'lead' },
  { level: 1, numbering: '一、', title: '主要工作', start: 13, end: 19, style: 'chinese', kind: 'numbered' },
  { level: 2, numbering: '（一）', title: '', start: 20, end: 23, style: 'chinese-paren', kind: 'numbered' },
  { level: 2, numbering: '（二）', title: '𠀀字与 emoji 😀 标题', start: 30, end: 45, style: 'chinese-paren', kind: 'numbered' },
  { level: 3, numbering: '###', title: 'Notes', start: 50, end: 59, style: 'markdown', kind: 'markdown' },
  { level: 1, numbering: '', title: '附件', start: 60, end: 62, style: 'none', kind: 'closing' },
];

describe('the outline between the worker and the panel', () => {
  it('comes back whole', () => {
    expect(unpackOutline(packOutline(ITEMS))).toEqual(ITEMS);
  });

  it('survives a structured clone with its columns transferred, and passes the message check', () => {
    const packed = packOutline(ITEMS);
    const message = structuredClone({ type: 'outline', version: 3, items: packed, issues: [] }, { transfer: packedOutlineBuffers(packed) });
    expect(packed.starts.length).toBe(0);
    expect(isMessage('outlineWorkerToPanel', message)).toBe(true);
    expect(unpackOutline(message.items)).toEqual(ITEMS);
  });

  it('an empty outline stays empty', () => {
    expect(unpackOutline(packOutline([]))).toEqual([]);
  });
});
