import { findEditableRoot, judgeEditor, measureEditor, type EditorVerdict } from '../detect';
import { announce, type KnownEditors } from './known-editors';
import { handoff, focusNeedsGesture } from './handoff';
import type { SiteGate } from './site-gate';

/**
 * Where the user clicks is where they mean to write, even a one-line field; but never an
 * editor that is read-only, hidden, or asked writing tools to stay away.
 */
const worthRemembering = (verdict: EditorVerdict) => verdict.isReportEditor || verdict.reason === 'single line' || verdict.reason === 'too small';

export interface CaretTracking {
  /** The user wrote in `root` (or the extension did for them): remember it and follow its caret. */
  remember(root: HTMLElement): void;
  /** Where a trusted focus went before this listened (the one that woke the agent). */
  focused(target: Node): void;
}

/**
 * Follows focus and the caret in this frame, so that the panel writes where the user last was
 * although the page has blurred by then. Idle, a focus listener, until an editor is focused;
 * then it follows the selection, and `onKeyDown` (the abbreviation expander) hears the keys.
 * Every listener acts on trusted events only: the page can dispatch any event it likes.
 */
export function setUpCaretTracking(
  { memory, describe, saveSelectionOf }: KnownEditors,
  gate: SiteGate,
  onKeyDown: (event: KeyboardEvent) => void,
  onFocused: () => void,
): CaretTracking {
  let tracking = false;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  const onSelectionChange = (event: Event) => {
    const root = event.isTrusted && memory.current()?.root;
    if (!root || gate.off) return;
    // Text offsets need a walk over the editor's text: do it once the caret settles.
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => saveSelectionOf(root), 60);
  };

  const onFocusOut = (event: FocusEvent) => {
    const root = event.isTrusted && memory.current()?.root;
    if (root && event.composedPath().includes(root)) {
      clearTimeout(saveTimer);
      saveSelectionOf(root);
    }
  };

  // A frame of another origin than the page (an advertisement, an embed) can focus its own box
  // by script, and that focus is trusted; so can a page in a pop-up it opened, which the panel
  // follows: there, only a focus right after the user pressed a key or the pointer here counts.
  const askGesture = focusNeedsGesture();
  // A gesture may have come before the agent was loaded: the bootstrap saw it.
  let gestureAt = handoff().gestureAt;
  // An editor focused with no gesture here: by script, or by Tab from the page around.
  let focusedUnasked: HTMLElement | null = null;
  const onGesture = (event: Event) => {
    if (!event.isTrusted) return;
    gestureAt = performance.now();
    // The first key the user presses in such an editor says they are writing there.
    if (event.type === 'keydown' && focusedUnasked) {
      const root = findEditableRoot(event.composedPath()[0] as Node);
      if (root === focusedUnasked) adopt(root);
      focusedUnasked = null;
    }
  };

  const remember = (root: HTMLElement) => {
    memory.focus(root, Date.now());
    if (!tracking) {
      tracking = true;
      listen();
    }
    saveSelectionOf(root);
  };

  const focused = (target: Node) => {
    const root = findEditableRoot(target);
    if (askGesture && performance.now() - gestureAt > 1000) focusedUnasked = root;
    else if (root) adopt(root);
  };
  const onFocusIn = (event: FocusEvent) => {
    if (event.isTrusted) focused(event.composedPath()[0] as Node);
  };

  /** The user is in `root`: it becomes the frame's editor to follow, and the panel hears of it. */
  const adopt = (root: HTMLElement) => {
    void gate.isOff().then((off) => {
      if (off || !worthRemembering(judgeEditor(measureEditor(root)))) return;
      remember(root);
      onFocused();
      announce({ type: 'editor-focused', frameUrl: location.href, editor: describe(root) });
    });
  };

  const listen = () => {
    window.addEventListener('focusin', onFocusIn, true);
    if (askGesture) for (const type of ['pointerdown', 'keydown']) window.addEventListener(type, onGesture, true);
    if (tracking) {
      document.addEventListener('selectionchange', onSelectionChange);
      window.addEventListener('focusout', onFocusOut, true);
      window.addEventListener('keydown', onKeyDown, true);
    }
  };
  listen();
  // Iframe editors (TinyMCE, KindEditor, UEditor) write their frame with document.open(),
  // which erases every listener of the document and its window. Only the document's own
  // children are watched, so this costs nothing until the document is rewritten.
  new MutationObserver(listen).observe(document, { childList: true });
  return { remember, focused };
}
