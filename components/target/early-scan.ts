import { connector, type EventSource } from '@/protocol/connector';
import type { ContentToPanel } from '@/protocol/messages';

/** How long answers to the early scan are kept for the panel to take. */
const KEPT_MS = 5000;

interface EarlyScan {
  tabId: number;
  requestId: string;
  answers: { message: Extract<ContentToPanel, { type: 'editors-found' }>; source: EventSource }[];
  stop(): void;
}

let early: Promise<EarlyScan | null> | null = null;

/**
 * Asks the tab's frames for their editors as the panel's script starts, before React has drawn
 * anything: on a long document the page's answer (it reads the editor's text) is most of the
 * wait for the first rows, and this way it is read while the panel boots. The answers are kept
 * for `useTabEditors`, whose first scan of the same tab takes them instead of asking again.
 */
export function startEarlyScan(): void {
  const pinned = Number(new URLSearchParams(location.search).get('tabId'));
  const tab = Number.isInteger(pinned) && pinned > 0 ? Promise.resolve(pinned) : connector().activeTab().then((active) => active.tabId);
  early = tab
    .then((tabId) => {
      if (tabId === null) return null;
      const requestId = crypto.randomUUID();
      const answers: EarlyScan['answers'] = [];
      const unsubscribe = connector().onContentEvent((message, source) => {
        if (source.tabId === tabId && message.type === 'editors-found' && message.requestId === requestId) answers.push({ message, source });
      });
      const timer = setTimeout(unsubscribe, KEPT_MS);
      void connector().tell(tabId, { type: 'scan-editors', requestId });
      return {
        tabId,
        requestId,
        answers,
        stop() {
          clearTimeout(timer);
          unsubscribe();
        },
      };
    })
    .catch(() => null);
}

/**
 * The early scan of `tabId`, once: its request id (later answers carry it) and the answers
 * already in. Null when there was none, it was of another tab, or it was taken.
 */
export async function takeEarlyScan(tabId: number): Promise<Pick<EarlyScan, 'requestId' | 'answers'> | null> {
  const pending = early;
  early = null;
  const scan = await pending;
  scan?.stop();
  return scan && scan.tabId === tabId ? { requestId: scan.requestId, answers: scan.answers } : null;
}
