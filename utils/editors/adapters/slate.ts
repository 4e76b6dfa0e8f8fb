import { domEditor, pasteAt } from '../dom-selection';
import { dispatchBeforeInputPaste, EMPTY_PARAGRAPH } from '../input';

/**
 * Slate (slate-react): the instance is out of reach, but its `beforeinput` handler selects the
 * event's target range and hands the DataTransfer to `insertData` (the app's HTML deserialiser,
 * else plain lines): one undo step. Slate's `insertFragment` joins the first pasted block to
 * the text before the caret, so a section after a paragraph gets an empty one first.
 */
export const slateAdapter = /* @__PURE__ */ domEditor(
  'slate',
  (root) => root.hasAttribute('data-slate-editor'),
  (root, content, at) => pasteAt(root, content, at, EMPTY_PARAGRAPH, dispatchBeforeInputPaste),
);
