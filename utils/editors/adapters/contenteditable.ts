import { buildTextIndex } from '../text-index';
import type { EditorAdapter, SavedSelection, TextSpan } from './types';

function selectionInside(root: HTMLElement): Range | null {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return root.contains(range.startContainer) && root.contains(range.endContainer) ? range : null;
}

/** A saved Range is only good while its nodes are still in this editor. */
function liveRange(root: HTMLElement, saved: SavedSelection): Range | null {
  const range = saved.range;
  if (!range) return null;
  const inside = (node: Node) => node.isConnected && root.contains(node);
  return inside(range.startContainer) && inside(range.endContainer) ? range : null;
}

/**
 * Plain contenteditable and design-mode documents: the browser's editing commands keep the
 * undo stack; direct DOM edits would not.
 */
export const contentEditableAdapter: EditorAdapter = {
  kind: 'contenteditable',
  matches: (root) => root.isContentEditable || root.ownerDocument.designMode === 'on',

  readText(root) {
    return buildTextIndex(root).text;
  },

  readSelection(root) {
    const range = selectionInside(root);
    if (!range) return null;
    const index = buildTextIndex(root);
    return {
      start: index.offsetOf(range.startContainer, range.startOffset),
      end: index.offsetOf(range.endContainer, range.endOffset),
      range: range.cloneRange(),
    };
  },

  select(root, span: SavedSelection | TextSpan) {
    const range = ('range' in span && liveRange(root, span)) || buildTextIndex(root).rangeOf(span.start, span.end);
    root.focus({ preventScroll: true });
    const selection = root.ownerDocument.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  },

  insertText(root, text, at) {
    if (at) this.select(root, at);
    else if (!selectionInside(root)) this.select(root, { start: Infinity, end: Infinity });
    else root.focus({ preventScroll: true });
    const doc = root.ownerDocument;
    const before = root.innerHTML;
    // insertText turns '\n' into new paragraphs and is one undo step, even for many lines.
    if (doc.execCommand('insertText', false, text) && root.innerHTML !== before) return true;
    return root.innerHTML !== before;
  },
};
