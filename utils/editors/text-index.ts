/**
 * The text of a rich editor as the user reads it, with a map back to DOM positions.
 *
 * One line per block, as the editor shows it: an empty block is an empty line, a `<br>` ends a
 * line (but not as the last thing in its block), blocks side by side never run into each other.
 * What the editor keeps in its DOM but does not show is left out: elements not displayed
 * (markdown marks, empty-block placeholders hidden by the editor's CSS), zero-width characters
 * editors use to hold a caret, and the source formatting between blocks. Built once per read
 * with a walk over the nodes (no `innerText`, which forces layout); offsets map back to nodes by
 * binary search.
 */

// One string, split: the content script on every page is kept small.
const BLOCK_TAGS = new Set(
  ('ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 ' +
    'H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TFOOT TH THEAD TR UL').split(' '),
);

/** Characters editors put in the DOM to hold a caret or an empty inline, never shown. */
const ZERO_WIDTH = /[\u200b\u2060\ufeff]/g;
const ZERO_WIDTH_CHAR = /^[\u200b\u2060\ufeff]$/;
/** Source formatting between blocks: collapsed away by the browser where it stands alone. */
const COLLAPSIBLE = /^[ \t\n\r\f]+$/;

/** The line being written: none (between blocks), empty, or holding text. */
type LineState = 'none' | 'empty' | 'text';

interface TextRun {
  node: Text;
  /** Offset of the node's first shown character in the index text. */
  start: number;
  /** How many characters of the node are shown. */
  length: number;
  /** DOM offset of each shown character, where the node holds some that are not shown. */
  kept: number[] | null;
}

export interface TextIndex {
  readonly text: string;
  /** DOM point for a text offset; offsets on a line break resolve to the start of the next run. */
  pointAt(offset: number): { node: Node; offset: number };
  /** Text offset of a DOM boundary point inside the roots. */
  offsetOf(node: Node, offset: number): number;
  /** A Range covering [start, end) of the text. */
  rangeOf(start: number, end: number): Range;
}

/** Whether the element starts a line of its own in the text. */
export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName);
}

/**
 * Whether the browser draws the element at all. Costs a style lookup, not a layout; an element
 * with no attributes (the paragraphs of most documents) is taken as shown without one: what an
 * editor hides (bookmarks, fillers, collapsed parts) carries a class, a style or `hidden`.
 */
function isShown(el: Element, view: Window | null): boolean {
  if (!el.hasAttributes()) return true;
  if ((el as HTMLElement).hidden) return false;
  return view?.getComputedStyle(el).display !== 'none';
}

/**
 * The text index of `roots`: one editable element, or the editable blocks of a block editor
 * in document order, each starting a line of its own.
 */
export function buildTextIndex(roots: Node | readonly Node[]): TextIndex {
  const list: readonly Node[] = Array.isArray(roots) ? roots : [roots as Node];
  const first = list[0];
  const doc = first.ownerDocument ?? (first as Document);
  const view = doc.defaultView;
  const runs: TextRun[] = [];
  const runOf = new Map<Node, TextRun>();
  const parts: string[] = [];
  let length = 0;
  // The line being written: null between blocks, empty at the start of a block or after a
  // <br>. `afterBreak`: the line was opened by a <br>, so a block ending now adds no line.
  let line: LineState = 'none';
  let afterBreak = false;
  let lines = 0;

  /** Ends the current line; the next text starts a new one. */
  const endLine = () => {
    lines++;
    line = 'none';
    afterBreak = false;
  };
  const startText = () => {
    if (line === 'text') return;
    // A line break before every line but the first.
    if (lines > 0) {
      parts.push('\n');
      length++;
    }
    line = 'text';
  };

  const addText = (node: Text) => {
    const data = node.data;
    if (!data) return;
    if (line === 'none' && COLLAPSIBLE.test(data)) return;
    const shown = data.replace(ZERO_WIDTH, '');
    if (!shown) return;
    let kept: number[] | null = null;
    if (shown.length !== data.length) {
      kept = [];
      for (let i = 0; i < data.length; i++) if (!ZERO_WIDTH_CHAR.test(data[i])) kept.push(i);
    }
    startText();
    const run = { node, start: length, length: shown.length, kept };
    runs.push(run);
    runOf.set(node, run);
    parts.push(shown);
    length += shown.length;
  };

  /** An empty line that the text shows: its break is written when the next line starts. */
  const emptyLine = () => {
    if (lines > 0) {
      parts.push('\n');
      length++;
    }
    endLine();
  };

  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        addText(child as Text);
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const el = child as Element;
      const tag = el.tagName;
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || !isShown(el, view)) continue;
      if (tag === 'BR') {
        if (line === 'text') endLine();
        else emptyLine();
        line = 'empty';
        afterBreak = true;
        continue;
      }
      // The tag already read: each read of it is a call into the DOM, 20,000 in a long document.
      if (!BLOCK_TAGS.has(tag)) {
        visit(el);
        continue;
      }
      block(el);
    }
  };

  /** A block: a line of its own, empty if nothing in it is shown. */
  const block = (el: Node) => {
    if (line === 'text') endLine();
    line = 'empty';
    afterBreak = false;
    visit(el);
    // What the block's content left open (the walk changes `line`, which TypeScript cannot see).
    const left = line as LineState;
    if (left === 'text') endLine();
    else if (left === 'empty' && !afterBreak) emptyLine();
    line = 'none';
    afterBreak = false;
  };

  if (list.length === 1) visit(first);
  else for (const root of list) block(root);
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

  /**
   * DOM offset inside a run's node before its `within`-th shown character; as the end of a
   * range (`end`), right after the shown character before it, so no hidden one is taken along.
   */
  const domOffset = (run: TextRun, within: number, end = false) => {
    if (!run.kept) return within;
    if (end && within > 0) return run.kept[within - 1] + 1;
    return within < run.kept.length ? run.kept[within] : run.node.data.length;
  };

  const pointAt = (offset: number, end = false) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    const i = runAt(clamped);
    if (i < 0) return runs.length ? { node: runs[0].node as Node, offset: domOffset(runs[0], 0) } : { node: first, offset: 0 };
    const run = runs[i];
    const within = clamped - run.start;
    // The end of a range stays after the text it follows, not across what is hidden after it.
    const previous = runs[i - 1];
    if (end && within === 0 && previous && previous.start + previous.length === clamped) {
      return { node: previous.node as Node, offset: domOffset(previous, previous.length, true) };
    }
    if (within <= run.length) return { node: run.node as Node, offset: domOffset(run, within, end) };
    // The offset sits on a line break after this run: the next run's start is the same place
    // for the reader, and keeps the caret inside the next block.
    const next = runs[i + 1];
    return next ? { node: next.node as Node, offset: domOffset(next, 0) } : { node: run.node as Node, offset: run.node.data.length };
  };

  const offsetOf = (node: Node, offset: number): number => {
    const run = runOf.get(node);
    if (run) {
      if (!run.kept) return run.start + Math.min(offset, run.length);
      let shown = 0;
      while (shown < run.kept.length && run.kept[shown] < offset) shown++;
      return run.start + shown;
    }
    // An element boundary (or a text node not shown): the first run at or after the point.
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
    const found = runs[lo];
    return probe.comparePoint(found.node, 0) >= 0 ? found.start : found.start + found.length;
  };

  const rangeOf = (start: number, end: number) => {
    const range = doc.createRange();
    const a = pointAt(start);
    const b = pointAt(Math.max(start, end), end > start);
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  };

  return { text, pointAt, offsetOf, rangeOf };
}
