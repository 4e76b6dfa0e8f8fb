import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Browser } from 'wxt/browser';
import { database } from '@/utils/db/database';
import { isWatchEvent, WATCH_PORT, type Span, type WatchRequest } from '@/utils/messaging';
import { type Placeholder, type PlaceholderKind, type PlaceholderRule } from '@/utils/report/placeholders';
import { applyDelta } from '@/utils/report/text-delta';
import { startRuleScanner } from '@/utils/workers/rules-client';
import { DEFAULT_HIGHLIGHT_COLOURS } from '@/utils/settings/colour';
import { highlightColours } from '@/utils/settings/store';
import type { TabEditor } from './useTabEditors';

export type DocumentState =
  | { status: 'idle' }
  /** `stoppedRule`: a user rule that overran on this document and was switched off (its name). */
  | { status: 'watching'; text: string; placeholders: Placeholder[]; stoppedRule?: string }
  | { status: 'gone' };

/** The user's own placeholder rules that are on (the worker checks them before it runs them). */
function useUserRules(): PlaceholderRule[] | undefined {
  const records = useLiveQuery(() => database().placeholderRules.toArray(), []);
  return useMemo(
    () =>
      records
        ?.filter((r) => r.enabled)
        .map((r) => ({ id: r.id, name: r.name, pattern: r.pattern, flags: r.flags, kind: r.kind as PlaceholderKind, enabled: true })),
    [records],
  );
}

/**
 * The placeholders of the target editor, kept live over a port to its frame: the frame sends
 * the whole text once, then a delta per edit, and only the lines an edit touched are scanned
 * again. Scanning runs in a worker (rules.worker.ts), so a long document or a slow user rule
 * never blocks the panel; a rule that overruns is switched off and named in the state.
 * Closing the panel closes the port, which clears the page's highlights.
 */
export function useTargetDocument(tabId: number | null, target: TabEditor | null) {
  const rules = useUserRules();
  const [state, setState] = useState<DocumentState>({ status: 'idle' });
  const [stoppedRule, setStoppedRule] = useState<string | undefined>();
  const port = useRef<Browser.runtime.Port | null>(null);
  const frameId = target?.frameId;
  const editorId = target?.id;

  useEffect(() => {
    if (tabId === null || frameId === undefined || editorId === undefined || rules === undefined) return;
    // The text of each version sent to the worker, until its placeholders come back.
    const texts = new Map<number, string>();
    let version = 0;
    let latest: string | null = null;
    const scanner = startRuleScanner(
      rules,
      (done, placeholders) => {
        const text = texts.get(done);
        for (const v of texts.keys()) if (v <= done) texts.delete(v);
        if (text !== undefined) setState({ status: 'watching', text, placeholders });
      },
      (ruleId) => {
        const rule = rules.find((r) => r.id === ruleId);
        setStoppedRule(rule?.name ?? ruleId);
        // Switching it off changes the rules, which starts a new scan without it.
        void database().placeholderRules.update(ruleId, { enabled: false });
      },
    );
    const connection = browser.tabs.connect(tabId, { name: WATCH_PORT, frameId });
    port.current = connection;
    connection.onMessage.addListener((message: unknown) => {
      if (!isWatchEvent(message)) return;
      if (message.type === 'gone') {
        setState({ status: 'gone' });
        return;
      }
      version++;
      if (message.type === 'text') {
        latest = message.text;
        texts.set(version, latest);
        scanner.text(version, latest);
      } else if (latest !== null) {
        latest = applyDelta(latest, message.delta);
        texts.set(version, latest);
        scanner.delta(version, message.delta);
      }
    });
    connection.postMessage({ type: 'watch', editorId } satisfies WatchRequest);
    return () => {
      scanner.stop();
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
  const current = useMemo<DocumentState>(
    () => (editorId === undefined ? { status: 'idle' } : state.status === 'watching' && stoppedRule ? { ...state, stoppedRule } : state),
    [editorId, state, stoppedRule],
  );
  return { state: current, highlight, rules };
}
