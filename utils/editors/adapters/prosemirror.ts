import { domEditor, pasteAt } from '../dom-selection';

/**
 * ProseMirror (TipTap and the editors built on it): its state selection follows the DOM's on
 * `selectionchange` (selectDom waits out the selection it re-applies ~20 ms after focus), and a
 * synthetic paste runs its clipboard parser as one history step.
 */
export const proseMirrorAdapter = /* @__PURE__ */ domEditor(
  'prosemirror',
  (root) => root.classList.contains('ProseMirror'),
  (root, content, at) => pasteAt(root, content, at),
);
