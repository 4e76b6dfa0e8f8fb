import { TEXT_INPUT_TYPES } from '@/utils/editors/detect';
import { handoff, focusNeedsGesture } from '@/utils/editors/agent/handoff';

/** The agent (entrypoints/editor-agent.ts), loaded into this same isolated world when needed. */
const AGENT = '/editor-agent.js';

/** Where a trusted focus means the user may write: the agent then decides whether it is an editor. */
function isEditable(node: EventTarget | undefined): node is HTMLElement {
  if (node instanceof HTMLTextAreaElement) return true;
  if (node instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(node.type);
  return node instanceof HTMLElement && (node.isContentEditable || node.ownerDocument.designMode === 'on');
}

/**
 * The content script the manifest puts in every frame. Until the user points at or focuses an
 * editable element, or the extension asks something of this frame, it is a few listeners and
 * nothing more; then it loads the agent, which does the work, and hands it what came meanwhile.
 */
export default defineUnlistedScript(() => {
  const held = handoff();
  let loading = false;
  const wake = () => {
    if (loading) return;
    loading = true;
    // A module of the extension, imported into this world: the page neither runs nor sees it.
    // getURL throws once the extension is updated or removed under the page: in the chain, so it is caught.
    Promise.resolve()
      .then(() => import(/* @vite-ignore */ browser.runtime.getURL(AGENT)))
      .catch(() => {
        // What waits gets no answer rather than none at all.
        loading = false;
        for (const { respond } of held.messages.splice(0)) respond();
      });
  };

  const onFocusIn = (event: FocusEvent) => {
    const target = event.composedPath()[0];
    if (held.agentReady || !event.isTrusted || !isEditable(target)) return;
    // A focus while the agent loads is the agent's too: it takes it over once loaded.
    held.focused = target as Node;
    wake();
  };
  // The pointer moving onto something editable comes a moment before the click into it: the
  // agent starts loading then, and is ready when the focus comes.
  const onPointerOver = (event: PointerEvent) => {
    if (!loading && event.isTrusted && isEditable(event.composedPath()[0])) wake();
  };
  // In a frame of another origin and in a pop-up window, a focus counts only right after a
  // gesture there (see caret-tracking.ts): the agent needs to know of a gesture before it loaded.
  const onGesture = (event: Event) => {
    if (event.isTrusted) held.gestureAt = performance.now();
  };
  const askGesture = focusNeedsGesture();
  const listen = () => {
    if (loading) return;
    window.addEventListener('focusin', onFocusIn, true);
    window.addEventListener('pointerover', onPointerOver, true);
    if (askGesture) for (const type of ['pointerdown', 'keydown']) window.addEventListener(type, onGesture, true);
  };
  listen();
  // Iframe editors write their frame with document.open(), which erases the listeners.
  new MutationObserver(listen).observe(document, { childList: true });

  browser.runtime.onMessage.addListener((message: { type?: unknown } | null, sender, respond) => {
    if (held.agentReady || sender.id !== browser.runtime.id) return;
    const type = message?.type;
    // Nothing here yet for these to change; and commands concern only the frame with focus.
    if (type === 'sites-changed' || type === 'preview-clear') return;
    if ((type === 'open-quick-insert' || type === 'read-page-selection') && !document.hasFocus()) return;
    held.messages.push({ message, sender, respond });
    wake();
    return true;
  });
});
