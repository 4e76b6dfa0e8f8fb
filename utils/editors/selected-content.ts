/**
 * What the user selected in the page, for saving as a snippet, and the text just before the
 * caret, for abbreviations. The HTML is the page's own markup: the panel or the background
 * sanitizes it before it is kept.
 */
import { isBlockElement } from './text-index';

/** Characters that show nothing: what editors keep in an empty block to hold it open. */
const BLANK = /[\s\u00a0\u200b\ufeff]/g;

/** A node that shows nothing: blank text, a line break, or an element holding only those. */
function isBlank(node: Node): boolean {
  if (node.nodeType === Node.COMMENT_NODE) return true;
  if (node.nodeType === Node.TEXT_NODE) return !(node as Text).data.replace(BLANK, '');
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const element = node as Element;
  // A rule, an image or a table shows even without text.
  if (element.matches('hr, img, table') || element.querySelector('hr, img, table')) return false;
  return !(element.textContent ?? '').replace(BLANK, '');
}

/**
 * Takes the empty blocks (`<p><br></p>`, `<p>&nbsp;</p>`), line breaks and blank text off both
 * ends of `container`. A triple click selects up to the start of the next paragraph, which
 * would otherwise be saved, and inserted every time, as an empty paragraph.
 */
export function trimBlankEdges(container: ParentNode): void {
  while (container.firstChild && isBlank(container.firstChild)) container.firstChild.remove();
  while (container.lastChild && isBlank(container.lastChild)) container.lastChild.remove();
  // Blocks inside blocks (a list, a quote, a wrapper) have empty ends of their own; a table's
  // empty cells are part of its shape.
  for (const edge of new Set([container.firstChild, container.lastChild])) {
    const element = edge?.nodeType === Node.ELEMENT_NODE ? (edge as Element) : null;
    if (element && !element.matches('table') && [...element.children].some(isBlockElement)) trimBlankEdges(element);
  }
}

/** The markup a range covers, without empty blocks at its ends. */
export function rangeHtml(range: Range): string {
  const box = document.createElement('div');
  box.append(range.cloneContents());
  trimBlankEdges(box);
  return box.innerHTML;
}

/**
 * The text before a collapsed caret in `root`, as far as is cheap to read on every keystroke:
 * a text field's value, or the caret's own text node in a rich editor; '' otherwise.
 */
export function textBeforeCaret(root: HTMLElement): string {
  const field = root as HTMLTextAreaElement;
  if ('selectionStart' in field) return field.selectionStart === field.selectionEnd ? field.value.slice(0, field.selectionStart) : '';
  const selection = getSelection()!;
  const node = selection.focusNode;
  return selection.isCollapsed && node instanceof Text ? node.data.slice(0, selection.focusOffset) : '';
}
