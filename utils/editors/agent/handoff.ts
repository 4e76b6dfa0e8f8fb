import type { Browser } from 'wxt/browser';

/** A message that reached the frame before the agent was loaded: the agent answers it. */
export interface HeldMessage {
  message: unknown;
  sender: Browser.runtime.MessageSender;
  respond(answer?: unknown): void;
}

/**
 * What the bootstrap (entrypoints/editor-bootstrap.ts) hands to the agent it loads. It lives in
 * the isolated world's global scope, which the page's scripts cannot reach.
 */
export interface Handoff {
  /** The last trusted pointer or key press in this frame, as `performance.now()`. */
  gestureAt: number;
  /** Where the trusted focus that woke the agent went, if a focus did (an event's path is gone once dispatched). */
  focused: Node | null;
  messages: HeldMessage[];
  /** Set by the agent once its own listeners are in place: from then on the bootstrap holds nothing. */
  agentReady: boolean;
}

const KEY = 'reportDraftingHandoff';

export function handoff(): Handoff {
  const scope = globalThis as typeof globalThis & { [KEY]?: Handoff };
  return (scope[KEY] ??= { gestureAt: -Infinity, focused: null, messages: [], agentReady: false });
}

/**
 * Where script could put the focus in a box the user never chose, so that a focus counts only
 * right after a gesture there: a frame of another origin than the page (an advertisement, an
 * embed), and a pop-up window a page opened, which the panel follows from the page's tab.
 */
export function focusNeedsGesture(): boolean {
  try {
    return top!.origin !== self.origin || top!.opener !== null;
  } catch {
    return true;
  }
}
