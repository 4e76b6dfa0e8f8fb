import { domEditor, pasteAt } from '../dom-selection';
import { dispatchBeforeInputPaste, EMPTY_PARAGRAPHS } from '../input';

/**
 * Slate (slate-react): the instance is out of reach, but its `beforeinput` handler selects the
 * event's target range and hands the DataTransfer to `insertData` (the app's HTML deserialiser,
 * else plain lines): one undo step. Slate's `insertFragment` joins the first and last pasted
 * blocks to the text around the caret, so a section gets empty paragraphs on those sides.
 */
export const slateAdapter = /* @__PURE__ */ domEditor(
  'slate',
  (root) => root.hasAttribute('data-slate-editor'),
  (root, content, at) => pasteAt(root, content, at, EMPTY_PARAGRAPHS, dispatchBeforeInputPaste),
);
