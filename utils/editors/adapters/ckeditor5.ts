import { domEditor, pasteAt } from '../dom-selection';

/**
 * CKEditor 5: its view selection follows the DOM's on `selectionchange`, and a synthetic paste
 * runs its clipboard pipeline into the model (one undo step). Direct DOM edits are reverted.
 */
export const ckeditor5Adapter = /* @__PURE__ */ domEditor(
  'ckeditor5',
  (root) => root.classList.contains('ck-editor__editable'),
  (root, content, at) => pasteAt(root, content, at),
);
