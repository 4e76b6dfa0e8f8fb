/**
 * The input paths editors listen to. Each editor family picks the one its own code handles, so
 * its model sees the change and records one undo step. None of the common editors checks
 * `isTrusted`, so synthetic events work when they are the events the editor actually reads.
 */
import type { InsertContent } from './adapters/types';

/** Lets the editor react to focus and selection changes before the insertion arrives. */
export function settle(ms = 30): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function dataTransferOf(content: InsertContent): DataTransfer {
  const data = new DataTransfer();
  data.setData('text/plain', content.text);
  if (content.html) data.setData('text/html', content.html);
  return data;
}

/** A synthetic paste: ProseMirror, Lexical, Quill 2 and CKEditor 5 run their paste pipeline. */
export function dispatchPaste(target: Element, content: InsertContent): void {
  target.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: dataTransferOf(content), bubbles: true, cancelable: true, composed: true }),
  );
}

/** A synthetic `beforeinput` paste: Slate and wangEditor insert its DataTransfer. */
export function dispatchBeforeInputPaste(target: Element, content: InsertContent): void {
  const selection = target.ownerDocument.getSelection();
  const targetRanges = selection && selection.rangeCount ? [new StaticRange(selection.getRangeAt(0))] : [];
  target.dispatchEvent(
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
