import { domEditor, pasteAt } from '../dom-selection';

/**
 * Quill 2: a synthetic paste is converted to a delta at the selection Quill re-reads from the
 * DOM (`getSelection(true)`), one history step. Quill 1 pastes through a hidden container and a
 * timer instead, and is not handled here.
 */
export const quillAdapter = /* @__PURE__ */ domEditor(
  'quill',
  (root) => root.classList.contains('ql-editor'),
  (root, content, at) => pasteAt(root, content, at),
  // A pasted block keeps its own line: the last one is pasted as its content, into the line's rest.
  { openEnd: true },
);
