import { defineBridge } from '../bridge';
import { textToHtml } from '../../report/html-text';
import { frameEditorAdapter, frameRange } from '../frame-editor';
import { editDom } from '../text-edits';

/** The parts of a TinyMCE editor used here. */
interface TinyEditor {
  iframeElement?: HTMLIFrameElement | null;
  getBody(): HTMLElement;
  undoManager: { transact(change: () => void): unknown };
  focus(): void;
  selection: { setRng(range: Range): void };
  insertContent(html: string): void;
}

/** Make the frame's DOM selection the editor's own: its focus() would restore its bookmark. */
function adoptSelection(editor: TinyEditor) {
  const range = frameRange(editor.iframeElement);
  editor.focus();
  if (range) editor.selection.setRng(range);
}

/** MAIN world: `insertContent` runs as an editor command, one undo level. */
export const tinymceBridge = defineBridge<TinyEditor>({
  family: 'tinymce',
  find(frame) {
    const tinymce = (window as { tinymce?: { get(): TinyEditor[] } }).tinymce;
    return tinymce?.get?.().find((editor) => editor.iframeElement === frame) ?? null;
  },
  select(editor) {
    adoptSelection(editor);
    return true;
  },
  insert(editor, content) {
    adoptSelection(editor);
    editor.insertContent(content.html ?? textToHtml(content.text));
    return true;
  },
  replaceEach(editor, { edits }) {
    // Its undo levels are snapshots of the body: one taken around all the edits is one level.
    editor.undoManager.transact(() => editDom(editor.getBody(), edits));
    return true;
  },
});

/** TinyMCE in iframe mode: `body#tinymce.mce-content-body` in `iframe.tox-edit-area__iframe`. */
export const tinymceAdapter = /* @__PURE__ */ frameEditorAdapter('tinymce', 'tox-edit-area__iframe', 'mce-content-body');
