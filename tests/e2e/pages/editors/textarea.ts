// A plain textarea holding the excerpt as lines.
import { EXCERPT_TEXT, exposeEditor } from './shared/harness.ts';

exposeEditor('textarea', () => {
  const editor = document.querySelector<HTMLTextAreaElement>('#editor')!;
  editor.value = EXCERPT_TEXT;
  return {
    instance: editor,
    getText: () => editor.value,
    getHtml: () => null,
    focus: () => editor.focus(),
  };
});
