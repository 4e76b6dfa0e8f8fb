/**
 * The input paths editors listen to. Each editor family picks the one its own code handles, so
 * its model sees the change and records one undo step. None of the common editors checks
 * `isTrusted`, so synthetic events work when they are the events the editor actually reads.
 */
import type { InsertContent, TextSpan } from './adapters/types';

/** Lets the editor react to focus and selection changes before the insertion arrives. */
export function settle(ms = 30): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True once `done()` holds, false after `ms`: editors that render later (React) need a moment. */
export async function until(done: () => boolean, ms = 300): Promise<boolean> {
  for (const end = Date.now() + ms; !done(); await settle(10)) {
    if (Date.now() > end) return false;
  }
  return true;
}

/**
 * Block content in a plain-text editor: it starts and ends a line of its own. `before` and
 * `after` are the text on either side of the caret (only their edges matter).
 */
export function onOwnLines(text: string, before: string, after: string): string {
  return (before && !before.endsWith('\n') ? '\n' : '') + text + (after && !after.startsWith('\n') ? '\n' : '');
}

/** An empty paragraph as most editors paste one. */
export const EMPTY_PARAGRAPH = '<p><br></p>';

/**
 * Block content pasted where `span` starts (the end of a line, or an empty line: see
 * placement.ts). Rich editors join a paste's first block to the text before the caret, so a
 * section pasted after a paragraph would lose its heading into it: where the line has text
 * before the caret, the editor's own empty block (`joiner`) goes first and takes the join.
 */
export function blockPaste(text: string, span: TextSpan, html: string, joiner: string): string {
  const start = Math.min(span.start, text.length);
  return start > 0 && text[start - 1] !== '\n' ? joiner + html : html;
}

function dataTransferOf(content: InsertContent): DataTransfer {
  const data = new DataTransfer();
  data.setData('text/plain', content.text);
  if (content.html) data.setData('text/html', content.html);
  return data;
}

/**
 * A synthetic paste: ProseMirror, Lexical, Quill 2 and CKEditor 5 run their paste pipeline.
 * False when the editor took it (cancelled the event).
 */
export function dispatchPaste(target: Element, content: InsertContent): boolean {
  const event = new ClipboardEvent('paste', { clipboardData: dataTransferOf(content), bubbles: true, cancelable: true, composed: true });
  // Firefox gives the event a DataTransfer of its own, empty: the data goes into that one.
  if (event.clipboardData && event.clipboardData.getData('text/plain') !== content.text) {
    event.clipboardData.setData('text/plain', content.text);
    if (content.html) event.clipboardData.setData('text/html', content.html);
  }
  return target.dispatchEvent(event);
}

/**
 * A synthetic `beforeinput` paste: Slate and wangEditor insert its DataTransfer, at its target
 * range (the DOM selection) rather than waiting for their throttled `selectionchange`.
 */
export function dispatchBeforeInputPaste(target: Element, content: InsertContent): boolean {
  const selection = target.ownerDocument.getSelection();
  const targetRanges = selection && selection.rangeCount ? [new StaticRange(selection.getRangeAt(0))] : [];
  return target.dispatchEvent(
    new InputEvent('beforeinput', {
      inputType: 'insertFromPaste',
      dataTransfer: dataTransferOf(content),
      targetRanges,
      bubbles: true,
      cancelable: true,
      composed: true,
    }),
  );
}

/** The browser's own editing command: one undo step in text fields and plain contenteditable. */
export function execInsert(doc: Document, content: InsertContent): boolean {
  return content.html ? doc.execCommand('insertHTML', false, content.html) : doc.execCommand('insertText', false, content.text);
}
