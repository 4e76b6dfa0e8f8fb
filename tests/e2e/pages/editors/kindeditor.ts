// KindEditor (iframe). kindeditor-all.js (global `KindEditor`) and its zh-CN strings are loaded
// from /node_modules by the page; it loads its theme CSS from `basePath`.
import { blocksToHtml, exposeEditor, htmlToText, initialBlocks } from './shared/harness.ts';

interface KEditor {
  html(): string;
  focus(): KEditor;
}
declare const KindEditor: {
  create(selector: string, options: object): KEditor;
};

exposeEditor('kindeditor', async () => {
  document.querySelector<HTMLTextAreaElement>('#editor')!.value = blocksToHtml(await initialBlocks());
  let editor!: KEditor;
  await new Promise<void>((resolve) => {
    editor = KindEditor.create('#editor', {
      basePath: '/node_modules/kindeditor/',
      width: '720px',
      height: '400px',
      items: ['undo', 'redo', '|', 'formatblock', 'bold', 'italic'],
      afterCreate: () => resolve(),
    });
  });
  return {
    instance: editor,
    getText: () => htmlToText(editor.html()),
    getHtml: () => editor.html(),
    focus: () => editor.focus(),
  };
});
