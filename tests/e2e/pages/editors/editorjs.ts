// Editor.js 2: a block editor, each paragraph and heading its own contenteditable. Its model
// is read with save(), which is asynchronous: the text is kept from the last save, redone on
// every change the editor reports.
import EditorJS, { type OutputData } from '@editorjs/editorjs';
import Header from '@editorjs/header';
import { exposeEditor, initialBlocks } from './shared/harness.ts';

// Editor.js keeps inline text as HTML; the reader sees its text.
const plain = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';

const textOf = (data: OutputData) => data.blocks.map((block) => plain(String(block.data.text ?? ''))).join('\n');

exposeEditor('editorjs', async () => {
  const blocks = (await initialBlocks()).map((b) => (b.heading ? { type: 'header', data: { text: b.text, level: 2 } } : { type: 'paragraph', data: { text: b.text } }));
  let text = '';
  let html = '';
  const editor: EditorJS = new EditorJS({
    holder: 'editor',
    tools: { header: { class: Header as never, config: { levels: [2, 3], defaultLevel: 2 } } },
    data: { blocks },
    onChange: () => void refresh(),
  });
  const refresh = async () => {
    const data = await editor.save();
    text = textOf(data);
    html = data.blocks.map((b) => (b.type === 'header' ? `<h${b.data.level}>${b.data.text}</h${b.data.level}>` : `<p>${b.data.text}</p>`)).join('');
  };
  await editor.isReady;
  await refresh();
  return {
    instance: editor,
    getText: () => text,
    getHtml: () => html,
    focus: () => editor.focus(),
  };
});
