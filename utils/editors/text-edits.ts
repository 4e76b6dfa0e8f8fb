/**
 * Several edits of an editor's text made as one: an editor records one undo step per change it
 * is given, so edits that must undo together are given to it as a single change.
 */
import type { InsertContent, TextEdit, TextSpan } from './adapters/types';
import { buildTextIndex, isBlockElement } from './text-index';

/** `edits` in document order. */
export function inOrder(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.start - b.start);
}

/** `text` with every edit made (offsets are of `text` as it is). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const edit of inOrder(edits)) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** Whether no two edits overlap: only then can they be made as one. */
export function apart(edits: readonly TextEdit[]): boolean {
  return inOrder(edits).every((edit, i, sorted) => i === 0 || edit.start >= sorted[i - 1].end);
}

/** Whether `text` shows every edit made where it was to be, the edits before it moving it on. */
export function holdsEvery(text: string, edits: readonly TextEdit[]): boolean {
  let shift = 0;
  for (const edit of inOrder(edits)) {
    const at = edit.start + shift;
    if (text.slice(at, at + edit.text.length) !== edit.text) return false;
    shift += edit.text.length - (edit.end - edit.start);
  }
  return true;
}

/** The stretch from the first edit's start to the last one's end. */
export function stretchOf(edits: readonly TextEdit[]): TextSpan {
  const sorted = inOrder(edits);
  return { start: sorted[0].start, end: Math.max(...sorted.map((edit) => edit.end)) };
}

/** The stretch of `text` the edits cover, with every edit made in it. */
export function rebuiltText(text: string, edits: readonly TextEdit[]): string {
  const { start, end } = stretchOf(edits);
  return applyEdits(text.slice(start, end), edits.map((edit) => ({ ...edit, start: edit.start - start, end: edit.end - start })));
}

const UNREAD = new Set(['SCRIPT', 'STYLE', 'TEMPLATE']);

/**
 * What an editor's paste keeps as it was: paragraphs, headings, lists, quotes and inline
 * formatting. A stretch holding anything else (a table, an image, a figure, an embed, an
 * editor's own widget) is not rewritten in one piece: the edits go in one by one instead.
 */
const KEPT_BY_PASTE = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'BR', 'SPAN',
  'STRONG', 'B', 'EM', 'I', 'U', 'S', 'DEL', 'INS', 'SUB', 'SUP', 'MARK', 'CODE', 'FONT', 'A',
]);

/** Whether every element of `fragment` is one a paste keeps. */
function onlyKeptByPaste(fragment: DocumentFragment): boolean {
  for (const element of fragment.querySelectorAll('*')) {
    if (!KEPT_BY_PASTE.has(element.tagName)) return false;
    // An editor's own widget (a mention, a formula) is a node of its model, not text.
    if (element.getAttribute('contenteditable') === 'false') return false;
  }
  return true;
}

/** Text nodes under `root` the text index reads, in document order, `keep` deciding which. */
function textNodes(root: Node, keep: (node: Text) => boolean): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if ((!parent || !UNREAD.has(parent.tagName)) && keep(node as Text)) nodes.push(node as Text);
  }
  return nodes;
}

/**
 * The stretch of a DOM editor's text that the edits cover, as text and as HTML (its blocks and
 * formatting kept), with every edit made: one insertion of it over the stretch is one undo
 * step in editors that take a single insertion as one. Null when an edit does not start on a
 * character of the stretch (an edit that only inserts at a line break). With `openEnd`, a last
 * block the stretch ends inside goes in as its content only, for editors that would otherwise
 * make it a block of its own and split the line it lands in (Quill). Null too when the stretch
 * holds what a paste may not keep (see KEPT_BY_PASTE).
 */
export function rebuiltStretch(
  root: HTMLElement,
  edits: readonly TextEdit[],
  { openEnd = false }: { openEnd?: boolean } = {},
): { span: TextSpan; content: InsertContent } | null {
  const index = buildTextIndex(root);
  const span = stretchOf(edits);
  const sorted = inOrder(edits);
  const range = index.rangeOf(span.start, span.end);
  const copy = range.cloneContents();
  if (!onlyKeptByPaste(copy)) return null;
  // A copied range holds one text node for each text node it touches, in the same order.
  const live = textNodes(root, (node) => range.intersectsNode(node));
  const copies = textNodes(copy, () => true);
  if (live.length !== copies.length) return null;
  let written = 0;
  for (let i = 0; i < live.length; i++) {
    const from = live[i] === range.startContainer ? range.startOffset : 0;
    const data = copies[i].data;
    let out = '';
    for (let k = 0; k < data.length; k++) {
      const at = index.offsetOf(live[i], from + k);
      while (written < sorted.length && sorted[written].start === at) out += sorted[written++].text;
      // A character inside an edit gives way to its text, written at the edit's first one.
      if (!sorted.some((edit) => at >= edit.start && at < edit.end)) out += data[k];
    }
    copies[i].data = out;
  }
  if (written < sorted.length) return null;
  const last = copy.lastChild;
  const endsInsideLine = span.end < index.text.length && index.text[span.end] !== '\n';
  if (openEnd && endsInsideLine && last instanceof Element && isBlockElement(last)) last.replaceWith(...last.childNodes);
  const box = root.ownerDocument.createElement('div');
  box.append(copy);
  return { span, content: { text: rebuiltText(index.text, edits), html: box.innerHTML } };
}

/**
 * Makes the edits straight in the DOM, last first so that earlier offsets hold. Only for
 * editors that record undo as snapshots of their HTML, between calls that take one before
 * and one after (TinyMCE, CKEditor 4, KindEditor): for any other the change would not be theirs.
 */
export function editDom(root: HTMLElement, edits: readonly TextEdit[]): void {
  const index = buildTextIndex(root);
  // The page can forge a bridge call: only well-formed edits are made.
  const wellFormed = edits.filter((edit) => Number.isInteger(edit.start) && Number.isInteger(edit.end) && edit.start <= edit.end && typeof edit.text === 'string');
  for (const edit of inOrder(wellFormed).reverse()) {
    const range = index.rangeOf(edit.start, edit.end);
    if (range.startContainer === range.endContainer && range.startContainer instanceof Text) {
      range.startContainer.replaceData(range.startOffset, range.endOffset - range.startOffset, edit.text);
    } else {
      range.deleteContents();
      range.insertNode(root.ownerDocument.createTextNode(edit.text));
    }
  }
}
