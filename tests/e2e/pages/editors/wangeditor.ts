// wangEditor 5 (built on its own copy of Slate 0.72, rendered with snabbdom).
import { createEditor, createToolbar } from '@wangeditor/editor';
import '@wangeditor/editor/dist/css/style.css';
import { EXCERPT_HTML, exposeEditor } from './shared/harness.ts';

exposeEditor('wangeditor', () => {
  const editor = createEditor({
    selector: '#editor',
    html: EXCERPT_HTML,
    mode: 'simple',
    config: { autoFocus: false, placeholder: '' }, // autoFocus is on by default
  });
  createToolbar({ editor, selector: '#toolbar', mode: 'simple' });
  return {
    instance: editor,
    getText: () => editor.getText(),
    getHtml: () => editor.getHtml(),
    focus: () => editor.focus(),
  };
});
