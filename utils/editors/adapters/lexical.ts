import { domEditor, pasteAt } from '../dom-selection';

/**
 * Lexical keeps an empty pasted paragraph as a line of its own. A paragraph holding one line
 * break merges into the caret's line instead, and Lexical drops the break it leaves at the end.
 */
const LEXICAL_JOINER = '<p><br><br></p>';

/**
 * Lexical: a synthetic paste becomes its PASTE_COMMAND, which takes the selection from the DOM
 * and inserts the clipboard's HTML as nodes in one history entry.
 */
export const lexicalAdapter = /* @__PURE__ */ domEditor(
  'lexical',
  (root) => root.dataset.lexicalEditor === 'true',
  (root, content, at) => pasteAt(root, content, at, LEXICAL_JOINER),
);
