// TinyMCE in iframe mode. tinymce.min.js (global `tinymce`) is loaded from /node_modules by the
// page, so the editor finds its skins, models, themes and icons next to it.
import type { TinyMCE } from 'tinymce';
import { blocksToHtml, exposeEditor, htmlToText, initialBlocks } from './shared/harness.ts';

declare const tinymce: TinyMCE;

exposeEditor('tinymce', async () => {
  document.querySelector<HTMLTextAreaElement>('#editor')!.value = blocksToHtml(await initialBlocks());
  const [editor] = await tinymce.init({
    selector: '#editor',
    license_key: 'gpl',
    width: 720,
    height: 400,
    menubar: false,
    promotion: false,
    branding: false,
    toolbar: 'undo redo | blocks | bold italic',
  });
  return {
    instance: editor,
    getText: () => htmlToText(editor.getContent()),
    getHtml: () => editor.getContent(),
    focus: () => editor.focus(),
  };
});
