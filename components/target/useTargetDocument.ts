import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { connector, type WatchLink } from '@/protocol/connector';
import type { Span } from '@/protocol/messages';
import { database } from '@/utils/db/database';
import { type Placeholder, type PlaceholderKind, type PlaceholderRule } from '@/utils/report/placeholders';
import { startRuleScanner } from '@/utils/workers/rules-client';
import { DEFAULT_HIGHLIGHT_COLOURS } from '@/utils/settings/colour';
import { highlightColours } from '@/utils/db/settings';
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
  const port = useRef<WatchLink | null>(null);
  const frameId = target?.frameId;
  const editorId = target?.id;

  useEffect(() => {
    if (tabId === null || frameId === undefined || editorId === undefined || rules === undefined) return;
    const scanner = startRuleScanner(
      rules,
      (text, placeholders) => setState({ status: 'watching', text, placeholders }),
      (ruleId) => {
        const rule = rules.find((r) => r.id === ruleId);
        setStoppedRule(rule?.name ?? ruleId);
        // Switching it off changes the rules, which starts a new scan without it.
        void database().placeholderRules.update(ruleId, { enabled: false });
      },
    );
    const connection = connector().watch(tabId, frameId, (message) => {
      if (message.type === 'gone') {
        setState({ status: 'gone' });
        return;
      }
      if (message.type === 'text') scanner.text(message.text);
      else scanner.delta(message.delta);
    });
    port.current = connection;
    connection.post({ type: 'watch', editorId });
    return () => {
      scanner.stop();
      connection.close();
      if (port.current === connection) port.current = null;
    };
  }, [tabId, frameId, editorId, rules]);

  const colours = useLiveQuery(() => highlightColours(database()), []) ?? DEFAULT_HIGHLIGHT_COLOURS;
  const shown = useRef<{ spans: Span[]; current: number | null } | null>(null);
  const highlight = useCallback(
    (spans: Span[], current: number | null) => {
      shown.current = { spans, current };
      const flat = new Array<number>(spans.length * 2);
      spans.forEach((span, i) => {
        flat[2 * i] = span.start;
        flat[2 * i + 1] = span.end;
      });
      port.current?.post({ type: 'highlight', spans: flat, current, colours });
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
