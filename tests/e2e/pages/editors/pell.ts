// pell: a toolbar over a plain contenteditable, editing through the browser's own commands.
import { init } from 'pell';
import { blocksToHtml, exposeEditor, htmlToText, initialBlocks } from './shared/harness.ts';

exposeEditor('pell', async () => {
  const element = document.querySelector<HTMLElement>('#editor')!;
  const editor = init({ element, onChange: () => {}, actions: ['bold', 'italic', 'heading2', 'paragraph'] });
  editor.content.innerHTML = blocksToHtml(await initialBlocks());
  editor.content.setAttribute('aria-label', '报告正文');
  return {
    instance: editor,
    getText: () => htmlToText(editor.content.innerHTML),
    getHtml: () => editor.content.innerHTML,
    focus: () => editor.content.focus(),
  };
});
