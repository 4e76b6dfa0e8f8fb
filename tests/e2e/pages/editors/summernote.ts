// Summernote (lite build, no Bootstrap) on jQuery: its own history of snapshots.
import { blocksToHtml, exposeEditor, htmlToText, initialBlocks } from './shared/harness.ts';

type JQueryish = (selector: string) => { summernote(...args: unknown[]): unknown };
declare const jQuery: JQueryish;

exposeEditor('summernote', async () => {
  const $editor = jQuery('#editor');
  $editor.summernote({ height: 320, width: 720, toolbar: [['style', ['style', 'bold', 'italic']]] });
  $editor.summernote('code', blocksToHtml(await initialBlocks()));
  $editor.summernote('commit');
  const html = () => $editor.summernote('code') as string;
  return {
    instance: $editor,
    getText: () => htmlToText(html()),
    getHtml: html,
    focus: () => $editor.summernote('focus'),
  };
});
