/**
 * The panel's one way to the browser's tabs and messages: hooks and components ask it, never
 * `browser.tabs` or `browser.runtime` themselves. Everything that comes back from a page is
 * checked against its schema here, so the rest of the panel sees only well-formed messages; an
 * answer that fails its schema is no answer. Tests put another connector in with setConnector.
 */
import { isAnswer, isMessage, type AnswerOf } from './schemas';
import { WATCH_PORT, type BackgroundToPanel, type ContentToPanel, type ContentToPanelWatch, type PanelToContent, type PanelToContentWatch } from './messages';

/** Where a content script's event came from. */
export interface EventSource {
  tabId: number;
  frameId: number;
  /** The tab whose page opened this one (a pop-up window of an office system), if any. */
  openerTabId?: number;
}

/** The panel's end of a watch port. */
export interface WatchLink {
  post(message: PanelToContentWatch): void;
  close(): void;
}

export interface Connector {
  /** Asks one frame of a tab; null when it did not answer, or answered outside the protocol. */
  ask<R extends PanelToContent>(tabId: number, frameId: number, request: R): Promise<AnswerOf<'panelToContent', R['type']> | null>;
  /** Tells every frame of a tab (`tabId`), or of every tab (null); answers are not awaited. */
  tell(tabId: number | null, message: PanelToContent): Promise<void>;
  /** Events from this extension's content scripts; returns the unsubscribe. */
  onContentEvent(listener: (event: ContentToPanel, source: EventSource) => void): () => void;
  /** Messages from the background (keyboard commands); returns the unsubscribe. */
  onBackgroundEvent(listener: (event: BackgroundToPanel) => void): () => void;
  /** Opens a watch port to one frame; `onEvent` hears its well-formed messages. */
  watch(tabId: number, frameId: number, onEvent: (event: ContentToPanelWatch) => void): WatchLink;
  /** The active tab of the panel's window (its id and window), once. */
  activeTab(): Promise<{ tabId: number | null; windowId: number | undefined }>;
  /** A tab became active; returns the unsubscribe. */
  onTabActivated(listener: (tabId: number, windowId: number) => void): () => void;
  /** A tab finished loading a page; returns the unsubscribe. */
  onTabLoaded(listener: (tabId: number) => void): () => void;
  /** A tab (or pop-up window) was closed; returns the unsubscribe. */
  onTabRemoved(listener: (tabId: number) => void): () => void;
}

/** Subscribes to runtime messages from this extension alone. */
type Sender = { tab?: { id?: number; openerTabId?: number }; frameId?: number };

function onOwnMessage(listener: (message: unknown, sender: Sender) => void): () => void {
  // Never returns a value: a listener that returns a promise or true answers (or holds) every
  // runtime message, ahead of the background that should answer the content scripts' requests.
  const onMessage = (message: unknown, sender: Sender & { id?: string }) => {
    if (sender.id === browser.runtime.id) listener(message, sender);
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}

export const browserConnector: Connector = {
  async ask<R extends PanelToContent>(tabId: number, frameId: number, request: R) {
    const answer: unknown = await browser.tabs.sendMessage(tabId, request, { frameId }).catch(() => undefined);
    // Requests that are asked are answered; none (a frame that did not listen) is no answer.
    return answer !== undefined && isAnswer('panelToContent', request.type, answer) ? (answer as AnswerOf<'panelToContent', R['type']>) : null;
  },
  async tell(tabId, message) {
    const tabs = tabId === null ? (await browser.tabs.query({})).map((tab) => tab.id) : [tabId];
    await Promise.all(tabs.map((id) => id !== undefined && browser.tabs.sendMessage(id, message).catch(() => {})));
  },
  onContentEvent(listener) {
    return onOwnMessage((message, sender) => {
      if (sender.tab?.id === undefined || sender.frameId === undefined || !isMessage('contentToPanel', message)) return;
      const source: EventSource = { tabId: sender.tab.id, frameId: sender.frameId };
      if (sender.tab.openerTabId !== undefined) source.openerTabId = sender.tab.openerTabId;
      listener(message, source);
    });
  },
  onBackgroundEvent(listener) {
    // The background's messages carry no tab.
    return onOwnMessage((message, sender) => {
      if (!sender.tab && isMessage('backgroundToPanel', message)) listener(message);
    });
  },
  watch(tabId, frameId, onEvent) {
    const port = browser.tabs.connect(tabId, { name: WATCH_PORT, frameId });
    port.onMessage.addListener((message: unknown) => {
      if (isMessage('contentToPanelWatch', message)) onEvent(message);
    });
    return { post: (message) => port.postMessage(message), close: () => port.disconnect() };
  },
  async activeTab() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return { tabId: tab?.id ?? null, windowId: tab?.windowId };
  },
  onTabActivated(listener) {
    const onActivated = (info: { tabId: number; windowId: number }) => listener(info.tabId, info.windowId);
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  },
  onTabLoaded(listener) {
    const onUpdated = (tabId: number, change: { status?: string }) => {
      if (change.status === 'complete') listener(tabId);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => browser.tabs.onUpdated.removeListener(onUpdated);
  },
  onTabRemoved(listener) {
    const onRemoved = (tabId: number) => listener(tabId);
    browser.tabs.onRemoved.addListener(onRemoved);
    return () => browser.tabs.onRemoved.removeListener(onRemoved);
  },
};

let current: Connector = browserConnector;

/** The connector the panel uses now. */
export const connector = (): Connector => current;

/** Puts `replacement` in place of the browser's connector (tests); returns what puts it back. */
export function setConnector(replacement: Connector): () => void {
  const previous = current;
  current = replacement;
  return () => {
    current = previous;
  };
}
