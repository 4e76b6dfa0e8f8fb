// Squire 2 (the editor of Fastmail's mail): its own undo stack, its own HTML.
import DOMPurify from 'dompurify';
import Squire from 'squire-rte';
import { blocksToHtml, exposeEditor, htmlToText, initialBlocks } from './shared/harness.ts';

// Squire sanitizes pasted and set HTML with the page's DOMPurify, which it expects as a global.
(window as unknown as { DOMPurify: typeof DOMPurify }).DOMPurify = DOMPurify;

exposeEditor('squire', async () => {
  const element = document.querySelector<HTMLElement>('#editor')!;
  const squire = new Squire(element, { blockTag: 'P' });
  squire.setHTML(blocksToHtml(await initialBlocks()));
  return {
    instance: squire,
    getText: () => htmlToText(squire.getHTML()),
    getHtml: () => squire.getHTML(),
    focus: () => squire.focus(),
  };
});
