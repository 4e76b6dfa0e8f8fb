// CKEditor 4 classic (iframe) editor. ckeditor.js (global `CKEDITOR`) is loaded from
// /node_modules by the page and loads its config, skin and language files from there.
import { blocksToHtml, exposeEditor, htmlToText, initialBlocks } from './shared/harness.ts';

interface Ck4Editor {
  getData(): string;
  focus(): void;
}
declare const CKEDITOR: {
  replace(element: HTMLTextAreaElement, config: object): Ck4Editor;
};

exposeEditor('ckeditor4', async () => {
  const textarea = document.querySelector<HTMLTextAreaElement>('#editor')!;
  textarea.value = blocksToHtml(await initialBlocks());
  let editor!: Ck4Editor;
  await new Promise<void>((resolve) => {
    editor = CKEDITOR.replace(textarea, {
      width: 720,
      height: 360,
      language: 'zh-cn',
      versionCheck: false, // would fetch the latest version number and nag about it
      on: { instanceReady: () => resolve() },
    });
  });
  return {
    instance: editor,
    getText: () => htmlToText(editor.getData()),
    getHtml: () => editor.getData(),
    focus: () => editor.focus(),
  };
});
