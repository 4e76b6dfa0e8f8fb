// CKEditor 5 classic editor from the `ckeditor5` package (GPL).
import { Bold, ClassicEditor, Essentials, Heading, Italic, Paragraph } from 'ckeditor5';
import 'ckeditor5/ckeditor5.css';
import { blocksToHtml, exposeEditor, htmlToText, initialBlocks } from './shared/harness.ts';

exposeEditor('ckeditor5', async () => {
  const editor = await ClassicEditor.create(document.querySelector<HTMLElement>('#editor')!, {
    licenseKey: 'GPL',
    plugins: [Essentials, Paragraph, Heading, Bold, Italic], // Essentials: clipboard, typing, undo, …
    toolbar: ['undo', 'redo', '|', 'heading', '|', 'bold', 'italic'],
    initialData: blocksToHtml(await initialBlocks()),
  });
  return {
    instance: editor,
    getText: () => htmlToText(editor.getData()),
    getHtml: () => editor.getData(),
    focus: () => editor.editing.view.focus(),
  };
});
