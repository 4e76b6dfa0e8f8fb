import type { EditorAdapter, SavedSelection, TextSpan } from './types';

type TextField = HTMLTextAreaElement | HTMLInputElement;

function isTextField(root: HTMLElement): root is TextField {
  return root instanceof HTMLTextAreaElement || root instanceof HTMLInputElement;
}

/** `<textarea>` and text `<input>`: the browser's own editing, so `execCommand` keeps undo. */
export const textFieldAdapter: EditorAdapter = {
  kind: 'textarea',
  matches: isTextField,

  readText(root) {
    return (root as TextField).value;
  },

  readSelection(root) {
    const field = root as TextField;
    // A text field keeps its selection after blur, so it can be read at any time.
    return { start: field.selectionStart ?? 0, end: field.selectionEnd ?? 0, range: null };
  },

  select(root, span: TextSpan) {
    const field = root as TextField;
    field.focus({ preventScroll: true });
    field.setSelectionRange(span.start, span.end);
  },

  insertText(root, text, at: SavedSelection | null) {
    const field = root as TextField;
    const span = at ?? this.readSelection(root)!;
    const length = field.value.length;
    const start = Math.min(span.start, length);
    const end = Math.min(Math.max(span.end, start), length);
    this.select(root, { start, end });
    const before = field.value;
    // execCommand fires a real `input` event (React sees it) and records one undo step.
    if (field.ownerDocument.execCommand('insertText', false, text) && field.value !== before) return true;
    if (field.value !== before) return true;
    // Fallback for pages where execCommand is unavailable: the value changes, undo may not.
    field.setRangeText(text, start, end, 'end');
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return field.value !== before;
  },
};
