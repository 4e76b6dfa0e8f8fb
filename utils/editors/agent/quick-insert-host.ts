import type { InsertPayload } from '../../../protocol/messages';
import { adapterFor } from '../adapters';
import { blockSpan } from '../placement';
import { onExtensionMessage } from './extension-listeners';
import type { KnownEditors } from './known-editors';
import type { RequestRouter } from './request-router';
import type { SiteGate } from './site-gate';

/**
 * The box's messages (protocol/schemas.ts, quickInsertToContent), checked by hand: the schemas
 * would more than double the content script every page loads.
 */
type BoxMessage = { type: 'insert'; content: InsertPayload } | { type: 'close' } | { type: 'resize'; height: number } | { type: 'read-before' };
function boxMessage(value: unknown): BoxMessage | null {
  const message = value as { type?: unknown; height?: unknown; content?: Record<string, unknown> } | null;
  if (message?.type === 'close') return { type: 'close' };
  if (message?.type === 'read-before') return { type: 'read-before' };
  if (message?.type === 'resize') return typeof message.height === 'number' && message.height >= 0 && message.height <= 10_000 ? { type: 'resize', height: message.height } : null;
  const content = message?.type === 'insert' ? message.content : undefined;
  if (!content || typeof content.text !== 'string') return null;
  if (content.html !== undefined && typeof content.html !== 'string') return null;
  if (content.placement !== undefined && content.placement !== 'inline' && content.placement !== 'block') return null;
  const stops = content.stops;
  if (stops !== undefined && !(Array.isArray(stops) && stops.length <= 50 && stops.every((n) => Number.isInteger(n) && n >= 0))) return null;
  return { type: 'insert', content: { text: content.text, html: content.html, placement: content.placement, stops } as InsertPayload };
}

const WIDTH = 340;
const HEIGHT = 300;

/**
 * The quick-insert box at the caret: an extension page (components/quick-insert) framed in a
 * closed shadow root, so that the page holds only an empty host element and can neither read
 * the box nor hear what is typed in it (keys in a frame of another origin never reach the page).
 * The box and this script talk over a MessageChannel whose port is handed over with a secret
 * the page cannot know (it sits in the frame's address, inside the closed root).
 */
export function setUpQuickInsertHost({ memory, registry }: KnownEditors, gate: SiteGate, perform: RequestRouter['perform']): void {
  let open: { host: HTMLElement; root: HTMLElement; port: MessagePort } | null = null;

  const onPointerDown = (event: PointerEvent) => {
    // A click anywhere in the page closes the box; the click is the page's.
    if (event.isTrusted && open && !event.composedPath().includes(open.host)) close(false);
  };

  const close = (returnCaret: boolean) => {
    if (!open) return;
    const { host, root, port } = open;
    open = null;
    port.close();
    window.removeEventListener('pointerdown', onPointerDown, true);
    // Hidden at once, removed a moment later: the key that closed the box may still be on its
    // way to the frame, and a frame taken away under a key leaves the browser waiting for it.
    host.style.setProperty('display', 'none', 'important');
    setTimeout(() => host.remove(), 1000);
    const selection = memory.selectionOf(root);
    if (returnCaret && selection) void adapterFor(root)?.select(root, selection);
  };

  /** Where the box goes: under the caret, kept inside the window. */
  const placeFor = (root: HTMLElement): { left: number; top: number } => {
    const selection = getSelection();
    let box = root.getBoundingClientRect();
    if (selection?.rangeCount && root.contains(selection.anchorNode)) {
      const caret = selection.getRangeAt(0).getBoundingClientRect();
      if (caret.height) box = caret;
    }
    const left = Math.max(4, Math.min(box.left, innerWidth - WIDTH - 4));
    const below = box.bottom + 4;
    const top = below + HEIGHT > innerHeight ? Math.max(4, box.top - HEIGHT - 4) : below;
    return { left, top };
  };

  /**
   * The editor's text before where a block inserted now lands (after the caret's paragraph),
   * for a template section to be numbered to fit there; null for an editor that is not read.
   */
  const textBeforeBlock = async (root: HTMLElement): Promise<string | null> => {
    const read = await perform({ type: 'read-text', editorId: registry.idOf(root) });
    if (!read?.ok || !('text' in read) || typeof read.text !== 'string') return null;
    const selection = memory.selectionOf(root) ?? { start: read.text.length, end: read.text.length };
    return read.text.slice(0, blockSpan(read.text, selection).start);
  };

  /** Opens the box at the caret of the editor that has focus in this frame, if one has. */
  const openBox = () => {
    const root = memory.current()?.root;
    const active = document.activeElement;
    if (!root || !document.hasFocus() || !(active === root || root.contains(active))) return;
    if (open) close(false);
    const adapter = adapterFor(root);
    const selection = adapter?.readSelection(root);
    if (selection) memory.save(root, selection);

    const secret = crypto.randomUUID();
    const host = document.createElement('report-drafting-quick-insert');
    const { left, top } = placeFor(root);
    // Inline and important: the page's style sheets cannot hide or move it.
    for (const [name, value] of Object.entries({ all: 'initial', position: 'fixed', left: `${left}px`, top: `${top}px`, 'z-index': '2147483647' })) {
      host.style.setProperty(name, value, 'important');
    }
    const shadow = host.attachShadow({ mode: 'closed' });
    const frame = document.createElement('iframe');
    frame.src = browser.runtime.getURL(`/quick-insert.html#${secret}`);
    frame.setAttribute('style', `width:${WIDTH}px;height:${HEIGHT}px;border:0;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.25);color-scheme:normal;background:Canvas`);
    shadow.append(frame);
    const channel = new MessageChannel();
    const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
    frame.addEventListener(
      'load',
      () => frame.contentWindow?.postMessage({ secret, family: adapter?.family ?? null }, extensionOrigin, [channel.port2]),
      { once: true },
    );
    channel.port1.onmessage = (event: MessageEvent) => {
      // From the box's own page; checked like every message that crosses a boundary.
      const message = boxMessage(event.data);
      if (!open || !message) return;
      if (message.type === 'resize') {
        frame.style.height = `${Math.min(HEIGHT, Math.max(48, Math.ceil(message.height)))}px`;
        return;
      }
      if (message.type === 'read-before') {
        void textBeforeBlock(root).then((text) => open?.port.postMessage({ type: 'before', text }));
        return;
      }
      close(true);
      if (message.type === 'insert') void perform({ type: 'insert', editorId: registry.idOf(root), content: message.content });
    };
    document.documentElement.append(host);
    window.addEventListener('pointerdown', onPointerDown, true);
    open = { host, root, port: channel.port1 };
    frame.focus();
  };

  // The command reaches every frame of the tab; the one whose editor has focus opens the box.
  onExtensionMessage((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id || (message as { type?: unknown } | null)?.type !== 'open-quick-insert') return;
    void gate.isOff().then((off) => off || openBox());
  });
}
