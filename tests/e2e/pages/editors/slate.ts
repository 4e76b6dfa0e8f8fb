// Slate rendered by slate-react (React 19), with slate-history.
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createEditor, Node, Transforms, type BaseEditor, type Descendant } from 'slate';
import { Editable, ReactEditor, Slate, withReact, type RenderElementProps } from 'slate-react';
import { withHistory, type HistoryEditor } from 'slate-history';
import { exposeEditor, initialBlocks } from './shared/harness.ts';

type Block = { type: 'heading' | 'paragraph'; children: { text: string }[] };
declare module 'slate' {
  interface CustomTypes {
    Editor: BaseEditor & ReactEditor & HistoryEditor;
    Element: Block;
    Text: { text: string };
  }
}

const renderElement = ({ attributes, children, element }: RenderElementProps) =>
  createElement(element.type === 'heading' ? 'h2' : 'p', attributes, children);

/**
 * Pasted HTML as this schema's blocks, as a Slate app does itself (Slate only pastes its own
 * fragments and plain text): headings become `heading`, paragraphs and list items `paragraph`.
 * HTML without such blocks is pasted as its plain text.
 */
function htmlToBlocks(html: string): Block[] {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return [...body.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li:not(:has(p))')].map((el) => ({
    type: /^H\d$/.test(el.tagName) ? 'heading' : 'paragraph',
    children: [{ text: el.textContent ?? '' }],
  }));
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

exposeEditor('slate', async () => {
  const editor = withHistory(withReact(createEditor()));
  editor.insertData = (data) => {
    if (editor.insertFragmentData(data)) return;
    const blocks = htmlToBlocks(data.getData('text/html'));
    if (blocks.length) Transforms.insertFragment(editor, blocks);
    else editor.insertTextData(data);
  };
  const initialValue: Descendant[] = (await initialBlocks()).map((b) => ({ type: b.heading ? 'heading' : 'paragraph', children: [{ text: b.text }] }));
  const editable = createElement(Editable, { renderElement, style: { minHeight: 340, border: '1px solid #888', padding: '8px 12px' } });
  const root = createRoot(document.querySelector('#editor')!);
  flushSync(() => root.render(createElement(Slate, { editor, initialValue, children: editable })));
  return {
    instance: editor,
    getText: () => editor.children.map((node) => Node.string(node)).join('\n'),
    // Slate has no HTML serialiser of its own: the model's blocks, serialised as the app would.
    getHtml: () =>
      editor.children
        .map((node) => {
          const tag = 'type' in node && node.type === 'heading' ? 'h2' : 'p';
          return `<${tag}>${escapeHtml(Node.string(node))}</${tag}>`;
        })
        .join(''),
    focus: () => ReactEditor.focus(editor),
  };
});
