// CodeMirror 6 with markdown; the document is long enough (> 400 lines) that only part of it
// is in the DOM at any time.
import { basicSetup, EditorView } from 'codemirror';
import { markdown } from '@codemirror/lang-markdown';
import { EXCERPT_TEXT, exposeEditor, initialBlocks } from './shared/harness.ts';

const filler = Array.from({ length: 420 }, (_, i) => `${i + 1}. 第${i + 1}项工作：按计划推进，完成情况良好。`);
const DOC = [EXCERPT_TEXT, ...filler, '三、下一步打算', '一是加强理论学习。'].join('\n');

exposeEditor('codemirror', async () => {
  // With `?sample=` the real sample is the document; it is long enough to be virtualised too.
  // With `?doc=fill`, the short fill excerpt.
  const params = new URLSearchParams(location.search);
  const sample = params.has('sample') || params.has('doc');
  const view = new EditorView({
    doc: sample ? (await initialBlocks()).map((b) => b.text).join('\n') : DOC,
    extensions: [basicSetup, markdown(), EditorView.lineWrapping, EditorView.theme({ '&': { height: '400px', border: '1px solid #888' } })],
    parent: document.querySelector('#editor')!,
  });
  return {
    instance: view,
    getText: () => view.state.doc.toString(),
    getHtml: () => null,
    focus: () => view.focus(),
  };
});
