import { isReadable, judgeEditor, measureEditor } from '../detect';
import { EditorWatch } from '../editor-watch';
import { decodeSpans, WATCH_PORT, type PanelToContentWatch } from '../../../protocol/messages';
import type { KnownEditors } from './known-editors';
import type { SiteGate } from './site-gate';

/** How long the text sent with a scan's answer is kept for a watch since that scan. */
const SCANNED_KEPT_MS = 10_000;

export interface WatchServer {
  /** `text` of `root` went to the panel with the answer to scan `requestId`: a watch since that scan starts from it. */
  scanned(root: HTMLElement, requestId: string, text: string): void;
  /** The extension edited `root`: panels following it hear of it even where its DOM does not show it. */
  edited(root: HTMLElement): void;
}

/**
 * Serves the panel's watch port: the target editor's text, then each change, and the
 * highlights the panel asks for. Served only once the site check has answered that the
 * extension is on here; a one-line field is never streamed. When the panel closes, the page
 * is left as it was.
 */
export function setUpWatchServer({ editorFor }: KnownEditors, gate: SiteGate): WatchServer {
  const watches = new Set<EditorWatch>();
  // The latest scan's only: one text, of one editor, kept for the watch that follows it.
  let lastScan: { root: HTMLElement; requestId: string; text: string } | null = null;
  let forget: ReturnType<typeof setTimeout> | undefined;
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== WATCH_PORT || port.sender?.id !== browser.runtime.id) return;
    let watch: EditorWatch | null = null;
    const stop = () => {
      watch?.stop();
      if (watch) watches.delete(watch);
      watch = null;
    };
    port.onMessage.addListener(async (message: PanelToContentWatch) => {
      if (message.type === 'highlight') {
        watch?.highlight(decodeSpans(message.spans), message.current, message.colours);
        return;
      }
      stop();
      const found = (await gate.isOff()) ? gate.refusal() : editorFor(message.editorId);
      if ('ok' in found || !isReadable(judgeEditor(measureEditor(found.root)))) port.postMessage({ type: 'gone' });
      else {
        // A second request may have been answered while this one waited.
        stop();
        const known = message.since !== undefined && lastScan?.requestId === message.since && lastScan.root === found.root ? lastScan.text : undefined;
        if (known !== undefined) lastScan = null;
        watch = new EditorWatch(found.root, found.adapter, (event) => port.postMessage(event), known);
        watches.add(watch);
      }
    });
    port.onDisconnect.addListener(stop);
  });
  return {
    scanned(root, requestId, text) {
      lastScan = { root, requestId, text };
      // A panel that watches comes within moments; a long text is not held for one that does not.
      clearTimeout(forget);
      forget = setTimeout(() => (lastScan = null), SCANNED_KEPT_MS);
    },
    edited(root) {
      for (const watch of watches) if (watch.editor === root) watch.schedule();
    },
  };
}
