import { defineBridge } from '../bridge';
import { textToHtml } from '../../report/html-text';
import { frameEditorAdapter } from '../frame-editor';
import { editDom } from '../text-edits';

/** The parts of a KindEditor instance and of its range used here. */
interface KRange {
  doc: Document;
  collapsed: boolean;
  startContainer: Node;
  startOffset: number;
  setStartBefore(node: Node): KRange;
  setStartAfter(node: Node): KRange;
  setEndAfter(node: Node): KRange;
  collapse(toStart: boolean): KRange;
}
interface KEditor {
  edit?: { iframe?: ArrayLike<HTMLIFrameElement>; doc?: Document };
  addBookmark(checkSize?: boolean): void;
  focus(): void;
  cmd: { selection(): void; range: KRange };
  insertHtml(html: string): void;
  sync(): void;
}

/**
 * KindEditor re-reads the DOM selection into its own range only on keyup and mouseup: make it
 * read the one the content script set.
 */
function adoptSelection(editor: KEditor) {
  editor.focus();
  editor.cmd.selection();
}

/**
 * KindEditor inserts HTML right at the caret, so a section's blocks would nest inside the
 * paragraph. Move the caret out of its top-level block: over it when the block is empty (the
 * section takes its place), before it when the caret is at the block's start, after it
 * otherwise.
 */
function besideBlock(range: KRange) {
  const body = range.doc.body;
  let block: Node = range.startContainer;
  while (block.parentNode && block.parentNode !== body) block = block.parentNode;
  if (!range.collapsed || block.parentNode !== body) return;
  if (!(block.textContent ?? '').replace(/[\s\u00a0\u200b\ufeff]/g, '')) {
    range.setStartBefore(block).setEndAfter(block);
    return;
  }
  const head = range.doc.createRange();
  head.setStart(block, 0);
  head.setEnd(range.startContainer, range.startOffset);
  (head.toString() ? range.setStartAfter(block) : range.setStartBefore(block)).collapse(true);
}

/** MAIN world: insertHtml runs as an editor command, bookmarked before and after (one undo). */
export const kindeditorBridge = defineBridge<KEditor>({
  family: 'kindeditor',
  find(frame) {
    const instances = (window as { KindEditor?: { instances?: KEditor[] } }).KindEditor?.instances ?? [];
    return Array.from(instances).find((editor) => editor.edit?.iframe?.[0] === frame) ?? null;
  },
  select(editor) {
    adoptSelection(editor);
    return true;
  },
  insert(editor, content) {
    adoptSelection(editor);
    if (content.placement === 'block') besideBlock(editor.cmd.range);
    editor.insertHtml(content.html ?? textToHtml(content.text));
    // The source <textarea> is what a form submits.
    editor.sync();
    return true;
  },
  replaceEach(editor, { edits }) {
    const body = editor.edit?.doc?.body;
    if (!body) return false;
    // Its undo stack holds snapshots of the body, whatever their size: one before, one after.
    editor.addBookmark(false);
    editDom(body, edits);
    editor.addBookmark(false);
    editor.sync();
    return true;
  },
});

/** KindEditor: a design-mode body in `iframe.ke-edit-iframe`; its class is a page option. */
export const kindeditorAdapter = /* @__PURE__ */ frameEditorAdapter('kindeditor', 'ke-edit-iframe', null);
