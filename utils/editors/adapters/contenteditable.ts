import { domEditor, END_OF_TEXT, selectDom } from '../dom-selection';
import { execInsert } from '../input';
import type { EditorAdapter } from './types';

/**
 * Plain contenteditable and design-mode documents, including ones inside open shadow roots:
 * the browser's editing commands keep the undo stack; direct DOM edits would not.
 */
export const contentEditableAdapter = /* @__PURE__ */ domEditor(
  'contenteditable',
  (root) => root.isContentEditable,
  async (root, content, at) => {
    await selectDom(root, at ?? END_OF_TEXT);
    const before = root.innerHTML;
    // insertText turns '\n' into paragraphs and insertHTML keeps structure: one undo step each.
    execInsert(root.ownerDocument, content);
    return root.innerHTML !== before;
  },
);

/** A whole document in design mode, as older iframe editors make them. */
export const designModeAdapter: EditorAdapter = {
  ...contentEditableAdapter,
  family: 'design-mode',
  matches: (root) => root.ownerDocument.designMode === 'on' && root === root.ownerDocument.body,
};
