// ProseMirror through TipTap's plain Editor; StarterKit brings headings and undo history.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { blocksToHtml, exposeEditor, initialBlocks } from './shared/harness.ts';

exposeEditor('tiptap', async () => {
  const editor = new Editor({ element: document.querySelector<HTMLElement>('#editor')!, extensions: [StarterKit], content: blocksToHtml(await initialBlocks()) });
  if (!editor.isInitialized) await new Promise((resolve) => editor.once('create', resolve));
  return {
    instance: editor,
    getText: () => editor.getText({ blockSeparator: '\n' }),
    getHtml: () => editor.getHTML(),
    focus: () => editor.commands.focus(),
  };
});
