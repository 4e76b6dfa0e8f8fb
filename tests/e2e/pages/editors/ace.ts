// Ace 1 as a markdown box: it draws its own text and takes keys through a hidden textarea.
import { exposeEditor, initialBlocks } from './shared/harness.ts';

interface AceEditor {
  getValue(): string;
  setValue(text: string, cursor: number): void;
  focus(): void;
  session: { setMode(mode: string): void; getUndoManager(): { reset(): void } };
}
declare const ace: { edit(id: string): AceEditor };

exposeEditor('ace', async () => {
  const editor = ace.edit('editor');
  editor.setValue((await initialBlocks()).map((b) => (b.heading ? `## ${b.text}` : b.text)).join('\n'), -1);
  editor.session.getUndoManager().reset();
  return {
    instance: editor,
    getText: () => editor.getValue(),
    getHtml: () => null,
    focus: () => editor.focus(),
  };
});
