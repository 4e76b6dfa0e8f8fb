// Froala 5 (unlicensed: it shows its banner), loaded by the page as a script. Its own undo stack.
import { blocksToHtml, exposeEditor, htmlToText, initialBlocks } from './shared/harness.ts';

interface Froala {
  html: { get(): string; set(html: string): void };
  undo: { reset(): void; saveStep(): void };
  events: { focus(): void };
}
declare const FroalaEditor: new (selector: string, options: object, ready: () => void) => Froala;

exposeEditor('froala', async () => {
  const initial = blocksToHtml(await initialBlocks());
  const editor = await new Promise<Froala>((resolve) => {
    const made: Froala = new FroalaEditor('#editor', { width: 720, height: 320, toolbarButtons: ['bold', 'italic', 'paragraphFormat'] }, () => resolve(made));
  });
  editor.html.set(initial);
  editor.undo.reset();
  editor.undo.saveStep();
  return {
    instance: editor,
    getText: () => htmlToText(editor.html.get()),
    getHtml: () => editor.html.get(),
    focus: () => editor.events.focus(),
  };
});
