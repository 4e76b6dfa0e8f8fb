import { isBlockEditor } from '../editable-blocks';
import { domEditor, END_OF_TEXT, readDomText, selectDom } from '../dom-selection';
import { execInsert } from '../input';
import type { EditorAdapter, InsertContent, SavedSelection, TextSpan } from './types';

/**
 * Plain contenteditable and the editor libraries nobody wrote an adapter for: the browser's
 * editing commands keep its undo stack, where direct DOM edits would not, and fire the `input`
 * event by which such editors (Squire, Jodit, Summernote, Froala, SunEditor) take the change
 * into their model and history.
 */
async function insertGeneric(root: HTMLElement, content: InsertContent, at: SavedSelection | TextSpan | null): Promise<boolean> {
  await selectDom(root, at ?? END_OF_TEXT);
  const before = root.innerHTML;
  const text = readDomText(root);
  // insertText turns '\n' into paragraphs and insertHTML keeps structure: one undo step each.
  execInsert(root.ownerDocument, content);
  if (root.innerHTML === before) return false;
  // A line put over a span (a fill) must show as exactly that: where the editor made something
  // else of it, the change is taken back and the answer is no.
  if (at && !content.html && !content.text.includes('\n')) {
    const expected = text.slice(0, at.start) + content.text + text.slice(at.end);
    if (spaced(readDomText(root)) !== spaced(expected)) {
      root.ownerDocument.execCommand('undo');
      return false;
    }
  }
  // Some editors copy what they show into the form field they submit only when a key goes up
  // (Trumbowyg, older office-system editors): a key release of no key tells them it changed.
  root.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, key: 'Unidentified' }));
  return true;
}

/** Text with the no-break spaces editors write for typed spaces as spaces. */
const spaced = (text: string) => text.replace(/\u00a0/g, ' ');

const generic = /* @__PURE__ */ domEditor('contenteditable', (root) => root.isContentEditable || isBlockEditor(root), insertGeneric);

/** Plain contenteditable, block editors and libraries without an adapter, also in open shadow roots. */
export const contentEditableAdapter: EditorAdapter = {
  ...generic,
  // A block editor takes several edits one by one: a stretch across its blocks is no one paste.
  replaceEach: (root, edits) => (isBlockEditor(root) ? Promise.resolve(null) : generic.replaceEach!(root, edits)),
};

/** A whole document in design mode, as older iframe editors make them: the browser's commands. */
export const designModeAdapter = /* @__PURE__ */ domEditor('design-mode', (root) => root.ownerDocument.designMode === 'on' && root === root.ownerDocument.body, insertGeneric);
