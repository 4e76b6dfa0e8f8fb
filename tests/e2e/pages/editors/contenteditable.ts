// A plain contenteditable: the browser's own editing, no library. With `?shadow` the editor
// lives inside an open shadow root.
import { blocksToHtml, exposeEditor, htmlToText, initialBlocks } from './shared/harness.ts';

exposeEditor('contenteditable', async () => {
  const host = document.querySelector<HTMLElement>('#editor')!;
  const scope = new URLSearchParams(location.search).has('shadow') ? host.attachShadow({ mode: 'open' }) : host;
  const editor = document.createElement('div');
  editor.contentEditable = 'true';
  editor.setAttribute('aria-label', '报告正文');
  editor.style.cssText = 'min-height: 300px; width: 720px; border: 1px solid #888; padding: 8px';
  // The page's own markup, written once at load; pages that require Trusted Types get it
  // through their own policy, as such a page would.
  const { trustedTypes } = window as unknown as {
    trustedTypes?: { createPolicy(name: string, rules: { createHTML(html: string): string }): { createHTML(html: string): unknown } };
  };
  const policy = trustedTypes?.createPolicy('harness', { createHTML: (html) => html });
  const html = blocksToHtml(await initialBlocks());
  editor.innerHTML = (policy?.createHTML(html) ?? html) as string;
  scope.append(editor);
  return {
    instance: editor,
    getText: () => htmlToText(editor.innerHTML, policy),
    getHtml: () => editor.innerHTML,
    focus: () => editor.focus(),
  };
});
