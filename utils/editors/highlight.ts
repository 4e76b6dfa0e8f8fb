/**
 * Marks placeholders in the page without touching the editor's DOM: the CSS Custom Highlight
 * API where the browser has it (Chrome 105+, Firefox 140+), boxes drawn over the text
 * elsewhere. The registry is per document, and styles do not cross into shadow roots, so the
 * style sheet is adopted by whichever tree holds the editor.
 */

const ALL = 'report-assistant-placeholder';
const CURRENT = 'report-assistant-current';

export interface HighlightColours {
  all: string;
  current: string;
}

export const DEFAULT_COLOURS: HighlightColours = { all: 'rgba(255, 196, 0, 0.35)', current: 'rgba(255, 140, 0, 0.6)' };

type HighlightView = Window & {
  Highlight?: new (...ranges: Range[]) => unknown;
  CSS?: { highlights?: Map<string, unknown> };
};

const sheets = new WeakMap<Document | ShadowRoot, CSSStyleSheet>();

function adoptStyle(tree: Document | ShadowRoot, view: Window, colours: HighlightColours) {
  let sheet = sheets.get(tree);
  if (!sheet) {
    sheet = new (view as Window & { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet();
    sheets.set(tree, sheet);
    // A constructed sheet is not inline style, so a strict page CSP does not block it.
    tree.adoptedStyleSheets = [...tree.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(
    `::highlight(${ALL}){background-color:${colours.all}}::highlight(${CURRENT}){background-color:${colours.current};text-decoration:underline 2px}`,
  );
}

/** Boxes over the ranges' rectangles, redrawn on scroll and resize, for browsers without the API. */
interface Overlay {
  layer: HTMLElement;
  draw(): void;
  detach(): void;
}
const overlays = new WeakMap<Document, Overlay>();

function drawOverlay(doc: Document, ranges: Range[], current: Range | null, colours: HighlightColours) {
  let overlay = overlays.get(doc);
  if (!overlay) {
    const layer = doc.createElement('div');
    layer.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147483646';
    doc.documentElement.append(layer);
    const redraw = () => created.draw();
    const created: Overlay = {
      layer,
      draw: () => {},
      detach: () => {
        layer.remove();
        doc.defaultView?.removeEventListener('scroll', redraw, true);
        doc.defaultView?.removeEventListener('resize', redraw);
      },
    };
    doc.defaultView?.addEventListener('scroll', redraw, true);
    doc.defaultView?.addEventListener('resize', redraw);
    overlays.set(doc, (overlay = created));
  }
  const { layer } = overlay;
  overlay.draw = () =>
    layer.replaceChildren(
      ...ranges.flatMap((range) =>
        [...range.getClientRects()].map((rect) => {
          const box = doc.createElement('div');
          box.style.cssText = `position:fixed;left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px;background:${range === current ? colours.current : colours.all}`;
          return box;
        }),
      ),
    );
  overlay.draw();
}

export function showHighlights(root: HTMLElement, ranges: Range[], current: Range | null, colours = DEFAULT_COLOURS): void {
  const doc = root.ownerDocument;
  const view = doc.defaultView as HighlightView | null;
  const registry = view?.CSS?.highlights;
  if (!view || !registry || !view.Highlight) {
    drawOverlay(doc, ranges, current, colours);
    return;
  }
  const tree = root.getRootNode();
  adoptStyle(tree instanceof ShadowRoot ? tree : doc, view, colours);
  registry.set(ALL, new view.Highlight(...ranges.filter((r) => r !== current)));
  registry.set(CURRENT, new view.Highlight(...(current ? [current] : [])));
}

export function clearHighlights(doc: Document): void {
  const registry = (doc.defaultView as HighlightView | null)?.CSS?.highlights;
  registry?.delete(ALL);
  registry?.delete(CURRENT);
  overlays.get(doc)?.detach();
  overlays.delete(doc);
}
