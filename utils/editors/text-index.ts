/**
 * The text of a rich editor as the user reads it, with a map back to DOM positions.
 *
 * Blocks and `<br>` become one '\n' so that a match never spans two paragraphs. Built once per
 * read with a TreeWalker (no `innerText`, which forces layout); offsets map back to nodes by
 * binary search.
 */

// One string, split: the content script on every page is kept small.
const BLOCK_TAGS = new Set(
  ('ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 ' +
    'H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TFOOT TH THEAD TR UL').split(' '),
);

interface TextRun {
  node: Text;
  /** Offset of the node's first character in the index text. */
  start: number;
}

export interface TextIndex {
  readonly text: string;
  /** DOM point for a text offset; offsets on a line break resolve to the start of the next run. */
  pointAt(offset: number): { node: Node; offset: number };
  /** Text offset of a DOM boundary point inside the root. */
  offsetOf(node: Node, offset: number): number;
  /** A Range covering [start, end) of the text. */
  rangeOf(start: number, end: number): Range;
}

/** Whether the element starts a line of its own in the text. */
export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName);
}

export function buildTextIndex(root: Node): TextIndex {
  const doc = root.ownerDocument ?? (root as Document);
  const runs: TextRun[] = [];
  const runStart = new Map<Node, number>();
  const parts: string[] = [];
  let length = 0;
  // A break is owed after a block ends or at a <br>; it is written only when more text follows,
  // so the text never starts or ends with one.
  let breakOwed = false;

  const append = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const owe = () => {
    if (length > 0) breakOwed = true;
  };

  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const data = (child as Text).data;
        if (!data) continue;
        if (breakOwed) {
          append('\n');
          breakOwed = false;
        }
        runs.push({ node: child as Text, start: length });
        runStart.set(child, length);
        append(data);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const el = child as Element;
        const tag = el.tagName;
        if (tag === 'BR') {
          // A break is owed even at the very start: an empty first line is still a line.
          breakOwed = true;
          if (length === 0) {
            append('\n');
            breakOwed = false;
          }
          continue;
        }
        if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') continue;
        const block = isBlockElement(el);
        if (block) owe();
        visit(el);
        if (block) owe();
      }
    }
  };
  visit(root);
  const text = parts.join('');

  /** Index of the last run starting at or before `offset`. */
  const runAt = (offset: number): number => {
    let lo = 0;
    let hi = runs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (runs[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };

  const pointAt = (offset: number) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    const i = runAt(clamped);
    if (i < 0) return runs.length ? { node: runs[0].node as Node, offset: 0 } : { node: root, offset: 0 };
    const run = runs[i];
    const within = clamped - run.start;
    if (within <= run.node.data.length) return { node: run.node as Node, offset: within };
    // The offset sits on a line break after this run: the next run's start is the same place
    // for the reader, and keeps the caret inside the next block.
    const next = runs[i + 1];
    return next ? { node: next.node as Node, offset: 0 } : { node: run.node as Node, offset: run.node.data.length };
  };

  const offsetOf = (node: Node, offset: number): number => {
    const start = runStart.get(node);
    if (start !== undefined) return start + Math.min(offset, (node as Text).data.length);
    // An element boundary (or an empty text node): the first run at or after the point.
    const probe = doc.createRange();
    probe.setStart(node, offset);
    let lo = 0;
    let hi = runs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      // comparePoint < 0: the run lies before the boundary point.
      if (probe.comparePoint(runs[mid].node, runs[mid].node.data.length) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= runs.length) return text.length;
    const run = runs[lo];
    return probe.comparePoint(run.node, 0) >= 0 ? run.start : run.start + run.node.data.length;
  };

  const rangeOf = (start: number, end: number) => {
    const range = doc.createRange();
    const a = pointAt(start);
    const b = pointAt(Math.max(start, end));
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  };

  return { text, pointAt, offsetOf, rangeOf };
}
