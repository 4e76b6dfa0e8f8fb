/**
 * Reading and setting the selection of a DOM-based editor through its text offsets. Shared by
 * every adapter whose editor keeps its text in the DOM (all but text fields and CodeMirror).
 */
import type { SavedSelection, TextSpan } from './adapters/types';
import { settle } from './input';
import { buildTextIndex } from './text-index';

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
  const index = buildTextIndex(root);
  return {
    start: index.offsetOf(range.startContainer, range.startOffset),
    end: index.offsetOf(range.endContainer, range.endOffset),
    range: range.cloneRange(),
  };
}

function hasFocus(root: HTMLElement): boolean {
  const active = root.ownerDocument.activeElement;
  return !!active && (active === root || root.contains(active));
}

/**
 * Focus the editor and put the DOM selection on `span`. Editors re-apply their own selection
 * when they gain focus (ProseMirror after ~20 ms), so ours is set after that, and the editor
 * is given a moment to read it from `selectionchange`.
 */
export async function selectDom(root: HTMLElement, span: SavedSelection | TextSpan): Promise<void> {
  if (!hasFocus(root)) {
    root.focus({ preventScroll: true });
    await settle(30);
  }
  const range = liveRange(root, span) ?? buildTextIndex(root).rangeOf(span.start, span.end);
  const selection = root.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  const box = range.getBoundingClientRect();
  const view = root.ownerDocument.defaultView;
  if (view && (box.top < 0 || box.bottom > view.innerHeight)) {
    (range.startContainer.parentElement ?? root).scrollIntoView({ block: 'center' });
  }
  await settle(10);
}

export function readDomText(root: HTMLElement): string {
  return buildTextIndex(root).text;
}
