// A plain textarea holding the excerpt as lines.
import { exposeEditor, initialBlocks } from './shared/harness.ts';

exposeEditor('textarea', async () => {
  const editor = document.querySelector<HTMLTextAreaElement>('#editor')!;
  editor.value = (await initialBlocks()).map((b) => b.text).join('\n');
  return {
    instance: editor,
    getText: () => editor.value,
    getHtml: () => null,
    focus: () => editor.focus(),
  };
});
