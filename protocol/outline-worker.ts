/**
 * The outline of a text as it crosses from the outline worker to the panel (the messages
 * themselves are in schemas.ts, `panelToOutlineWorker` and `outlineWorkerToPanel`).
 */
import { wordTable } from './word-table';
import type { OutlineItem } from '../utils/report/outline';

/**
 * Headings as they cross from the worker: numbers in columns that are transferred, not copied,
 * and the markers and titles each in one string cut by lengths. Cloning 20,000 objects takes
 * the panel some 30 ms on a slow machine; these take about one.
 */
export interface PackedOutline {
  levels: Uint8Array<ArrayBuffer>;
  starts: Int32Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
  /** Per heading, an index into `words`: its numbering style and its kind. */
  styles: Uint8Array<ArrayBuffer>;
  kinds: Uint8Array<ArrayBuffer>;
  words: string[];
  /** Every marker, then every title, one after the other; each one's length in `lengths`. */
  strings: string;
  /** The markers' lengths, then the titles'. */
  lengths: Uint32Array<ArrayBuffer>;
}

export function packOutline(items: OutlineItem[]): PackedOutline {
  const n = items.length;
  const { words, indexOf } = wordTable();
  const packed: PackedOutline = {
    levels: new Uint8Array(n),
    starts: new Int32Array(n),
    ends: new Int32Array(n),
    styles: new Uint8Array(n),
    kinds: new Uint8Array(n),
    words,
    strings: '',
    lengths: new Uint32Array(2 * n),
  };
  const pieces = new Array<string>(2 * n);
  items.forEach((item, i) => {
    packed.levels[i] = item.level;
    packed.starts[i] = item.start;
    packed.ends[i] = item.end;
    packed.styles[i] = indexOf(item.style);
    packed.kinds[i] = indexOf(item.kind);
    pieces[i] = item.numbering;
    pieces[n + i] = item.title;
    packed.lengths[i] = item.numbering.length;
    packed.lengths[n + i] = item.title.length;
  });
  packed.strings = pieces.join('');
  return packed;
}

/** The columns' buffers, to transfer with the message. */
export const packedOutlineBuffers = (packed: PackedOutline): ArrayBuffer[] =>
  [packed.levels, packed.starts, packed.ends, packed.styles, packed.kinds, packed.lengths].map((column) => column.buffer);

/** The headings again. */
export function unpackOutline(packed: PackedOutline): OutlineItem[] {
  const { levels, starts, ends, styles, kinds, words, strings, lengths } = packed;
  const n = levels.length;
  const markers = new Array<string>(n);
  let at = 0;
  for (let i = 0; i < n; i++) markers[i] = strings.slice(at, (at += lengths[i]));
  const items = new Array<OutlineItem>(n);
  for (let i = 0; i < n; i++) {
    items[i] = {
      level: levels[i],
      numbering: markers[i],
      title: strings.slice(at, (at += lengths[n + i])),
      start: starts[i],
      end: ends[i],
      style: words[styles[i]] as OutlineItem['style'],
      kind: words[kinds[i]] as OutlineItem['kind'],
    };
  }
  return items;
}
