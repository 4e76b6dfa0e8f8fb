import { callBridge, defineBridge } from '../bridge';
import { END_OF_TEXT, rangeInside, readDomText } from '../dom-selection';
import { onOwnLines, settle } from '../input';
import { buildTextIndex } from '../text-index';
import type { EditorAdapter, SavedSelection, TextSpan } from './types';

/** The parts of CodeMirror 6's EditorView used here. */
interface EditorView {
  state: {
    doc: { length: number; toString(): string; sliceString(from: number, to: number): string };
    selection: { main: { from: number; to: number } };
    replaceSelection(text: string): object;
  };
  dispatch(...specs: object[]): void;
  focus(): void;
}

type ContentElement = Element & {
  cmTile?: { root?: { view?: EditorView } };
  cmView?: { rootView?: { view?: EditorView } };
};

/**
 * MAIN world: CodeMirror draws only the lines in view, so text, selection and insertion all go
 * through its state. A paste-like transaction is one history step and lands at the model's
 * selection wherever it is, drawn or not.
 */
export const codeMirrorBridge = defineBridge<EditorView>({
  family: 'codemirror',
  find(target) {
    const content = target.closest<ContentElement>('.cm-content');
    // 6.43+ keeps the view on the content element's tile, older versions on its view desc.
    const view = content?.cmTile?.root?.view ?? content?.cmView?.rootView?.view;
    return view && typeof view.dispatch === 'function' ? view : null;
  },
  readText: (view) => view.state.doc.toString(),
  readSelection(view) {
    const { from, to } = view.state.selection.main;
    return { start: from, end: to };
  },
  select(view, span) {
    const clamp = (offset: unknown) => Math.min(Math.max(Number(offset) || 0, 0), view.state.doc.length);
    view.dispatch({ selection: { anchor: clamp(span.start), head: clamp(span.end) }, scrollIntoView: true });
    view.focus();
    return true;
  },
  insert(view, content) {
    const { state } = view;
    const { from, to } = state.selection.main;
    // CodeMirror holds plain text: block content arrives as its lines, on lines of their own.
    const text =
      content.placement === 'block'
        ? onOwnLines(String(content.text), state.doc.sliceString(Math.max(from - 1, 0), from), state.doc.sliceString(to, to + 1))
        : String(content.text);
    view.dispatch(state.replaceSelection(text), { userEvent: 'input.paste', scrollIntoView: true });
    return view.state.doc !== state.doc;
  },
  replaceEach(view, { edits }) {
    const { doc } = view.state;
    // One transaction with every change: one history step.
    view.dispatch({
      changes: edits.map((edit) => ({ from: edit.start, to: edit.end, insert: String(edit.text) })),
      userEvent: 'input.paste',
      scrollIntoView: true,
    });
    return view.state.doc !== doc;
  },
});

const isSpan = (value: unknown): value is TextSpan =>
  !!value && Number.isInteger((value as TextSpan).start) && Number.isInteger((value as TextSpan).end);

/** The text a drawn line holds, without widgets (placeholders, buttons) the editor draws in it. */
function drawnText(node: Node): string {
  let text = '';
  for (const child of node.childNodes) {
    if (child instanceof Text) text += child.data;
    else if (child instanceof HTMLElement && child.contentEditable !== 'false') text += drawnText(child);
  }
  return text;
}

/**
 * Whether the page's answer can be the editor's document: every line CodeMirror draws must be a
 * whole line of it, and lines drawn next to each other must follow each other there, in order.
 * The page can answer for the bridge; the lines it cannot draw are all the DOM cannot vouch for.
 */
function fitsDrawnLines(root: HTMLElement, text: string): boolean {
  const runs: string[][] = [];
  let run: string[] | null = null;
  for (const child of root.children) {
    if (!child.classList.contains('cm-line')) run = null;
    else if (run) run.push(drawnText(child));
    else runs.push((run = [drawnText(child)]));
  }
  const lines = text.split('\n');
  let from = 0;
  for (const drawn of runs) {
    // The earliest place a run fits leaves the most room for the runs after it.
    while (from + drawn.length <= lines.length && drawn.some((line, i) => lines[from + i] !== line)) from++;
    if (from + drawn.length > lines.length) return false;
    from += drawn.length;
  }
  return true;
}

/** The document as the bridge tells it, when the drawn lines agree; null otherwise. */
function bridgeText(root: HTMLElement): string | null {
  const text = callBridge(root, 'codemirror', 'readText', null);
  return typeof text === 'string' && fitsDrawnLines(root, text) ? text : null;
}

/** The line around `offset` and where in it `offset` falls. */
function lineAt(text: string, offset: number) {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { line: text.slice(start, end < 0 ? text.length : end), column: offset - start };
}

/**
 * The bridge's selection, when the DOM agrees: inside drawn lines, the DOM selection must hold
 * the same text, starting at the same place of the same line. With the DOM selection elsewhere
 * only a caret is taken, which reveals no text.
 */
function checkedSelection(root: HTMLElement, text: string, span: TextSpan): TextSpan | null {
  if (span.start < 0 || span.start > span.end || span.end > text.length) return null;
  const range = rangeInside(root);
  if (!range) return span.start === span.end ? span : null;
  const index = buildTextIndex(root);
  const start = index.offsetOf(range.startContainer, range.startOffset);
  const end = index.offsetOf(range.endContainer, range.endOffset);
  const drawn = lineAt(index.text, start);
  const told = lineAt(text, span.start);
  const agree = index.text.slice(start, end) === text.slice(span.start, span.end) && drawn.line === told.line && drawn.column === told.column;
  return agree ? span : null;
}

async function select(root: HTMLElement, span: SavedSelection | TextSpan): Promise<void> {
  callBridge(root, 'codemirror', 'select', { start: span.start, end: span.end });
  // Scrolling to a line out of view draws it in the next frame.
  await settle(30);
}

/** CodeMirror 6: everything through its state, via the bridge. */
export const codeMirrorAdapter: EditorAdapter = {
  family: 'codemirror',
  matches: (root) => root.classList.contains('cm-content'),

  readText(root) {
    // Without the bridge, or with an answer the drawn lines belie, only the lines in view.
    return bridgeText(root) ?? readDomText(root);
  },

  readSelection(root) {
    const text = bridgeText(root);
    const span = text === null ? null : callBridge(root, 'codemirror', 'readSelection', null);
    const checked = isSpan(span) && checkedSelection(root, text!, span);
    return checked ? { start: checked.start, end: checked.end, range: null } : null;
  },

  select,

  async insert(root, content, at) {
    await select(root, at ?? END_OF_TEXT);
    return callBridge(root, 'codemirror', 'insert', { text: content.text, html: content.html, placement: content.placement }) === true;
  },

  async replaceEach(root, edits) {
    return callBridge(root, 'codemirror', 'replaceEach', { edits: edits.map(({ start, end, text }) => ({ start, end, text })) }) === true;
  },
};
