// Shared by the editor test pages: the pre-filled report excerpt and `window.testEditor`.

export const EXCERPT = [
  { heading: true, text: '一、主要工作' },
  { heading: false, text: '今年以来，我们围绕xx中心工作，完成了xx项任务。' },
  { heading: true, text: '二、存在问题' },
  { heading: false, text: '一是学习不够深入。' },
];

/** The excerpt as plain text: one line per block, no trailing newline. */
export const EXCERPT_TEXT = EXCERPT.map((b) => b.text).join('\n');


/** Two years left blank in two sections, for filling all of the same at once (`?doc=fill`). */
export const FILL_EXCERPT = [
  { heading: true, text: '一、主要工作' },
  { heading: false, text: 'xxxx年以来，我们完成了xx项任务。' },
  { heading: true, text: '二、下一步打算' },
  { heading: false, text: 'xxxx年要完成十项任务。' },
];

/**
 * The document a page starts with: the excerpt, with `?doc=fill` the fill excerpt, or with
 * `?sample=<file>` a real sample from /samples/ (the repository's tests/fixtures/samples), one
 * block per non-empty line.
 */
export async function initialBlocks(): Promise<{ heading: boolean; text: string }[]> {
  if (new URLSearchParams(location.search).get('doc') === 'fill') return FILL_EXCERPT;
  const sample = new URLSearchParams(location.search).get('sample');
  if (!sample) return EXCERPT;
  const text = await (await fetch(`/samples/${encodeURIComponent(sample)}`)).text();
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ heading: /^[一二三四五六七八九十]+、/.test(line), text: line }));
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function blocksToHtml(blocks: { heading: boolean; text: string }[]): string {
  return blocks.map((b) => (b.heading ? `<h2>${escapeHtml(b.text)}</h2>` : `<p>${escapeHtml(b.text)}</p>`)).join('');
}

/** The excerpt as HTML, headings as <h2>. */
export const EXCERPT_HTML = blocksToHtml(EXCERPT);

export interface TestEditor {
  family: string;
  /** Resolves once the editor is initialised and pre-filled. */
  ready: Promise<void>;
  /** Text from the editor's own model: blocks joined by '\n', no trailing newline. */
  getText(): string;
  /** The editor's own HTML serialisation, or null where it has none. */
  getHtml(): string | null;
  focus(): void;
  /** The editor instance, for debugging. */
  instance: unknown;
}

declare global {
  interface Window {
    testEditor: TestEditor;
  }
}

type EditorApi = Omit<TestEditor, 'family' | 'ready'>;

/** Publishes `window.testEditor` at once; its methods work after `ready`. */
export function exposeEditor(family: string, start: () => EditorApi | Promise<EditorApi>): void {
  const notReady = (): never => {
    throw new Error(`${family} editor is not ready`);
  };
  const api: TestEditor = { family, ready: Promise.resolve(), getText: notReady, getHtml: notReady, focus: notReady, instance: null };
  api.ready = (async () => {
    if (document.readyState === 'loading') await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
    Object.assign(api, await start());
  })();
  api.ready.catch((err: unknown) => console.error(`${family} failed to start`, err));
  window.testEditor = api;
}

const BLOCK = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|H[1-6]|HEADER|HR|LI|OL|P|PRE|SECTION|TABLE|TBODY|TD|TH|THEAD|TR|UL)$/;

/**
 * Plain text of an editor's HTML serialisation: one line per leaf block, `<br>` breaks a line
 * (except as a block's last child), whitespace collapsed as the browser would render it.
 */
export function htmlToText(html: string, policy?: { createHTML(html: string): unknown }): string {
  const tpl = document.createElement('template');
  tpl.innerHTML = (policy ? policy.createHTML(html) : html) as string;
  const lines: string[] = [];
  let line: string | null = null;
  const flush = () => {
    // A lone &nbsp; is how several editors keep an empty paragraph open.
    if (line !== null) lines.push(line === '\u00a0' ? '' : line.replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, '').replace(/\u00a0/g, ' '));
    line = null;
  };
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.nodeValue!.replace(/[ \t\n\r\f]+/g, ' ');
      if (line !== null || text.trim()) line = (line ?? '') + text;
    } else if (node.nodeName === 'BR') {
      const last = !node.nextSibling && BLOCK.test(node.parentNode?.nodeName ?? '');
      if (!last) {
        line ??= '';
        flush();
        line = '';
      }
    } else if (BLOCK.test(node.nodeName)) {
      if (line?.trim()) flush();
      line = '';
      node.childNodes.forEach(walk);
      flush();
    } else {
      node.childNodes.forEach(walk);
    }
  };
  tpl.content.childNodes.forEach(walk);
  flush();
  return lines.join('\n');
}
