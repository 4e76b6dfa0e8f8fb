import { callBridge, defineBridge } from '../bridge';
import { END_OF_TEXT, readDomText } from '../dom-selection';
import { onOwnLines, settle } from '../input';
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
    // CodeMirror holds plain text: a rich section arrives as its lines, on lines of their own.
    const text = content.html
      ? onOwnLines(String(content.text), state.doc.sliceString(Math.max(from - 1, 0), from), state.doc.sliceString(to, to + 1))
      : String(content.text);
    view.dispatch(state.replaceSelection(text), { userEvent: 'input.paste', scrollIntoView: true });
    return view.state.doc !== state.doc;
  },
  replaceAll(view, { spans, text }) {
    const { doc } = view.state;
    // One transaction with every change: one history step.
    view.dispatch({
      changes: spans.map((s) => ({ from: s.start, to: s.end, insert: String(text) })),
      userEvent: 'input.paste',
      scrollIntoView: true,
    });
    return view.state.doc !== doc;
  },
});

const isSpan = (value: unknown): value is TextSpan =>
  !!value && typeof (value as TextSpan).start === 'number' && typeof (value as TextSpan).end === 'number';

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
    const text = callBridge(root, 'codemirror', 'readText', null);
    // Without the bridge only the lines in view can be read.
    return typeof text === 'string' ? text : readDomText(root);
  },

  readSelection(root) {
    const span = callBridge(root, 'codemirror', 'readSelection', null);
    return isSpan(span) ? { start: span.start, end: span.end, range: null } : null;
  },

  select,

  async insert(root, content, at) {
    await select(root, at ?? END_OF_TEXT);
    return callBridge(root, 'codemirror', 'insert', { text: content.text, html: content.html }) === true;
  },

  async replaceAll(root, spans, text) {
    return callBridge(root, 'codemirror', 'replaceAll', { spans: spans.map(({ start, end }) => ({ start, end })), text }) === true;
  },
};
