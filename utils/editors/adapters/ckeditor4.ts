import { defineBridge } from '../bridge';
import { frameEditorAdapter, frameRange } from '../frame-editor';
import { editDom } from '../text-edits';

/** The parts of CKEditor 4 used here; its DOM wrappers are opaque. */
interface Ck4Range {
  setStart(node: unknown, offset: number): void;
  setEnd(node: unknown, offset: number): void;
}
interface Ck4Editor {
  window?: { $?: Window } | null;
  document?: { $?: Document } | null;
  fire(event: 'saveSnapshot' | 'change'): void;
  focus(): void;
  createRange(): Ck4Range;
  getSelection(): { selectRanges(ranges: Ck4Range[]): void } | null;
  insertHtml(html: string): void;
  insertText(text: string): void;
}
interface Ckeditor {
  instances: Record<string, Ck4Editor>;
  dom: { node: new (node: Node) => unknown };
}

const ckeditor = () => (window as { CKEDITOR?: Ckeditor }).CKEDITOR;

/**
 * Make the frame's DOM selection the editor's own: CKEditor locks its selection on blur and
 * focus() would bring the locked one back.
 */
function adoptSelection(editor: Ck4Editor) {
  const native = frameRange(editor.window?.$?.frameElement);
  editor.focus();
  const wrap = ckeditor()?.dom.node;
  if (!native || !wrap) return;
  const range = editor.createRange();
  range.setStart(new wrap(native.startContainer), native.startOffset);
  range.setEnd(new wrap(native.endContainer), native.endOffset);
  editor.getSelection()?.selectRanges([range]);
}

/** MAIN world: insertHtml / insertText each save an undo snapshot before and after. */
export const ckeditor4Bridge = defineBridge<Ck4Editor>({
  family: 'ckeditor4',
  find(frame) {
    // The frame is rebuilt on a mode switch: match the editor's current one.
    return Object.values(ckeditor()?.instances ?? {}).find((editor) => editor.window?.$?.frameElement === frame) ?? null;
  },
  select(editor) {
    adoptSelection(editor);
    return true;
  },
  insert(editor, content) {
    adoptSelection(editor);
    if (content.html) editor.insertHtml(content.html);
    else editor.insertText(String(content.text));
    return true;
  },
  replaceEach(editor, { edits }) {
    const body = editor.document?.$?.body;
    if (!body) return false;
    // Its undo steps are snapshots: one before and one after the edits make them one step.
    editor.fire('saveSnapshot');
    editDom(body, edits);
    editor.fire('saveSnapshot');
    editor.fire('change');
    return true;
  },
});

/** CKEditor 4 classic: `body.cke_editable` in `iframe.cke_wysiwyg_frame`. */
export const ckeditor4Adapter = /* @__PURE__ */ frameEditorAdapter('ckeditor4', 'cke_wysiwyg_frame', 'cke_editable');
