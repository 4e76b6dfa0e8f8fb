import { followTyping, locateStops } from '../../snippets/stops';
import type { EditorAdapter, InsertContent } from '../adapters';

interface Session {
  root: HTMLElement;
  adapter: EditorAdapter;
  /** The editor's text when the caret last moved to a stop. */
  text: string;
  stops: number[];
  index: number;
}

/**
 * The caret stops of the snippet just inserted (`{{cursor}}`, `{{tab}}`): the caret goes to the
 * first, and Tab / Shift+Tab in the page move between them while the text changed only at the
 * stop the caret is at. Any other change, a click elsewhere or the last stop ends it, and Tab is
 * the page's again.
 */
export function createTabStops() {
  let session: Session | null = null;
  let listening = false;

  /** A click moves the caret away from the stops: they end. */
  const onPointerDown = (event: PointerEvent) => {
    if (event.isTrusted) session = null;
  };

  const moveTo = async (next: Session, index: number) => {
    const at = next.stops[index];
    session = { ...next, index };
    await next.adapter.select(next.root, { start: at, end: at });
  };

  /** After an insertion: `before` is the editor's text just before it. */
  const begin = async (root: HTMLElement, adapter: EditorAdapter, before: string, content: InsertContent) => {
    session = null;
    if (!content.stops?.length) return;
    // Listened for only once a snippet with stops has gone in, not on every page.
    if (!listening) window.addEventListener('pointerdown', onPointerDown, true);
    listening = true;
    const text = adapter.readText(root);
    const stops = locateStops(before, text, content.text, content.stops);
    if (stops) await moveTo({ root, adapter, text, stops, index: 0 }, 0);
  };

  /** True when the key moved the caret to a stop (and is then the extension's, not the page's). */
  const onKeyDown = (event: KeyboardEvent): boolean => {
    // A key the page dispatched moves nothing.
    if (!session || !event.isTrusted || event.key !== 'Tab' || event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return false;
    const current = session;
    if (!event.composedPath().includes(current.root)) return false;
    const stops = followTyping(current.text, current.adapter.readText(current.root), current.stops, current.index);
    const index = current.index + (event.shiftKey ? -1 : 1);
    if (!stops || index < 0 || index >= stops.length) {
      session = null;
      return false;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    void moveTo({ ...current, stops, text: current.adapter.readText(current.root) }, index);
    return true;
  };

  return { begin, onKeyDown };
}

export type TabStops = ReturnType<typeof createTabStops>;
