/**
 * The XSS corpus (tests/fixtures/xss/vectors.json) through every path by which HTML reaches a
 * page or the panel, in the built extension: backup import, templates (from a backup and from
 * sample material, .md and .docx), saving a page's selection (page menu and panel), snippet
 * rendering, search highlighting and the rich snippet editor in the panel, and insertion into a
 * contenteditable, TinyMCE, CKEditor 4 and CKEditor 5.
 *
 * A vector that runs calls `top.__xss(id)`, posts `__xss:id` to the top window, requests
 * `/__xss/id`, opens a dialog or clobbers a global with an element named `xssclobber<id>`; each
 * of these is counted in every page and in the panel. The panel's own policy would block inline
 * script, so there any dangerous markup entering its DOM is counted, even for a moment; so is
 * dangerous markup left in an editor or in the database. A control renders a
 * vector unsanitized in a scratch page and sees the count go to 1. The table is printed at the end.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Request } from '@playwright/test';
import { tabIdOf } from './browser.mjs';
import { blurAllFrames } from './editor-contract';
import { expect, test } from './fixtures';
import { replaceTables } from './extension-db';

interface Vector {
  id: number;
  class: string;
  html: string;
}
const VECTORS: Vector[] = JSON.parse(readFileSync(new URL('../fixtures/xss/vectors.json', import.meta.url), 'utf8')).vectors;
/**
 * Paths that take the corpus in one go (import, list, template, material) get every vector.
 * Paths that take one vector at a time (opening each snippet, inserting each into each editor,
 * saving each as a selection) get every fifth in `npm test` and all of them in `npm run test:full`.
 */
const ONE_BY_ONE: Vector[] = process.env.TEST_FULL ? VECTORS : VECTORS.filter((_, i) => i % 5 === 0);
/** The word each vector's snippet is found by. */
const word = (v: Vector) => `xssword${v.id}`;
/** The control: rendered unsanitized, exactly this vector runs, once. */
const CONTROL = VECTORS.find((v) => v.html === '<img src=x onerror=top.__xss(21)>')!;

const EDITORS = [
  { name: 'contenteditable', path: 'editors/contenteditable.html', label: 'Rich text' },
  { name: 'TinyMCE', path: 'editors/tinymce.html', label: 'TinyMCE' },
  { name: 'CKEditor 4', path: 'editors/ckeditor4.html', label: 'CKEditor 4' },
  { name: 'CKEditor 5', path: 'editors/ckeditor5.html', label: 'CKEditor 5' },
];

// ---------------------------------------------------------------------------------------------
// Counting. Runs in every frame of every page watched, before the page's own scripts.

function installCounter() {
  const w = window as unknown as { __xss(n: number): void; __xssHits: number[]; __xssLive: string[] };
  w.__xssHits = [];
  w.__xssLive = [];
  w.__xss = (n: number) => void w.__xssHits.push(n);
  for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
    (window as unknown as Record<string, unknown>)[name] = () => void w.__xssHits.push(-1);
  }
  addEventListener('message', (event) => {
    if (typeof event.data === 'string' && event.data.startsWith('__xss:')) w.__xssHits.push(Number(event.data.slice(6)));
  });
  // In the panel (an extension page), whatever dangerous markup enters its live DOM, even for a
  // moment. (Its policy would block inline script, but Chrome reports a violation for merely
  // parsing a handler into an inert document too, so violations cannot be the measure.)
  if (location.protocol !== 'chrome-extension:') return;
  const LIVE = /^(script|iframe|frame|object|embed|base|meta|link|style|svg|math|img|image|video|audio|source|template|noscript|animate|set|use|foreignobject|area)$/;
  const check = (el: Element) => {
    if (!document.body?.contains(el)) return;
    if (LIVE.test(el.localName) && !(el.localName === 'script' && (el as HTMLScriptElement).src.startsWith(location.origin))) w.__xssLive.push(`<${el.localName}>`);
    for (const attr of el.attributes) if (/^on|^srcdoc$|^formaction$|^xlink:href$/i.test(attr.name)) w.__xssLive.push(`${el.localName}[${attr.name}]`);
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.target instanceof Element) check(record.target);
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        check(node);
        for (const inner of node.querySelectorAll('*')) check(inner);
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

/**
 * What of a piece of HTML could run, load or clobber: parsed inert (DOMParser runs nothing).
 * Runs in a page; self-contained.
 */
function dangerIn({ html, own = [] }: { html: string; own?: string[] }): string[] {
  const TAGS = new Set(
    'script iframe frame frameset object embed applet base meta link style form input button textarea select svg math img image video audio source picture template noscript animate set use foreignobject isindex param marquee xmp plaintext noembed noframes handler discard feimage area listing html body head'.split(' '),
  );
  const URL_ATTRS = new Set('href src data action formaction xlink:href poster background srcset ping codebase code dynsrc lowsrc content'.split(' '));
  const found: string[] = [];
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  const walk = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName.toLowerCase();
      if (TAGS.has(tag) && !own.includes(tag)) found.push(`<${tag}>`);
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/[\p{Cc} ]+/gu, '').toLowerCase();
        if (name.startsWith('on') || name === 'srcdoc' || name === 'formaction' || name === 'xlink:href') found.push(`${tag}[${name}]`);
        else if (URL_ATTRS.has(name) && /^(?:javascript|data|vbscript|livescript):/.test(value)) found.push(`${tag}[${name}=${value.slice(0, 20)}]`);
        else if (name === 'style' && /url\(|expression|behavior|binding|@import|\\/.test(value)) found.push(`${tag}[style]`);
        else if ((name === 'id' || name === 'name') && value.startsWith('xssclobber')) found.push(`${tag}[${name}]`);
      }
      if (el instanceof HTMLTemplateElement) walk(el.content);
    }
  };
  walk(doc.body);
  return found;
}

/** Elements named to clobber globals, in a document and the same-origin frames inside it. */
function clobbersIn(): number {
  let count = 0;
  const visit = (doc: Document) => {
    count += doc.querySelectorAll('[id^=xssclobber],[name^=xssclobber]').length;
    for (const frame of doc.querySelectorAll('iframe')) {
      try {
        if (frame.contentDocument) visit(frame.contentDocument);
      } catch {
        // another origin
      }
    }
  };
  visit(document);
  return count;
}

/**
 * The markup of every editable area of the page and its same-origin frames, and what a user's
 * click would do: every link that is not http(s) or mailto is clicked (a `javascript:` one runs).
 */
function editableAreas(): string[] {
  const areas: string[] = [];
  const visit = (doc: Document) => {
    const roots = [...doc.querySelectorAll<HTMLElement>('[contenteditable]')].filter((el) => el.isContentEditable && !el.parentElement?.isContentEditable);
    if (doc.designMode === 'on' || doc.body?.isContentEditable) roots.push(doc.body);
    for (const root of new Set(roots)) {
      for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href], area[href]')) {
        if (!/^(?:https?|mailto):$/.test(link.protocol)) link.click();
      }
      areas.push(root.innerHTML);
    }
    for (const frame of doc.querySelectorAll('iframe')) {
      try {
        if (frame.contentDocument) visit(frame.contentDocument);
      } catch {
        // another origin
      }
    }
  };
  visit(document);
  return areas;
}

interface Tally {
  path: string;
  vectors: number;
  executions: number;
  /** Dangerous markup found in the database, an editor or the panel's DOM. */
  residue: number;
  details: string[];
}
const TABLE: Tally[] = [];

/** Everything counted while one path runs: pages' counters, requests, dialogs. */
class Watch {
  private requests: string[] = [];
  private dialogs = 0;
  private pages: Page[] = [];
  private readonly onRequest = (request: Request) => {
    if (!/\/__xss\/\d+/.test(request.url())) return;
    // What a hostile page's own markup does in that page is not the extension's doing.
    if (this.ignored && request.frame().page() === this.ignored) return;
    this.requests.push(request.url());
  };

  constructor(
    private readonly context: BrowserContext,
    private readonly ignored?: Page,
  ) {
    context.on('request', this.onRequest);
  }

  /** Counts in `page` from its next load on. */
  async watch(page: Page) {
    await page.addInitScript(installCounter);
    page.on('dialog', (dialog) => {
      this.dialogs++;
      void dialog.dismiss();
    });
    this.pages.push(page);
  }

  async count(): Promise<{ executions: number; live: string[]; details: string[] }> {
    let executions = this.requests.length + this.dialogs;
    const live: string[] = [];
    const details = [...this.requests];
    for (const page of this.pages) {
      if (page.isClosed()) continue;
      const seen = await page.evaluate(() => {
        const w = window as unknown as { __xssHits?: number[]; __xssLive?: string[] };
        return { hits: w.__xssHits ?? [], live: w.__xssLive ?? [] };
      });
      const clobbers = await page.evaluate(clobbersIn);
      executions += seen.hits.length + clobbers;
      live.push(...seen.live);
      details.push(...seen.hits.map((n) => `ran #${n}`), ...(clobbers ? [`${clobbers} clobbering elements`] : []));
    }
    return { executions, live, details };
  }

  stop() {
    this.context.off('request', this.onRequest);
  }
}

async function record(path: string, vectors: number, watch: Watch, residue: string[]) {
  const { executions, live, details } = await watch.count();
  watch.stop();
  const all = [...residue, ...live];
  TABLE.push({ path, vectors, executions, residue: all.length, details: [...details, ...all].slice(0, 20) });
  expect.soft({ path, executions, residue: all }).toEqual({ path, executions: 0, residue: [] });
}

// ---------------------------------------------------------------------------------------------
// The panel and the database.

const NOW = 1_700_000_000_000;

async function clearLibrary(panel: Page) {
  await replaceTables(panel, { snippets: [], templates: [] });
}

async function storedHtml(panel: Page): Promise<{ snippets: { body: string; html?: string }[]; templates: unknown[] }> {
  return panel.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('report-drafting');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const tx = request.result.transaction(['snippets', 'templates']);
          const snippets = tx.objectStore('snippets').getAll();
          const templates = tx.objectStore('templates').getAll();
          tx.oncomplete = () => resolve({ snippets: snippets.result, templates: templates.result });
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** A panel bound to `page`'s tab, counted from its first script on. */
async function watchedPanel(page: Page, openPanel: (page: Page) => Promise<Page>, watch: Watch) {
  const panel = await openPanel(page);
  await watch.watch(panel);
  await panel.reload();
  return panel;
}

/** The list of templates, wherever the Templates tab was left (it keeps its place). */
async function templateList(panel: Page) {
  await panel.getByRole('tab', { name: 'Templates' }).click();
  const back = panel.getByRole('button', { name: 'All templates' });
  if (await back.isVisible()) await back.click();
}

/** The panel's own controls: everything else of dangerIn's list must not appear in the panel. */
const PANEL_OWN = ['form', 'input', 'button', 'textarea', 'select'];
/** Dangerous markup anywhere in what the panel rendered. */
const panelDanger = async (panel: Page) => panel.evaluate(dangerIn, { html: await panel.locator('#root').innerHTML(), own: PANEL_OWN });

function backupFile() {
  const snippets = VECTORS.map((v) => ({
    id: `xss-${v.id}`,
    title: `xss vector ${v.id}`,
    body: `${word(v)} ${v.html}`,
    html: `<p>${word(v)}</p>${v.html}`,
    tags: ['xss'],
    createdAt: NOW,
    updatedAt: NOW,
    useCount: 0,
  }));
  const template = {
    id: 'xss-template',
    title: 'xss template',
    kind: 'custom',
    description: VECTORS.slice(0, 5).map((v) => v.html).join(' '),
    language: 'en',
    sections: VECTORS.map((v) => ({ heading: `${word(v)} ${v.html}`, level: 1, body: v.html })),
    createdAt: NOW,
    updatedAt: NOW,
  };
  const backup = { format: 'report-drafting-assistant/backup', version: 1, exportedAt: new Date(NOW).toISOString(), snippets, templates: [template], placeholderRules: [] };
  return { name: 'xss-backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) };
}

async function importBackup(panel: Page) {
  await panel.getByRole('tab', { name: 'Snippets' }).click();
  await panel.getByText('Backup, storage and abbreviations').click();
  await panel.getByLabel('Import backup…').setInputFiles(backupFile());
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Imported');
}

/**
 * Sample material holding every vector as text: one numbered section per vector. (Without NUL:
 * a file holding one is refused as binary.)
 */
const materialText = () => VECTORS.map((v, i) => `${i + 1}. ${word(v)}\n${v.html.replace(/\r?\n/g, ' ').replaceAll('\0', '')}`).join('\n\n');

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/(?![\t\n\r])\p{Cc}/gu, '');

/** A Word document made here: one paragraph per line of the material. */
async function materialDocx() {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const paragraphs = materialText()
    .split('\n')
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(line)}</w:t></w:r></w:p>`)
    .join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`);
  return { name: 'xss-material.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await zip.generateAsync({ type: 'nodebuffer' }) };
}

async function openEditorPage(page: Page, baseUrl: string, path: string) {
  await page.goto(`${baseUrl}/${path}`);
  await page.evaluate(() => (window as unknown as { testEditor: { ready: Promise<void> } }).testEditor.ready);
}

/** A click at the end of the editor's last paragraph: it becomes the panel's target. */
async function caretInEditor(page: Page) {
  for (const frame of page.frames()) {
    const target = frame.getByText('一是学习不够深入。', { exact: false }).last();
    if (await target.count()) {
      await target.click();
      await page.keyboard.press('End');
      await blurAllFrames(page);
      return;
    }
  }
  throw new Error('no paragraph to click');
}

const editorText = (page: Page) => page.evaluate(() => (window as unknown as { testEditor: { getText(): string } }).testEditor.getText());
const editorHtml = (page: Page) => page.evaluate(() => (window as unknown as { testEditor: { getHtml(): string | null } }).testEditor.getHtml() ?? '');

/**
 * Waits until `text` is in the editor. When the panel asks before inserting into a frame of
 * another origin, the user says yes: what is inserted is the matter here.
 */
async function landed(page: Page, panel: Page, text: string) {
  const confirm = panel.getByRole('button', { name: 'Insert there' });
  await expect
    .poll(
      async () => {
        if (await confirm.isVisible()) await confirm.click();
        return editorText(page);
      },
      { timeout: 20_000 },
    )
    .toContain(text);
}

/** Dangerous markup in the editor: its own serialisation and the live editable areas. */
async function editorDanger(page: Page): Promise<string[]> {
  const htmls = [await editorHtml(page), ...(await page.evaluate(editableAreas))];
  const found: string[] = [];
  for (const html of htmls) found.push(...(await page.evaluate(dangerIn, { html })));
  return found;
}

test.afterAll(() => {
  const rows = TABLE.map((t) => `| ${t.path.padEnd(58)} | ${String(t.vectors).padStart(7)} | ${String(t.executions).padStart(10)} | ${String(t.residue).padStart(7)} |`);
  console.log(
    [
      `XSS corpus: ${VECTORS.length} vectors in ${new Set(VECTORS.map((v) => v.class)).size} classes`,
      `| ${'path'.padEnd(58)} | vectors | executions | residue |`,
      `|${'-'.repeat(60)}|---------|------------|---------|`,
      ...rows,
      ...TABLE.filter((t) => t.details.length).map((t) => `${t.path}: ${t.details.join('; ')}`),
    ].join('\n'),
  );
});

test('control: a vector rendered unsanitized is counted once', async ({ page, baseUrl, extensionContext }) => {
  test.setTimeout(180_000);
  const watch = new Watch(extensionContext);
  await watch.watch(page);
  await page.goto(`${baseUrl}/xss/scratch.html`);
  await page.locator('#scratch').evaluate((box, html) => (box.innerHTML = html), CONTROL.html);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __xssHits: number[] }).__xssHits)).toEqual([CONTROL.id]);
  expect((await watch.count()).executions).toBe(1);
  expect(await page.evaluate(dangerIn, { html: CONTROL.html })).toEqual(['<img>', 'img[onerror]']);

  // The corpus unsanitized (every vector in test:full, the one-at-a-time share in npm test), each
  // in a fresh page: how many the counters see run (printed for scale, not asserted: many need
  // a click, a frame or an old browser).
  const ran = new Set<number>();
  const beacons = (request: { url(): string }) => {
    const id = /\/__xss\/(\d+)/.exec(request.url())?.[1];
    if (id) ran.add(Number(id));
  };
  extensionContext.on('request', beacons);
  const scratched = ONE_BY_ONE.includes(CONTROL) ? ONE_BY_ONE : [CONTROL, ...ONE_BY_ONE];
  for (const vector of scratched) {
    const scratch = await extensionContext.newPage();
    await scratch.addInitScript(installCounter);
    scratch.on('dialog', (dialog) => void dialog.dismiss().then(() => ran.add(vector.id)));
    await scratch.goto(`${baseUrl}/xss/scratch.html`);
    await scratch.locator('#scratch').evaluate((box, html) => box.append(document.createRange().createContextualFragment(html)), vector.html);
    await scratch.waitForTimeout(50);
    // The control's image error comes when it comes on a loaded machine: it is waited for.
    if (vector.id === CONTROL.id) await expect.poll(() => scratch.evaluate(() => (window as unknown as { __xssHits?: number[] }).__xssHits ?? [])).toContain(CONTROL.id);
    // A vector that navigates (refresh, base) takes its counter with it.
    const hits = await scratch.evaluate(() => (window as unknown as { __xssHits?: number[] }).__xssHits ?? []).catch(() => []);
    for (const n of hits) ran.add(n);
    await scratch.close();
  }
  extensionContext.off('request', beacons);
  watch.stop();
  TABLE.push({ path: 'control: each vector unsanitized in a scratch page', vectors: scratched.length, executions: ran.size, residue: 0, details: [] });
  expect(ran.has(CONTROL.id)).toBe(true);
});

test('backup import, snippet rendering, search highlighting and the rich snippet editor', async ({ page, baseUrl, openPanel, extensionContext }) => {
  test.setTimeout(300_000);
  await page.goto(`${baseUrl}/basic.html`);
  const watch = new Watch(extensionContext);
  const panel = await watchedPanel(page, openPanel, watch);
  await clearLibrary(panel);
  await panel.reload();
  await importBackup(panel);

  // What the import stored.
  const stored = await storedHtml(panel);
  expect(stored.snippets).toHaveLength(VECTORS.length);
  const residue: string[] = [];
  for (const snippet of stored.snippets) residue.push(...(await panel.evaluate(dangerIn, { html: snippet.html ?? '' })));
  await record('backup import: stored snippet HTML', VECTORS.length, watch, residue);

  // Every row rendered (the list is virtualized: scroll through it), then searches that mark
  // words inside the vectors' text.
  const listWatch = new Watch(extensionContext);
  await listWatch.watch(panel);
  await panel.reload();
  await panel.getByRole('tab', { name: 'Snippets' }).click();
  const list = panel.getByRole('list', { name: 'Snippets' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  const scroller = panel.locator('.snippet-scroll');
  for (let top = 0; ; top += 300) {
    const more = await scroller.evaluate((el, top) => {
      el.scrollTop = top;
      el.dispatchEvent(new Event('scroll'));
      return top < el.scrollHeight;
    }, top);
    await panel.waitForTimeout(20);
    if (!more) break;
  }
  const search = panel.getByRole('searchbox', { name: 'Search snippets' });
  for (const query of ['xssword', 'onerror', 'script', 'javascript', 'svg', 'img src', '__xss', 'style', '&#', '<']) {
    await search.fill(query);
    await panel.waitForTimeout(100);
  }
  await search.fill('onerror');
  await expect(list.locator('mark').first()).toBeVisible();
  await record('panel: snippet list and search highlighting', VECTORS.length, listWatch, await panelDanger(panel));

  // Each snippet opened in the editor: its rich box is filled with the (sanitized) HTML.
  const editorWatch = new Watch(extensionContext);
  await editorWatch.watch(panel);
  await panel.reload();
  await panel.getByRole('tab', { name: 'Snippets' }).click();
  const editorResidue: string[] = [];
  for (const vector of ONE_BY_ONE) {
    await search.fill(word(vector));
    const row = list.getByRole('listitem').filter({ hasText: `xss vector ${vector.id}` }).first();
    await row.getByRole('button', { name: 'Edit' }).click();
    const rich = panel.getByRole('textbox', { name: 'Body' });
    await expect(rich).toContainText(word(vector));
    editorResidue.push(...(await panelDanger(panel)));
    await panel.getByRole('button', { name: 'Cancel' }).click();
  }
  await record('panel: rich snippet editor (each snippet opened)', ONE_BY_ONE.length, editorWatch, editorResidue);
});

for (const editor of EDITORS) {
  test(`insertion into ${editor.name}: every snippet, the backup's template, and material from .md and .docx`, async ({ page, baseUrl, openPanel, extensionContext }) => {
    test.setTimeout(600_000);
    const watch = new Watch(extensionContext);
    await watch.watch(page);
    await openEditorPage(page, baseUrl, editor.path);
    await caretInEditor(page);
    const panel = await watchedPanel(page, openPanel, watch);
    await clearLibrary(panel);
    await panel.reload();
    await importBackup(panel);
    await expect(panel.getByRole('button', { name: /Target/ })).toContainText(editor.label);

    // Every snippet, found by its word and inserted rich.
    await panel.getByRole('tab', { name: 'Snippets' }).click();
    const search = panel.getByRole('searchbox', { name: 'Search snippets' });
    const list = panel.getByRole('list', { name: 'Snippets' });
    for (const vector of ONE_BY_ONE) {
      await search.fill(word(vector));
      await list.getByRole('listitem').filter({ hasText: `xss vector ${vector.id}` }).first().getByRole('button', { name: 'Insert' }).click();
      await landed(page, panel, word(vector));
    }
    await record(`insert snippets (rich) into ${editor.name}`, ONE_BY_ONE.length, watch, await editorDanger(page));

    // The backup's template: every vector as a heading and a body, inserted whole.
    const templateWatch = new Watch(extensionContext);
    await templateWatch.watch(page);
    await templateWatch.watch(panel);
    await page.reload();
    await page.evaluate(() => (window as unknown as { testEditor: { ready: Promise<void> } }).testEditor.ready);
    await caretInEditor(page);
    await panel.reload();
    await expect(panel.getByRole('button', { name: /Target/ })).toContainText(editor.label);
    await templateList(panel);
    await panel.getByRole('button', { name: 'xss template' }).click();
    await panel.getByRole('button', { name: 'Insert whole template' }).click();
    await landed(page, panel, word(VECTORS[VECTORS.length - 1]));
    await record(`template from backup into ${editor.name}`, VECTORS.length, templateWatch, [...(await editorDanger(page)), ...(await panelDanger(panel))]);

    // Sample material: a .md and a .docx holding every vector as text, imported, saved as
    // templates and inserted whole.
    for (const file of [{ name: 'xss-material.md', mimeType: 'text/markdown', buffer: Buffer.from(materialText()) }, await materialDocx()]) {
      const materialWatch = new Watch(extensionContext);
      await materialWatch.watch(page);
      await materialWatch.watch(panel);
      await page.reload();
      await page.evaluate(() => (window as unknown as { testEditor: { ready: Promise<void> } }).testEditor.ready);
      await caretInEditor(page);
      await panel.reload();
      await expect(panel.getByRole('button', { name: /Target/ })).toContainText(editor.label);
      await templateList(panel);
      await panel.getByRole('button', { name: 'Import sample' }).click();
      await panel.getByLabel('Open a file (.txt, .md, .docx)').setInputFiles(file);
      await expect(panel.getByRole('list', { name: 'Sections' }).getByRole('listitem')).toHaveCount(VECTORS.length);
      for (const summary of await panel.locator('.sample-import summary').all()) await summary.click();
      const previewResidue = await panelDanger(panel);
      await panel.getByRole('textbox', { name: 'Template title' }).fill(file.name);
      await panel.getByRole('button', { name: 'Save as template' }).click();
      await expect(panel.getByRole('heading', { name: file.name })).toBeVisible();
      await panel.getByRole('button', { name: 'Insert whole template' }).click();
      await landed(page, panel, word(VECTORS[VECTORS.length - 1]));
      await record(`material ${file.name.replace('xss-material', '')} into ${editor.name}`, VECTORS.length, materialWatch, [
        ...previewResidue,
        ...(await editorDanger(page)),
        ...(await panelDanger(panel)),
      ]);
    }
  });
}

test('saving a selection of a hostile page: from the page menu and from the panel', async ({ page, baseUrl, openPanel, extensionContext }) => {
  test.setTimeout(600_000);
  // Nothing runs or loads in the source page itself: what is counted is what the extension carries.
  const csp = encodeURIComponent("default-src 'none'; style-src 'unsafe-inline'");
  // A refresh the policy cannot stop is answered with 204, which leaves the page where it is.
  await page.route('**/__xss/**', (route) => route.fulfill({ status: 204 }));
  await page.goto(`${baseUrl}/xss/selection.html?csp=${csp}`);
  const tabId = await tabIdOf(extensionContext, page);
  const watch = new Watch(extensionContext, page);
  const panel = await watchedPanel(page, openPanel, watch);
  await clearLibrary(panel);
  await panel.reload();

  /** The source editor holding only `vector` (it parses there, inert), all of it selected. */
  const selectVector = (vector: Vector) =>
    page.locator('#editor').evaluate((editor, html) => {
      editor.innerHTML = html;
      const range = document.createRange();
      range.selectNodeContents(editor);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    }, `${word(vector)} ${vector.html}`);

  // The page menu: the background asks the page's content script for the selection and
  // sanitizes it (in Chrome, in the offscreen document).
  for (const [i, vector] of ONE_BY_ONE.entries()) {
    const selectionText = await selectVector(vector);
    await extensionContext.serviceWorkers()[0].evaluate(
      ({ tabId, selectionText }) => {
        const { chrome } = globalThis as unknown as { chrome: { contextMenus: { onClicked: { dispatch(info: object, tab: object): void } } } };
        chrome.contextMenus.onClicked.dispatch({ menuItemId: 'save-selection-as-snippet', frameId: 0, selectionText, editable: true, pageUrl: '' }, { id: tabId });
      },
      { tabId, selectionText },
    );
    await expect.poll(async () => (await storedHtml(panel)).snippets.length).toBe(i + 1);
  }
  const stored = await storedHtml(panel);
  const residue: string[] = [];
  for (const snippet of stored.snippets) residue.push(...(await panel.evaluate(dangerIn, { html: snippet.html ?? '' })));
  await record('save selection from the page menu: stored HTML', ONE_BY_ONE.length, watch, residue);

  // The panel's Save selection: the selection is read from the target editor and shown in the
  // rich snippet editor.
  const panelWatch = new Watch(extensionContext, page);
  await panelWatch.watch(panel);
  await page.locator('#editor').click({ position: { x: 5, y: 5 } });
  await blurAllFrames(page);
  await panel.reload();
  await expect(panel.getByRole('button', { name: /Target/ })).toContainText('Source');
  await panel.getByRole('tab', { name: 'Snippets' }).click();
  const panelResidue: string[] = [];
  for (const vector of ONE_BY_ONE) {
    await selectVector(vector);
    await panel.getByRole('button', { name: 'Save selection' }).click();
    await expect(panel.getByRole('textbox', { name: 'Title' })).toHaveAttribute('placeholder', new RegExp(word(vector)));
    panelResidue.push(...(await panelDanger(panel)));
    await panel.getByRole('button', { name: 'Cancel' }).click();
  }
  await record('save selection from the panel: rich snippet editor', ONE_BY_ONE.length, panelWatch, panelResidue);
});
