import { ckeditor4Bridge } from '@/utils/editors/adapters/ckeditor4';
import { codeMirrorBridge } from '@/utils/editors/adapters/codemirror';
import { kindeditorBridge } from '@/utils/editors/adapters/kindeditor';
import { tinymceBridge } from '@/utils/editors/adapters/tinymce';
import { serveBridge } from '@/utils/editors/bridge';

/**
 * MAIN world: the page's own JavaScript world, where editor instances live. It only answers
 * calls for the families that need an editor's own API; everything else is done from the
 * isolated content script.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  world: 'MAIN',
  main() {
    serveBridge([tinymceBridge, ckeditor4Bridge, kindeditorBridge, codeMirrorBridge]);
  },
});
