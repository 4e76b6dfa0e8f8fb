// Trumbowyg 2 on jQuery (both loaded by the page as scripts, as sites do).
import { blocksToHtml, exposeEditor, htmlToText, initialBlocks } from './shared/harness.ts';

type JQueryish = (selector: string) => { trumbowyg(...args: unknown[]): unknown; html(html: string): void };
declare const jQuery: JQueryish;

exposeEditor('trumbowyg', async () => {
  const $editor = jQuery('#editor');
  $editor.html(blocksToHtml(await initialBlocks()));
  $editor.trumbowyg({ svgPath: '/node_modules/trumbowyg/dist/ui/icons.svg', btns: [['formatting'], ['strong', 'em']] });
  const html = () => $editor.trumbowyg('html') as string;
  return {
    instance: $editor,
    getText: () => htmlToText(html()),
    getHtml: html,
    focus: () => document.querySelector<HTMLElement>('.trumbowyg-editor')!.focus(),
  };
});
