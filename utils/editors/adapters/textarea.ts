import { execInsert, onOwnLines, settle } from '../input';
import { rebuiltText, stretchOf } from '../text-edits';
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

/** Styles that decide where a textarea's text wraps and how tall its lines are. */
const MIRRORED = [
  'box-sizing', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'font-family', 'font-size', 'font-weight', 'font-style',
  'font-variant', 'font-stretch', 'font-kerning', 'font-feature-settings', 'line-height', 'letter-spacing', 'word-spacing', 'text-transform',
  'text-indent', 'text-align', 'tab-size', 'direction', 'white-space', 'overflow-wrap', 'word-break', 'hyphens',
];

/**
 * Where `span` of a textarea's text lies, as boxes in the field's content coordinates (from
 * its padding edge, scroll not applied), one per line the span covers. A field draws no DOM of
 * its text, so the text is laid out again in a hidden copy with the field's wrapping styles; the
 * copy lives in a closed shadow root and is gone before the page's script runs again.
 */
export function fieldSpanBoxes(field: HTMLTextAreaElement, span: TextSpan): DOMRect[] {
  const doc = field.ownerDocument;
  const style = getComputedStyle(field);
  const host = doc.createElement('span');
  host.style.setProperty('position', 'absolute');
  host.style.setProperty('top', '0');
  host.style.setProperty('left', '0');
  host.style.setProperty('visibility', 'hidden');
  const mirror = doc.createElement('div');
  for (const name of MIRRORED) mirror.style.setProperty(name, style.getPropertyValue(name));
  mirror.style.setProperty('box-sizing', 'content-box');
  mirror.style.setProperty('border', '0');
  mirror.style.setProperty('margin', '0');
  mirror.style.setProperty('position', 'absolute');
  mirror.style.setProperty('white-space', style.whiteSpace === 'pre' ? 'pre' : 'pre-wrap');
  // The field's text column: its client width (no scrollbar, no border) less its padding.
  const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  mirror.style.setProperty('width', `${Math.max(0, field.clientWidth - padding)}px`);
  const value = field.value;
  const start = Math.min(span.start, value.length);
  const end = Math.min(Math.max(span.end, start), value.length);
  const marked = doc.createElement('span');
  // An empty span still has a place: a zero-width space gives it a line box.
  marked.textContent = value.slice(start, end) || '\u200b';
  mirror.append(value.slice(0, start), marked, value.slice(end));
  host.attachShadow({ mode: 'closed' }).append(mirror);
  doc.documentElement.append(host);
  try {
    const origin = mirror.getBoundingClientRect();
    return [...marked.getClientRects()].map((r) => new DOMRect(r.left - origin.left, r.top - origin.top, r.width, r.height));
  } finally {
    host.remove();
  }
}

/** Scrolls the viewport of `view` by whatever brings [top, bottom) (its client coordinates) to the middle. */
function centreInView(view: Window, top: number, bottom: number) {
  if (top >= 0 && bottom <= view.innerHeight) return;
  view.scrollBy({ top: (top + bottom) / 2 - view.innerHeight / 2, behavior: 'instant' });
}

/**
 * Brings the selected span into view: the textarea scrolls so its line is in the middle of the
 * field where it can be, then the page so the line is on screen. `setSelectionRange` scrolls
 * neither.
 */
function scrollFieldTo(field: HTMLTextAreaElement, box: DOMRect, wasInView: boolean) {
  // The field itself in view of the pages around it (frames included), then the line in it.
  field.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  const visible = field.clientHeight;
  if (!wasInView) field.scrollTo({ top: box.top + box.height / 2 - visible / 2, behavior: 'instant' });
  const view = field.ownerDocument.defaultView;
  const rect = field.getBoundingClientRect();
  const top = rect.top + field.clientTop + box.top - field.scrollTop;
  if (view) centreInView(view, top, top + box.height);
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
    if (!(root instanceof HTMLTextAreaElement)) return selectField(root as TextField, span);
    const [box] = fieldSpanBoxes(root, span);
    // A line the user already sees stays where it is.
    const wasInView = !!box && box.top >= root.scrollTop && box.bottom <= root.scrollTop + root.clientHeight;
    selectField(root, span);
    // The browser reveals a new selection its own way (just in view, at an edge) a moment
    // later; the line is centred after that.
    await settle(20);
    if (box) scrollFieldTo(root, box, wasInView);
  },

  async insert(root, content, at: SavedSelection | TextSpan | null) {
    const field = root as TextField;
    selectField(field, at ?? this.readSelection(root)!);
    const before = field.value;
    // Text fields take plain text; block content arrives as its lines, on lines of its own.
    const text =
      field instanceof HTMLInputElement
        ? content.text.replace(/\s*\n+\s*/g, ' ')
        : content.placement === 'block'
          ? asBlock(field, content.text)
          : content.text;
    // execCommand fires a real `input` event (React sees it) and records one undo step.
    if (execInsert(field.ownerDocument, { text }) || field.value !== before) return field.value !== before;
    // Fallback for pages where execCommand is unavailable: the value changes, undo may not.
    field.setRangeText(text, field.selectionStart ?? 0, field.selectionEnd ?? 0, 'end');
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return field.value !== before;
  },

  async replaceEach(root, edits) {
    // One insertion over the whole stretch, rebuilt with every edit made: one undo step, and a
    // text field has no formatting in between to lose.
    return this.insert(root, { text: rebuiltText((root as TextField).value, edits) }, stretchOf(edits));
  },
};

/** Text `<input>`: the same editing as a textarea, on one line. */
export const inputAdapter: EditorAdapter = {
  ...textareaAdapter,
  family: 'input',
  matches: (root) => root instanceof HTMLInputElement,
};
