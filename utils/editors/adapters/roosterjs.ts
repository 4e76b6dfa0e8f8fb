import { domEditor, pasteAt } from '../dom-selection';

/**
 * roosterjs (the editor of Outlook on the web) keeps its own undo snapshots and takes Ctrl+Z
 * itself: a change made by the browser's editing commands is in none of them, so Ctrl+Z would
 * not take it back. Its paste plugin makes a snapshot, and converts pasted HTML into its
 * content model. It marks its content element with `user-select: text` and the style elements
 * it keeps inside it.
 */
export const roosterAdapter = /* @__PURE__ */ domEditor(
  'contenteditable',
  (root) => root.isContentEditable && (root.style.userSelect === 'text' || !!root.querySelector(':scope > style[data-roosterjs-style-key]')),
  (root, content, at) => pasteAt(root, content, at),
  // A pasted stretch's last block would stand alone and split the line it ends in.
  { openEnd: true },
);
