/**
 * Marks placeholders in the page without touching the editor's DOM: the CSS Custom Highlight
 * API (Chrome 105+, Firefox 140+). The registry is per document, and styles do not cross into
 * shadow roots, so the style sheet is adopted by whichever tree holds the editor.
 */

const ALL = 'report-assistant-placeholder';
const CURRENT = 'report-assistant-current';

/** Placeholders in amber, the current one darker and underlined. */
const STYLE = `::highlight(${ALL}){background-color:rgba(255,196,0,.35)}::highlight(${CURRENT}){background-color:rgba(255,140,0,.6);text-decoration:underline 2px}`;

type HighlightView = Window & {
  Highlight?: new (...ranges: Range[]) => unknown;
  CSS?: { highlights?: Map<string, unknown> };
};

/** Trees that have the style sheet already. */
const sheets = new WeakSet<Document | ShadowRoot>();

function adoptStyle(tree: Document | ShadowRoot, view: Window) {
  if (sheets.has(tree)) return;
  const sheet = new (view as Window & { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet();
  sheet.replaceSync(STYLE);
  sheets.add(tree);
  // A constructed sheet is not inline style, so a strict page CSP does not block it.
  tree.adoptedStyleSheets = [...tree.adoptedStyleSheets, sheet];
}

export function showHighlights(root: HTMLElement, ranges: Range[], current: Range | null): void {
  const doc = root.ownerDocument;
  const view = doc.defaultView as HighlightView | null;
  const registry = view?.CSS?.highlights;
  // Every supported browser has the API (Chrome 105, Firefox 140: see wxt.config.ts).
  if (!view || !registry || !view.Highlight) return;
  const tree = root.getRootNode();
  adoptStyle(tree instanceof ShadowRoot ? tree : doc, view);
  registry.set(ALL, new view.Highlight(...ranges.filter((r) => r !== current)));
  registry.set(CURRENT, new view.Highlight(...(current ? [current] : [])));
}

export function clearHighlights(doc: Document): void {
  const registry = (doc.defaultView as HighlightView | null)?.CSS?.highlights;
  registry?.delete(ALL);
  registry?.delete(CURRENT);
}
