import { execInsert, onOwnLines } from '../input';
import type { EditorAdapter, SavedSelection, TextSpan } from './types';

type TextField = HTMLTextAreaElement | HTMLInputElement;

/** Block content starts and ends a line, as it would in a rich editor. */
function asBlock(field: TextField, text: string): string {
  return onOwnLines(text, field.value.slice(0, field.selectionStart ?? 0), field.value.slice(field.selectionEnd ?? 0));
}

function selectField(field: TextField, span: TextSpan) {
  field.focus({ preventScroll: true });
  const length = field.value.length;
  const start = Math.min(span.start, length);
  field.setSelectionRange(start, Math.min(Math.max(span.end, start), length));
}

/** `<textarea>`: the browser's own editing, so `execCommand` keeps undo. */
export const textareaAdapter: EditorAdapter = {
  family: 'textarea',
  matches: (root) => root instanceof HTMLTextAreaElement,

  readText(root) {
    return (root as TextField).value;
  },

  readSelection(root) {
    const field = root as TextField;
    // A text field keeps its selection after blur, so it can be read at any time.
    return { start: field.selectionStart ?? 0, end: field.selectionEnd ?? 0, range: null };
  },

  async select(root, span) {
    selectField(root as TextField, span);
  },

  async insert(root, content, at: SavedSelection | TextSpan | null) {
    const field = root as TextField;
    selectField(field, at ?? this.readSelection(root)!);
    const before = field.value;
    // Text fields take plain text; a rich section arrives as its lines, on lines of its own.
    const text =
      field instanceof HTMLInputElement ? content.text.replace(/\s*\n+\s*/g, ' ') : content.html ? asBlock(field, content.text) : content.text;
    // execCommand fires a real `input` event (React sees it) and records one undo step.
    if (execInsert(field.ownerDocument, { text }) || field.value !== before) return field.value !== before;
    // Fallback for pages where execCommand is unavailable: the value changes, undo may not.
    field.setRangeText(text, field.selectionStart ?? 0, field.selectionEnd ?? 0, 'end');
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return field.value !== before;
  },

  async replaceAll(root, spans, text) {
    const field = root as TextField;
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    const from = sorted[0].start;
    const to = sorted[sorted.length - 1].end;
    // One insertion over the whole stretch, rebuilt with every span replaced: one undo step,
    // and a text field has no formatting in between to lose.
    let middle = '';
    let at = from;
    for (const span of sorted) {
      middle += field.value.slice(at, span.start) + text;
      at = span.end;
    }
    return this.insert(root, { text: middle }, { start: from, end: to });
  },
};

/** Text `<input>`: the same editing as a textarea, on one line. */
export const inputAdapter: EditorAdapter = {
  ...textareaAdapter,
  family: 'input',
  matches: (root) => root instanceof HTMLInputElement,
};
