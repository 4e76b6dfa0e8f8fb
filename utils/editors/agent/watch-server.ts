import { isReadable, judgeEditor, measureEditor } from '../detect';
import { EditorWatch } from '../editor-watch';
import { decodeSpans, WATCH_PORT, type PanelToContentWatch } from '../../../protocol/messages';
import type { KnownEditors } from './known-editors';
import type { SiteGate } from './site-gate';

export interface WatchServer {
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
        watch = new EditorWatch(found.root, found.adapter, (event) => port.postMessage(event));
        watches.add(watch);
      }
    });
    port.onDisconnect.addListener(stop);
  });
  return {
    edited(root) {
      for (const watch of watches) if (watch.editor === root) watch.schedule();
    },
  };
}
