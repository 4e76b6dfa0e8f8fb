import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Browser } from 'wxt/browser';
import { database } from '@/utils/db/database';
import { isWatchEvent, WATCH_PORT, type Span, type WatchRequest } from '@/utils/messaging';
import { updatePlaceholders } from '@/utils/report/checklist';
import { findPlaceholders, validateRule, type Placeholder, type PlaceholderKind, type PlaceholderRule } from '@/utils/report/placeholders';
import { applyDelta } from '@/utils/report/text-delta';
import { DEFAULT_HIGHLIGHT_COLOURS } from '@/utils/settings/colour';
import { highlightColours } from '@/utils/settings/store';
import type { TabEditor } from './useTabEditors';

export type DocumentState =
  | { status: 'idle' }
  | { status: 'watching'; text: string; placeholders: Placeholder[] }
  | { status: 'gone' };

/** The user's own placeholder rules that are on and valid. */
function useUserRules(): PlaceholderRule[] | undefined {
  const records = useLiveQuery(() => database().placeholderRules.toArray(), []);
  return useMemo(
    () =>
      records
        ?.filter((r) => r.enabled && validateRule(r).ok)
        .map((r) => ({ id: r.id, name: r.name, pattern: r.pattern, flags: r.flags, kind: r.kind as PlaceholderKind, enabled: true })),
    [records],
  );
}

/**
 * The placeholders of the target editor, kept live over a port to its frame: the frame sends
 * the whole text once, then a delta per edit, and only the lines an edit touched are scanned
 * again. Closing the panel closes the port, which clears the page's highlights.
 */
export function useTargetDocument(tabId: number | null, target: TabEditor | null) {
  const rules = useUserRules();
  const [state, setState] = useState<DocumentState>({ status: 'idle' });
  const port = useRef<Browser.runtime.Port | null>(null);
  const frameId = target?.frameId;
  const editorId = target?.id;

  useEffect(() => {
    if (tabId === null || frameId === undefined || editorId === undefined || rules === undefined) return;
    const options = { rules };
    const connection = browser.tabs.connect(tabId, { name: WATCH_PORT, frameId });
    port.current = connection;
    connection.onMessage.addListener((message: unknown) => {
      if (!isWatchEvent(message)) return;
      if (message.type === 'gone') setState({ status: 'gone' });
      else if (message.type === 'text') {
        setState({ status: 'watching', text: message.text, placeholders: findPlaceholders(message.text, options) });
      } else {
        const delta = message.delta;
        setState((s) => {
          if (s.status !== 'watching') return s;
          const text = applyDelta(s.text, delta);
          return { status: 'watching', text, placeholders: updatePlaceholders(s.placeholders, text, delta, options) };
        });
      }
    });
    connection.postMessage({ type: 'watch', editorId } satisfies WatchRequest);
    return () => {
      connection.disconnect();
      if (port.current === connection) port.current = null;
    };
  }, [tabId, frameId, editorId, rules]);

  const colours = useLiveQuery(() => highlightColours(database()), []) ?? DEFAULT_HIGHLIGHT_COLOURS;
  const shown = useRef<{ spans: Span[]; current: number | null } | null>(null);
  const highlight = useCallback(
    (spans: Span[], current: number | null) => {
      shown.current = { spans, current };
      port.current?.postMessage({ type: 'highlight', spans, current, colours } satisfies WatchRequest);
    },
    [colours],
  );
  // New colours repaint what is highlighted at once, also while the checklist is not on screen.
  useEffect(() => {
    if (shown.current) highlight(shown.current.spans, shown.current.current);
  }, [highlight]);

  // A state from another editor is not shown while the new one's text is on its way.
  const current = editorId === undefined ? ({ status: 'idle' } as const) : state;
  return { state: current, highlight, rules };
}
