/**
 * The placeholders of a scan as they cross from the rules worker to the panel (the messages
 * themselves are in schemas.ts, `panelToRulesWorker` and `rulesWorkerToPanel`).
 */
import { wordTable } from './word-table';
import type { Placeholder } from '../utils/report/placeholders';

/**
 * Placeholders as they cross from the worker: their offsets in columns that are transferred, not
 * copied, and each distinct kind, rule and name once. Cloning 20,000 objects takes the panel tens
 * of milliseconds; these take a fraction of one, and each text is the document's own slice.
 */
export interface PackedPlaceholders {
  starts: Int32Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
  /** Per placeholder, an index into `words`: its kind, its rule, and its name (or -1). */
  kinds: Uint16Array<ArrayBuffer>;
  rules: Uint16Array<ArrayBuffer>;
  names: Int32Array<ArrayBuffer>;
  words: string[];
}

export function packPlaceholders(list: Placeholder[]): PackedPlaceholders {
  const { words, indexOf } = wordTable();
  const packed: PackedPlaceholders = {
    starts: new Int32Array(list.length),
    ends: new Int32Array(list.length),
    kinds: new Uint16Array(list.length),
    rules: new Uint16Array(list.length),
    names: new Int32Array(list.length),
    words,
  };
  list.forEach((p, i) => {
    packed.starts[i] = p.start;
    packed.ends[i] = p.end;
    packed.kinds[i] = indexOf(p.kind);
    packed.rules[i] = indexOf(p.rule);
    packed.names[i] = p.name === undefined ? -1 : indexOf(p.name);
  });
  return packed;
}

/** The columns' buffers, to transfer with the message. */
export const packedBuffers = (packed: PackedPlaceholders): ArrayBuffer[] =>
  [packed.starts, packed.ends, packed.kinds, packed.rules, packed.names].map((column) => column.buffer);

/** The placeholders again, over `text`: the text of the version they were found in. */
export function unpackPlaceholders(packed: PackedPlaceholders, text: string): Placeholder[] {
  const { starts, ends, kinds, rules, names, words } = packed;
  const list = new Array<Placeholder>(starts.length);
  for (let i = 0; i < starts.length; i++) {
    const p: Placeholder = { start: starts[i], end: ends[i], text: text.slice(starts[i], ends[i]), kind: words[kinds[i]] as Placeholder['kind'], rule: words[rules[i]] };
    if (names[i] >= 0) p.name = words[names[i]];
    list[i] = p;
  }
  return list;
}
