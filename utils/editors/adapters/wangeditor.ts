import { domEditor, pasteAt } from '../dom-selection';
import { dispatchBeforeInputPaste, dispatchPaste } from '../input';
import type { InsertContent } from './types';

/** wangEditor inserts each pasted block as a block of its own: no empty block takes a join. */
const NO_JOINER = '';

/**
 * wangEditor takes a plain-text `paste` itself. A paste with HTML only arms its `beforeinput`
 * handler (in Chrome the browser's `insertFromPaste` follows), which inserts the DataTransfer.
 */
function paste(root: Element, content: InsertContent) {
  if (dispatchPaste(root, content)) dispatchBeforeInputPaste(root, content);
}

/** wangEditor 5 (its own Slate, rendered by snabbdom): the instance is out of reach. */
export const wangEditorAdapter = /* @__PURE__ */ domEditor(
  'wangeditor',
  // Before Slate's adapter: it is a Slate editor too.
  (root) => root.hasAttribute('data-slate-editor') && root.id.startsWith('w-e-textarea-'),
  (root, content, at) => pasteAt(root, content, at, NO_JOINER, paste),
  // Every pasted block, and text after the last, becomes a block of its own: one paste over
  // several edits would split the lines they end in, so they go in one by one.
  null,
);
