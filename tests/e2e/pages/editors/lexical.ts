// Lexical rich text on a plain contenteditable root, with undo history.
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import { $createHeadingNode, HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { $generateHtmlFromNodes } from '@lexical/html';
import { exposeEditor, initialBlocks } from './shared/harness.ts';

exposeEditor('lexical', async () => {
  const initial = await initialBlocks();
  const editor = createEditor({
    namespace: 'lexical-test-page',
    nodes: [HeadingNode, QuoteNode],
    onError: (error) => console.error(error),
  });
  editor.setRootElement(document.querySelector<HTMLElement>('#editor')!);
  registerRichText(editor);
  // Fill before history is registered, so undo cannot empty the editor.
  editor.update(
    () => {
      const blocks = initial.map((b) => (b.heading ? $createHeadingNode('h2') : $createParagraphNode()).append($createTextNode(b.text)));
      $getRoot().clear().append(...blocks);
    },
    { discrete: true },
  );
  registerHistory(editor, createEmptyHistoryState(), 300);
  return {
    instance: editor,
    // Lexical's own root getTextContent() puts '\n\n' between blocks; join top-level blocks by one.
    getText: () => editor.read(() => $getRoot().getChildren().map((node) => node.getTextContent()).join('\n')),
    getHtml: () => editor.read(() => $generateHtmlFromNodes(editor, null)),
    focus: () => editor.focus(),
  };
});
