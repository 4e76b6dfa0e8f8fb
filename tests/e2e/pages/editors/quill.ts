// Quill 2, snow theme, with its history module.
import Quill from 'quill';
import 'quill/dist/quill.snow.css';
import { blocksToHtml, exposeEditor, initialBlocks } from './shared/harness.ts';

exposeEditor('quill', async () => {
  const container = document.querySelector<HTMLElement>('#editor')!;
  container.innerHTML = blocksToHtml(await initialBlocks()); // Quill converts the container's HTML and clears history
  const quill = new Quill(container, {
    theme: 'snow',
    modules: { toolbar: [[{ header: [2, false] }], ['bold', 'italic']], history: { delay: 500, userOnly: true } },
  });
  return {
    instance: quill,
    getText: () => quill.getText().replace(/\n$/, ''), // Quill's text always ends with '\n'
    getHtml: () => quill.getSemanticHTML(),
    focus: () => quill.focus(),
  };
});
