// roosterjs 9 (the editor of Outlook on the web): a content model, its own undo snapshots.
import { createEditor, createModelFromHtml, exportContent } from 'roosterjs';
import { blocksToHtml, exposeEditor, htmlToText, initialBlocks } from './shared/harness.ts';

exposeEditor('roosterjs', async () => {
  const element = document.querySelector<HTMLDivElement>('#editor')!;
  element.setAttribute('aria-label', '报告正文');
  const editor = createEditor(element, [], createModelFromHtml(blocksToHtml(await initialBlocks())));
  const html = () => exportContent(editor, 'HTML');
  return {
    instance: editor,
    getText: () => htmlToText(html()),
    getHtml: html,
    focus: () => editor.focus(),
  };
});
