// wangEditor 5 (built on its own copy of Slate 0.72, rendered with snabbdom).
import { createEditor, createToolbar } from '@wangeditor/editor';
import '@wangeditor/editor/dist/css/style.css';
import { blocksToHtml, exposeEditor, initialBlocks } from './shared/harness.ts';

exposeEditor('wangeditor', async () => {
  const editor = createEditor({
    selector: '#editor',
    html: blocksToHtml(await initialBlocks()),
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
