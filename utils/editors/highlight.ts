/**
 * Marks placeholders in the page without touching the editor's DOM: the CSS Custom Highlight
 * API (Chrome 105+, Firefox 140+). The registry is per document, and styles do not cross into
 * shadow roots, so the style sheet is adopted by whichever tree holds the editor.
 */

import type { HighlightColours } from '../settings/colour';

const ALL = 'report-assistant-placeholder';
const CURRENT = 'report-assistant-current';

/** Placeholders in amber, the current one darker and underlined, unless the user chose colours. */
const STYLE = `::highlight(${ALL}){background-color:rgba(255,196,0,.35)}::highlight(${CURRENT}){background-color:rgba(255,140,0,.6);text-decoration:underline 2px}`;

/** A highlight is a set of ranges (the API's `Highlight` is a setlike). */
type RangeSet = { add(range: Range): unknown };

type HighlightView = Window & {
  Highlight?: new (...ranges: Range[]) => RangeSet;
  CSS?: { highlights?: Map<string, unknown> };
};

/** The style sheet each tree has adopted, and the colours it was last painted with. */
const sheets = new WeakMap<Document | ShadowRoot, CSSStyleSheet>();
const painted = new WeakMap<CSSStyleSheet, string>();

function adoptStyle(tree: Document | ShadowRoot, view: Window): CSSStyleSheet {
  let sheet = sheets.get(tree);
  if (sheet) return sheet;
  sheet = new (view as Window & { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet();
  sheet.replaceSync(STYLE);
  sheets.set(tree, sheet);
  // A constructed sheet is not inline style, so a strict page CSP does not block it.
  tree.adoptedStyleSheets = [...tree.adoptedStyleSheets, sheet];
  return sheet;
}

/**
 * The user's colours, set through the CSSOM: a value that is not a colour is ignored there, so
 * whatever arrives can never add a rule to the page.
 */
function paint(sheet: CSSStyleSheet, colours: HighlightColours) {
  // A change to the sheet restyles the whole page (a long document: a quarter of a second).
  const key = `${colours.all}|${colours.current}`;
  if (painted.get(sheet) === key) return;
  painted.set(sheet, key);
  const [all, current] = sheet.cssRules as unknown as CSSStyleRule[];
  all.style.backgroundColor = colours.all;
  current.style.backgroundColor = colours.current;
}

export function showHighlights(root: HTMLElement, ranges: Range[], current: Range | null, colours?: HighlightColours): void {
  const doc = root.ownerDocument;
  const view = doc.defaultView as HighlightView | null;
  const registry = view?.CSS?.highlights;
  // Every supported browser has the API (Chrome 105, Firefox 140: see wxt.config.ts).
  if (!view || !registry || !view.Highlight) return;
  // Nothing to mark: no style sheet is added to the page, and none changed, for nothing.
  if (!ranges.length && !current) return clearHighlights(doc);
  const tree = root.getRootNode();
  const sheet = adoptStyle(tree instanceof ShadowRoot ? tree : doc, view);
  if (colours) paint(sheet, colours);
  // Ranges are added one by one: spreading them into the constructor throws past the
  // engine's limit on call arguments (65,535 in V8), and then nothing is highlighted.
  const all = new view.Highlight();
  for (const range of ranges) if (range !== current) all.add(range);
  const highlighted = new view.Highlight();
  if (current) highlighted.add(current);
  registry.set(ALL, all);
  registry.set(CURRENT, highlighted);
}

export function clearHighlights(doc: Document): void {
  const registry = (doc.defaultView as HighlightView | null)?.CSS?.highlights;
  registry?.delete(ALL);
  registry?.delete(CURRENT);
}
