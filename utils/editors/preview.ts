/**
 * The value a blank would get, drawn over the blank while the user types it in the panel. The
 * editor is not touched (no DOM change inside it, no input event, no undo entry): the text is
 * drawn in boxes placed at the blank's client rects, inside a closed shadow root whose host is
 * the only thing the page can see, and holds no text.
 */
import type { EditorAdapter, TextSpan } from './adapters/types';
import { fieldSpanBoxes } from './adapters/textarea';

/** Placed over the page's own layers; drawn only, never hit by the pointer. */
const STYLE = `
:host { all: initial; }
.clip { position: fixed; overflow: hidden; pointer-events: none; z-index: 2147483647; }
.mark { position: absolute; box-sizing: border-box; background: #e3f6e8; outline: 2px solid #2f8f4e; border-radius: 2px; }
.fill { position: absolute; box-sizing: border-box; white-space: pre; color: #0b3d1f; background: #e3f6e8;
  outline: 1px solid #2f8f4e; border-radius: 2px; padding: 0 1px; }
.fill.label { box-shadow: 0 1px 4px rgba(0,0,0,.3); }
`;

/** Where the blank is, in client coordinates, and the area the editor shows (the boxes are clipped to it). */
interface Placement {
  boxes: DOMRect[];
  clip: DOMRect;
}

export interface Preview {
  /**
   * Draws `text` over `span` of the editor; false when the span cannot be drawn (an editor
   * whose text is not all in its DOM). Replaces any earlier preview.
   */
  show(root: HTMLElement, adapter: EditorAdapter, span: TextSpan, expected: string, text: string): boolean;
  clear(): void;
}

/** The part of `rect` inside `other`. */
function intersect(rect: DOMRect, other: DOMRect): DOMRect {
  const left = Math.max(rect.left, other.left);
  const top = Math.max(rect.top, other.top);
  return new DOMRect(left, top, Math.max(0, Math.min(rect.right, other.right) - left), Math.max(0, Math.min(rect.bottom, other.bottom) - top));
}

/** What the editor shows of itself: its padding box, within the viewport of its document. */
function visibleArea(root: HTMLElement): DOMRect {
  const view = root.ownerDocument.defaultView!;
  const viewport = new DOMRect(0, 0, view.innerWidth, view.innerHeight);
  // An iframe editor's body is the whole of its frame's viewport.
  if (root === root.ownerDocument.body) return viewport;
  const rect = root.getBoundingClientRect();
  return intersect(new DOMRect(rect.left + root.clientLeft, rect.top + root.clientTop, root.clientWidth, root.clientHeight), viewport);
}

/** Draws one preview at a time in this frame. */
export function createPreview(): Preview {
  let current: {
    root: HTMLElement;
    host: HTMLElement;
    clip: HTMLElement;
    mark: HTMLElement;
    fill: HTMLElement;
    /** Where the blank is now, or null when it no longer holds what was previewed. */
    place(): Placement | null;
    stop(): void;
  } | null = null;
  let frame = 0;

  const clear = () => {
    if (!current) return;
    const { host, stop } = current;
    current = null;
    cancelAnimationFrame(frame);
    stop();
    host.remove();
  };

  const redraw = () => {
    if (!current) return;
    const placement = current.root.isConnected ? current.place() : null;
    if (!placement) return clear();
    const { clip, mark, fill } = current;
    const [first] = placement.boxes;
    const area = placement.clip;
    const at = (el: HTMLElement, left: number, top: number) => {
      el.style.setProperty('left', `${left - area.left}px`);
      el.style.setProperty('top', `${top - area.top}px`);
    };
    clip.style.setProperty('left', `${area.left}px`);
    clip.style.setProperty('top', `${area.top}px`);
    clip.style.setProperty('width', `${area.width}px`);
    clip.style.setProperty('height', `${area.height}px`);
    // The blank's first line is covered; the value is written there when it fits, else just
    // above (below at the top of the editor), so the words after the blank stay readable.
    at(mark, first.left, first.top);
    mark.style.setProperty('width', `${first.width}px`);
    mark.style.setProperty('height', `${first.height}px`);
    fill.style.setProperty('min-width', `${first.width}px`);
    fill.style.setProperty('height', `${first.height}px`);
    fill.style.setProperty('line-height', `${first.height}px`);
    const fits = fill.offsetWidth <= first.width + 2;
    fill.classList.toggle('label', !fits);
    const above = first.top - first.height - 4;
    const top = fits ? first.top : above >= area.top ? above : first.bottom + 4;
    at(fill, Math.max(area.left, Math.min(first.left, area.right - fill.offsetWidth)), top);
  };
  const schedule = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(redraw);
  };

  const show: Preview['show'] = (root, adapter, span, expected, text) => {
    clear();
    const doc = root.ownerDocument;
    const view = doc.defaultView;
    if (!view) return false;
    const holds = () => adapter.readText(root).slice(span.start, span.end) === expected;
    let place: () => Placement | null;
    /** Finds the blank again after the editor's DOM changed around it (a re-render keeps the text, not the nodes). */
    let refind = () => {};
    let fontOf: Element;
    if (root instanceof HTMLTextAreaElement) {
      // Boxes in the field's own coordinates, laid out once (again on resize): a scroll only moves them.
      let boxes = fieldSpanBoxes(root, span);
      let width = root.clientWidth;
      place = () => {
        if (!holds()) return null;
        if (root.clientWidth !== width) {
          width = root.clientWidth;
          boxes = fieldSpanBoxes(root, span);
        }
        const rect = root.getBoundingClientRect();
        const dx = rect.left + root.clientLeft - root.scrollLeft;
        const dy = rect.top + root.clientTop - root.scrollTop;
        return { boxes: boxes.map((b) => new DOMRect(b.left + dx, b.top + dy, b.width, b.height)), clip: visibleArea(root) };
      };
      fontOf = root;
    } else if (adapter.rangesOf && !(root instanceof HTMLInputElement)) {
      const rangesOf = adapter.rangesOf.bind(adapter);
      let [range] = rangesOf(root, [span]);
      if (!range) return false;
      refind = () => ([range] = rangesOf(root, [span]));
      // The editor's text is checked when its DOM changes (below), not on every scroll frame.
      place = () => {
        const boxes = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
        return boxes.length ? { boxes, clip: visibleArea(root) } : null;
      };
      fontOf = range.startContainer.parentElement ?? root;
    } else return false;
    if (!holds() || !place()) return false;

    const host = doc.createElement('span');
    // Out of the page's styles' reach: nothing the page sets on spans can move or hide the boxes.
    for (const [name, value] of [['all', 'initial'], ['position', 'fixed'], ['top', '0'], ['left', '0'], ['pointer-events', 'none'], ['z-index', '2147483647']]) {
      host.style.setProperty(name, value, 'important');
    }
    const shadow = host.attachShadow({ mode: 'closed' });
    const sheet = new (view as Window & { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet();
    // A constructed sheet and CSSOM properties: a strict page CSP allows both.
    sheet.replaceSync(STYLE);
    shadow.adoptedStyleSheets = [sheet];
    const clip = doc.createElement('div');
    clip.className = 'clip';
    const mark = doc.createElement('div');
    mark.className = 'mark';
    const fill = doc.createElement('div');
    fill.className = 'fill';
    const font = getComputedStyle(fontOf);
    for (const name of ['font-family', 'font-size', 'font-weight', 'font-style', 'letter-spacing']) fill.style.setProperty(name, font.getPropertyValue(name));
    fill.textContent = text;
    clip.append(mark, fill);
    shadow.append(clip);

    // The preview goes as soon as the editor's text changes under it, typed or not.
    const onChange = () => {
      if (!holds()) return clear();
      refind();
      schedule();
    };
    const observer = new MutationObserver(onChange);
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    root.addEventListener('input', onChange);
    // Scrolls of the page or of any box inside it (the editor's own) move the blank.
    view.addEventListener('scroll', schedule, { capture: true, passive: true });
    view.addEventListener('resize', schedule, { passive: true });
    const stop = () => {
      observer.disconnect();
      root.removeEventListener('input', onChange);
      view.removeEventListener('scroll', schedule, { capture: true });
      view.removeEventListener('resize', schedule);
    };
    // Outside the editor, and outside <body>, which is the editor in an iframe editor's frame.
    doc.documentElement.append(host);
    current = { root, host, clip, mark, fill, place, stop };
    redraw();
    return current !== null;
  };

  return { show, clear };
}
