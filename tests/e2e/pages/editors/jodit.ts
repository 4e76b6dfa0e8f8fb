// Jodit 4: its own history, which records what the browser's commands change.
import { Jodit } from 'jodit';
import 'jodit/es2021/jodit.min.css';
import { blocksToHtml, exposeEditor, htmlToText, initialBlocks } from './shared/harness.ts';

exposeEditor('jodit', async () => {
  const editor = Jodit.make('#editor', { width: 720, height: 400, toolbarAdaptive: false, buttons: ['bold', 'italic', 'paragraph'] });
  editor.value = blocksToHtml(await initialBlocks());
  editor.history.clear();
  return {
    instance: editor,
    getText: () => htmlToText(editor.value),
    getHtml: () => editor.value,
    focus: () => editor.s.focus(),
  };
});
