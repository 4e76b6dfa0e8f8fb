// medium-editor: the browser's own editing with a floating toolbar.
import MediumEditor from 'medium-editor';
import { blocksToHtml, exposeEditor, htmlToText, initialBlocks } from './shared/harness.ts';

exposeEditor('medium-editor', async () => {
  const element = document.querySelector<HTMLElement>('#editor')!;
  element.innerHTML = blocksToHtml(await initialBlocks());
  const editor = new MediumEditor(element, { placeholder: false });
  return {
    instance: editor,
    getText: () => htmlToText(editor.getContent()),
    getHtml: () => editor.getContent(),
    focus: () => element.focus(),
  };
});
