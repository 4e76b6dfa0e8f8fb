/**
 * Reading and setting the selection of a DOM-based editor through its text offsets. Shared by
 * every adapter whose editor keeps its text in the DOM (all but text fields and CodeMirror).
 */
import type { EditorFamily } from '../../protocol/messages';
import type { EditorAdapter, InsertContent, SavedSelection, TextSpan } from './adapters/types';
import { callBridge } from './bridge';
import { blockPaste, dispatchPaste, EMPTY_PARAGRAPH, settle, until } from './input';
import { inEmptyBlock } from './placement';
import { rebuiltStretch } from './text-edits';
import { textRoots } from './editable-blocks';
import { buildTextIndex, type TextIndex } from './text-index';

/** How long the last index built is kept for the reads that follow it. */
const INDEX_KEPT_MS = 1000;

let lastIndex: { root: HTMLElement; index: TextIndex; observer: MutationObserver; changed: boolean; timer: ReturnType<typeof setTimeout> } | null = null;

function forgetIndex() {
  if (!lastIndex) return;
  lastIndex.observer.disconnect();
  clearTimeout(lastIndex.timer);
  lastIndex = null;
}

/**
 * The text index of an editor (of its blocks, for a block editor), walked again unless the last
 * one built is of this editor, under a second old, and nothing in it changed since: the panel's
 * first look at an editor reads it several times in a row (listed, then watched, then
 * highlighted), and on a long document the walk is most of each. Any change inside (nodes,
 * text, attributes, seen by the observer or still queued in it) means a new walk.
 */
function indexOf(root: HTMLElement): TextIndex {
  const last = lastIndex;
  if (last && last.root === root && !last.changed && !last.observer.takeRecords().length) return last.index;
  forgetIndex();
  const index = buildTextIndex(textRoots(root));
  const kept = {
    root,
    index,
    observer: new MutationObserver(() => {
      kept.changed = true;
    }),
    changed: false,
    timer: setTimeout(forgetIndex, INDEX_KEPT_MS),
  };
  kept.observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  lastIndex = kept;
  return index;
}

/** How long a paste may take to show in the editor before it counts as refused. */
const LATE_LANDING_MS = 2000;

export const END_OF_TEXT: TextSpan = { start: Number.MAX_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER };

type ComposedSelection = Selection & {
  getComposedRanges?(options: { shadowRoots: ShadowRoot[] }): StaticRange[];
};

/**
 * The selection's range as seen from `root`'s tree. The document's selection is re-targeted to
 * the host for a caret inside a shadow root, so there it is read with `getComposedRanges`
 * (Chrome 137+) or the shadow root's own `getSelection` (older Chrome).
 */
function currentRange(root: HTMLElement): Range | null {
  const doc = root.ownerDocument;
  const selection = doc.getSelection() as ComposedSelection | null;
  if (!selection || selection.rangeCount === 0) return null;
  const tree = root.getRootNode();
  if (!(tree instanceof ShadowRoot)) return selection.getRangeAt(0);
  const [composed] = selection.getComposedRanges?.({ shadowRoots: [tree] }) ?? [];
  if (composed) {
    const range = doc.createRange();
    range.setStart(composed.startContainer, composed.startOffset);
    range.setEnd(composed.endContainer, composed.endOffset);
    return range;
  }
  const own = (tree as ShadowRoot & { getSelection?(): Selection | null }).getSelection?.();
  return own && own.rangeCount ? own.getRangeAt(0) : null;
}

/** The selection's range when it lies inside `root`. */
export function rangeInside(root: HTMLElement): Range | null {
  const range = currentRange(root);
  return range && root.contains(range.startContainer) && root.contains(range.endContainer) ? range : null;
}

/** A saved Range is only good while its nodes are still in this editor. */
function liveRange(root: HTMLElement, span: SavedSelection | TextSpan): Range | null {
  const range = 'range' in span ? span.range : null;
  if (!range) return null;
  const inside = (node: Node) => node.isConnected && root.contains(node);
  return inside(range.startContainer) && inside(range.endContainer) ? range : null;
}

export function readDomSelection(root: HTMLElement): SavedSelection | null {
  const range = rangeInside(root);
  if (!range) return null;
  const index = indexOf(root);
  return {
    start: index.offsetOf(range.startContainer, range.startOffset),
    end: index.offsetOf(range.endContainer, range.endOffset),
    range: range.cloneRange(),
  };
}

/**
 * Whether keys typed now reach the editor. Not `activeElement`: in a design-mode document the
 * body is the active element before anything was focused, yet keys go nowhere until focus().
 */
function hasFocus(root: HTMLElement): boolean {
  return root.matches(':focus-within');
}

/**
 * Focus the editor and put the DOM selection on `span`. Editors re-apply their own selection
 * when they gain focus (ProseMirror after ~20 ms), so ours is set after that, and the editor
 * is given a moment to read it from `selectionchange`.
 */
export async function selectDom(root: HTMLElement, span: SavedSelection | TextSpan): Promise<void> {
  const target = () => liveRange(root, span) ?? indexOf(root).rangeOf(span.start, span.end);
  if (!hasFocus(root)) {
    // A block editor's wrapper takes no focus: the block the span starts in does.
    const block = root.isContentEditable ? root : closestEditable(target().startContainer) ?? root;
    block.focus({ preventScroll: true });
    // Editors restore their own selection on focus, some a frame later: ours goes after theirs.
    await nextFrame(root);
    await settle(20);
  }
  const range = target();
  const selection = root.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  // Some editors (CKEditor 5 on a busy page) restore their own selection a little after focus,
  // over ours: check that it held, and set it again once they are done. Unless the user has
  // typed or clicked meanwhile: then the caret moved because they moved it.
  const userActed = watchUser(root.ownerDocument);
  await settle(10);
  const held = readDomSelection(root);
  if (!userActed.since() && (!held || held.start !== span.start || held.end !== span.end)) {
    await settle(40);
    if (!userActed.since()) {
      const again = indexOf(root).rangeOf(span.start, span.end);
      selection?.removeAllRanges();
      selection?.addRange(again);
    }
  }
  userActed.stop();
  const box = range.getBoundingClientRect();
  const view = root.ownerDocument.defaultView;
  // Out of the window, or out of the editor's own box where it scrolls inside the page.
  const area = root.getBoundingClientRect();
  if (view && (box.top < Math.max(0, area.top) || box.bottom > Math.min(view.innerHeight, area.bottom))) {
    (range.startContainer.parentElement ?? root).scrollIntoView({ block: 'center' });
  }
  await settle(10);
}

/** Whether the user pressed a key or the pointer in `doc` since this was called. */
function watchUser(doc: Document): { since(): boolean; stop(): void } {
  let acted = false;
  const onAct = (event: Event) => {
    if (event.isTrusted) acted = true;
  };
  const types = ['keydown', 'pointerdown', 'beforeinput'] as const;
  for (const type of types) doc.addEventListener(type, onAct, true);
  return {
    since: () => acted,
    stop: () => {
      for (const type of types) doc.removeEventListener(type, onAct, true);
    },
  };
}

/** The editable element holding `node`: the block of a block editor. */
function closestEditable(node: Node): HTMLElement | null {
  const el = node instanceof Element ? node : node.parentElement;
  return el?.closest<HTMLElement>('[contenteditable]:not([contenteditable="false"])') ?? null;
}

/** Resolves after the page's next frame is drawn (or at once where it draws none). */
function nextFrame(root: HTMLElement): Promise<void> {
  const view = root.ownerDocument.defaultView;
  return new Promise((resolve) => {
    if (!view || root.ownerDocument.hidden) resolve();
    else view.requestAnimationFrame(() => resolve());
  });
}

export function readDomText(root: HTMLElement): string {
  return indexOf(root).text;
}

export function domRangesOf(root: HTMLElement, spans: TextSpan[]): Range[] {
  const index = indexOf(root);
  return spans.map((span) => index.rangeOf(span.start, span.end));
}

/**
 * A paste the page's editor can read. Firefox hides the data of a DataTransfer filled in the
 * content script from the page's scripts, so there the MAIN-world bridge dispatches it (any
 * family: a paste is the same for all); where no bridge answers, it is dispatched from here.
 */
function pasteInPage(target: Element, content: InsertContent): void {
  if (import.meta.env.FIREFOX && callBridge(target, 'contenteditable', 'paste', { text: content.text, html: content.html }) === true) return;
  dispatchPaste(target, content);
}

/**
 * Inserts through the editor's own paste pipeline (ProseMirror, Lexical, Quill 2, CKEditor 5):
 * one undo step, and rich HTML becomes the editor's headings and paragraphs. Each of them
 * brings its model selection up to the DOM selection (`selectionchange`, or re-read on paste)
 * before it reads the paste. Block content arrives at a block's end (placement.ts), `joiner`
 * being the editor's empty block that takes the join there (see blockPaste); `paste` is the
 * event the editor reads (Slate and wangEditor: `beforeinput`).
 */
export async function pasteAt(
  root: HTMLElement,
  content: InsertContent,
  at: SavedSelection | TextSpan | null,
  joiner: string = EMPTY_PARAGRAPH,
  paste: (target: Element, content: InsertContent) => void = pasteInPage,
): Promise<boolean> {
  const target = at ?? END_OF_TEXT;
  // An empty block the caret sits in takes the paste's first block itself.
  const joins = content.html && content.placement === 'block' && !inEmptyBlock(root, at);
  const html = joins ? blockPaste(readDomText(root), target, content.html!, joiner) : content.html;
  await selectDom(root, target);
  const before = readDomText(root);
  paste(root, { text: content.text, html });
  // Lexical renders its update a microtask later; a busy page may take far longer. A paste
  // that lands after we said "refused" would be inserted twice by the user's retry, so the
  // answer waits for a late landing before it says no.
  return until(() => readDomText(root) !== before, LATE_LANDING_MS);
}

/**
 * An adapter for an editor whose whole text is in its DOM: reading, selecting and highlighting
 * go through the DOM; only the way in differs from one family to the next. `stretch` says how
 * several edits go in as one insertion (see rebuiltStretch); null where the editor cannot take
 * them so, and they go in one by one.
 */
export function domEditor(
  family: EditorFamily,
  matches: EditorAdapter['matches'],
  insert: EditorAdapter['insert'],
  stretch: { openEnd?: boolean } | null = {},
): EditorAdapter {
  const adapter: EditorAdapter = { family, matches, readText: readDomText, readSelection: readDomSelection, select: selectDom, rangesOf: domRangesOf, insert };
  if (!stretch) return adapter;
  return {
    ...adapter,
    // Several edits go in as ONE insertion over the stretch from the first to the last, the
    // stretch rebuilt with its blocks and formatting: the editor takes it as one undo step.
    async replaceEach(root, edits) {
      const rebuilt = rebuiltStretch(root, edits, stretch);
      return rebuilt ? insert(root, rebuilt.content, rebuilt.span) : null;
    },
  };
}
