// Slate rendered by slate-react (React 19), with slate-history.
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createEditor, Node, type BaseEditor, type Descendant } from 'slate';
import { Editable, ReactEditor, Slate, withReact, type RenderElementProps } from 'slate-react';
import { withHistory, type HistoryEditor } from 'slate-history';
import { EXCERPT, exposeEditor } from './shared/harness.ts';

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

exposeEditor('slate', () => {
  const editor = withHistory(withReact(createEditor()));
  const initialValue: Descendant[] = EXCERPT.map((b) => ({ type: b.heading ? 'heading' : 'paragraph', children: [{ text: b.text }] }));
  const editable = createElement(Editable, { renderElement, style: { minHeight: 340, border: '1px solid #888', padding: '8px 12px' } });
  const root = createRoot(document.querySelector('#editor')!);
  flushSync(() => root.render(createElement(Slate, { editor, initialValue, children: editable })));
  return {
    instance: editor,
    getText: () => editor.children.map((node) => Node.string(node)).join('\n'),
    getHtml: () => null, // Slate has no HTML serialiser of its own; read `instance.children`.
    focus: () => ReactEditor.focus(editor),
  };
});
