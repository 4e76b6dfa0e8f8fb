// SunEditor 3: its own history and HTML.
import suneditor from 'suneditor';
import { blocksToHtml, exposeEditor, htmlToText, initialBlocks } from './shared/harness.ts';

exposeEditor('suneditor', async () => {
  const element = document.querySelector<HTMLElement>('#editor')!;
  const editor = suneditor.create(element, { width: '720px', height: '340px', value: blocksToHtml(await initialBlocks()) });
  const html = () => editor.$.html.get() as string;
  await new Promise((resolve) => setTimeout(resolve, 50));
  return {
    instance: editor,
    getText: () => htmlToText(html()),
    getHtml: html,
    focus: () => editor.$.focusManager.focus(),
  };
});
