/**
 * Where inserted content lands. Block content (a section, a template, a snippet of several
 * paragraphs) goes between blocks, never splitting the one holding the caret; inline content
 * (a phrase, an abbreviation's snippet) goes at the caret, inside the sentence.
 */
import type { EditorAdapter, InsertContent, SavedSelection, TextSpan } from './adapters/types';
import { escapeHtml } from '../report/html-text';
import { isBlockElement } from './text-index';

export type Placement = NonNullable<InsertContent['placement']>;

/** Blocks of HTML at its top level; text and inline markup between them count as none. */
const BLOCK_START = /<(?:p|h[1-6]|div|ul|ol|li|table|blockquote|pre|hr)\b/gi;

/**
 * The placement asked for, or one read from the content: HTML of more than one block, or text
 * of more than one line, is block content.
 */
export function placementOf(content: InsertContent): Placement {
  if (content.placement) return content.placement;
  const blocks = content.html ? (content.html.match(BLOCK_START) ?? []).length : content.text.trim().split('\n').length;
  return blocks > 1 ? 'block' : 'inline';
}

/**
 * Where block content goes in an editor's text (blocks separated by '\n'): a blank line holding
 * the caret is filled; a caret at the start of a line, after another one, goes between the two;
 * otherwise the content goes after the line holding the caret (or the end of a selection). A
 * selection of whole lines is replaced.
 */
export function blockSpan(text: string, span: TextSpan): TextSpan {
  const start = Math.min(Math.max(span.start, 0), text.length);
  const end = Math.min(Math.max(span.end, start), text.length);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
  if (!text.slice(lineStart, lineEnd).trim()) return { start: lineStart, end: lineEnd };
  if (start === lineStart && end === lineEnd && start < end) return { start, end };
  if (start === end && start === lineStart && start > 0) return { start: start - 1, end: start - 1 };
  return { start: lineEnd, end: lineEnd };
}

/** Characters an editor keeps in an empty block to hold it open. */
const FILLER = /[\s\u00a0\u200b\ufeff]/g;

/**
 * Whether a live caret sits in an empty block (`<p><br></p>`, or one holding only a filler
 * character): only the DOM tells it apart from the start of the next line.
 */
export function inEmptyBlock(root: HTMLElement, selection: SavedSelection | TextSpan | null): boolean {
  const range = selection && 'range' in selection ? selection.range : null;
  if (!range || !range.collapsed || !range.startContainer.isConnected || !root.contains(range.startContainer)) return false;
  for (let node: Node | null = range.startContainer; node && node !== root; node = node.parentNode) {
    // By node type: the caret may be in a frame's document, whose Element is another.
    if (node.nodeType === Node.ELEMENT_NODE && isBlockElement(node as Element)) return !(node.textContent ?? '').replace(FILLER, '');
  }
  return false;
}

/**
 * One paragraph's HTML without its paragraph: inline content pasted as `<p>…</p>` would make
 * most editors split the caret's paragraph around it.
 */
export function unwrapParagraph(html: string): string {
  const match = /^\s*<p>([\s\S]*)<\/p>\s*$/i.exec(html);
  return match && !/<\/?p\b/i.test(match[1]) ? match[1] : html;
}

/**
 * The content and the place an adapter gets, worked out once for every family from the
 * editor's text: inline content at the caret, unwrapped; block content after the caret's
 * block, or in the empty block holding the caret. Without a caret, at the end. A one-line
 * field takes everything inline.
 */
export function placeInsertion(
  root: HTMLElement,
  adapter: Pick<EditorAdapter, 'family' | 'readText'>,
  content: InsertContent,
  caret: SavedSelection | null,
): { content: InsertContent; at: SavedSelection | TextSpan | null } {
  // A one-line field has no blocks: everything goes at its caret.
  const placement = adapter.family === 'input' ? 'inline' : placementOf(content);
  if (placement === 'inline') return { content: { ...content, placement, html: content.html && unwrapParagraph(content.html) }, at: caret };
  // Lines of plain text are paragraphs of their own in a rich editor (plain ones take the text).
  const block = { ...content, placement, html: content.html ?? content.text.split('\n').map((line) => `<p>${escapeHtml(line)}</p>`).join('') };
  if (inEmptyBlock(root, caret)) return { content: block, at: caret };
  const text = adapter.readText(root);
  return { content: block, at: blockSpan(text, caret ?? { start: text.length, end: text.length }) };
}
