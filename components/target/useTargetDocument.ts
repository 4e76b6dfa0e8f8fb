import { useLiveQuery } from 'dexie-react-hooks';
import { startTransition, useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { connector, type WatchLink } from '@/protocol/connector';
import { encodeSpans, type Span } from '@/protocol/messages';
import { database } from '@/utils/db/database';
import { validateRule, type Placeholder, type PlaceholderKind, type PlaceholderRule } from '@/utils/report/placeholders';
import { prepareRuleScanner, startRuleScanner, type RuleScanner } from '@/utils/workers/rules-client';
import { applyDelta } from '@/utils/report/text-delta';
import { DEFAULT_HIGHLIGHT_COLOURS } from '@/utils/settings/colour';
import { highlightColours, placeholderKindsOff } from '@/utils/db/settings';
import { withoutKinds } from '@/utils/settings/placeholder-kinds';
import type { TabEditor } from './useTabEditors';

export type DocumentState =
  | { status: 'idle' }
  /** `stoppedRule`: a user rule that overran on this document and was switched off (its name). */
  /** `refusedRules`: rules that are on but that the pattern check refuses, so they are not used (their names). */
  | { status: 'watching'; text: string; placeholders: Placeholder[]; stoppedRule?: string; refusedRules?: string[] }
  | { status: 'gone' };

/**
 * The user's own placeholder rules that are on, and the names of those the pattern check
 * refuses (a rule stored before the check grew stricter, or brought by an older backup): the
 * scan skips them, and the checklist says so rather than leaving them silently unused.
 */
function useUserRules(): { rules: PlaceholderRule[]; refused: string[] } | undefined {
  const records = useLiveQuery(() => database().placeholderRules.toArray(), []);
  return useMemo(() => {
    if (!records) return undefined;
    const rules = records
      .filter((r) => r.enabled)
      .map((r) => ({ id: r.id, name: r.name, pattern: r.pattern, flags: r.flags, kind: r.kind as PlaceholderKind, enabled: true }));
    return { rules, refused: rules.filter((rule) => !validateRule(rule).ok).map((rule) => rule.name) };
  }, [records]);
}

/**
 * The placeholders of the target editor, kept live over a port to its frame: the frame sends
 * the whole text once, then a delta per edit, and only the lines an edit touched are scanned
 * again. Scanning runs in a worker (rules.worker.ts), so a long document or a slow user rule
 * never blocks the panel; a rule that overruns is switched off and named in the state. The
 * text itself (`text`) is given as it comes, ahead of the scan: the outline need not wait.
 * Closing the panel closes the port, which clears the page's highlights.
 */
export function useTargetDocument(tabId: number | null, target: TabEditor | null) {
  const userRules = useUserRules();
  const rules = userRules?.rules;
  const refused = userRules?.refused;
  const [state, setState] = useState<DocumentState>({ status: 'idle' });
  const [stoppedRule, setStoppedRule] = useState<string | undefined>();
  // The editor's text as its frame sent it, ahead of the scan: the outline reads it at once.
  const [liveText, setLiveText] = useState<{ editorId: string; text: string } | null>(null);
  const port = useRef<WatchLink | null>(null);
  /** The text as of the last message from the frame, and the scanner it goes to (none until the rules are read). */
  const watched = useRef<{ text: string | null; scanner: RuleScanner | null }>({ text: null, scanner: null });
  const frameId = target?.frameId;
  const editorId = target?.id;
  // The text a scan brought, read when the watch opens (the text changing does not reopen it),
  // and used once: a watch opened again later starts from the frame's text, not an old scan's.
  const scannedText = useEffectEvent(() => target?.scanned);
  const usedScan = useRef<string | null>(null);

  useEffect(prepareRuleScanner, []);
  // The port opens as soon as the editor is known; the user's rules, read from the database
  // meanwhile, are needed only by the scanner, which takes the text kept here when it starts.
  useEffect(() => {
    if (tabId === null || frameId === undefined || editorId === undefined) return;
    const kept = { text: null as string | null, scanner: null as RuleScanner | null };
    watched.current = kept;
    // The scan's text is the start: the frame then sends what changed since, or all of it again.
    const scanned = scannedText();
    const since = scanned && scanned.requestId !== usedScan.current ? scanned : undefined;
    usedScan.current = scanned?.requestId ?? null;
    if (since) {
      kept.text = since.text;
      // State from outside React (the page's answer), set once as the watch opens.
      setLiveText({ editorId, text: since.text });
    }
    const connection = connector().watch(tabId, frameId, (message) => {
      if (message.type === 'gone') {
        setState({ status: 'gone' });
        return;
      }
      if (message.type === 'text') {
        kept.text = message.text;
        kept.scanner?.text(message.text);
      } else {
        if (kept.text === null) return;
        kept.text = applyDelta(kept.text, message.delta);
        kept.scanner?.delta(message.delta);
      }
      const text = kept.text;
      startTransition(() => setLiveText({ editorId, text }));
    });
    port.current = connection;
    connection.post({ type: 'watch', editorId, since: since?.requestId });
    return () => {
      connection.close();
      if (port.current === connection) port.current = null;
      setLiveText(null);
    };
  }, [tabId, frameId, editorId]);

  useEffect(() => {
    if (tabId === null || frameId === undefined || editorId === undefined || rules === undefined) return;
    const kept = watched.current;
    const scanner = startRuleScanner(
      rules,
      // A transition: the lists a long document makes are drawn in slices, the panel answering between.
      (text, placeholders) => startTransition(() => setState({ status: 'watching', text, placeholders })),
      (ruleId) => {
        const rule = rules.find((r) => r.id === ruleId);
        setStoppedRule(rule?.name ?? ruleId);
        // Switching it off changes the rules, which starts a new scan without it.
        void database().placeholderRules.update(ruleId, { enabled: false });
      },
    );
    kept.scanner = scanner;
    if (kept.text !== null) scanner.text(kept.text);
    return () => {
      scanner.stop();
      if (kept.scanner === scanner) kept.scanner = null;
    };
  }, [tabId, frameId, editorId, rules]);

  const colours = useLiveQuery(() => highlightColours(database()), []) ?? DEFAULT_HIGHLIGHT_COLOURS;
  const shown = useRef<{ spans: Span[]; current: number | null } | null>(null);
  const highlight = useCallback(
    (spans: Span[], current: number | null) => {
      shown.current = { spans, current };
      port.current?.post({ type: 'highlight', spans: encodeSpans(spans), current, colours });
    },
    [colours],
  );
  // New colours repaint what is highlighted at once, also while the checklist is not on screen.
  useEffect(() => {
    if (shown.current) highlight(shown.current.spans, shown.current.current);
  }, [highlight]);

  // The kinds the user switched off in Settings are left out of the list.
  const kindsOff = useLiveQuery(() => placeholderKindsOff(database()), []);
  const shownState = useMemo<DocumentState>(
    () => (state.status === 'watching' && kindsOff?.length ? { ...state, placeholders: withoutKinds(state.placeholders, kindsOff) } : state),
    [state, kindsOff],
  );
  // A state from another editor is not shown while the new one's text is on its way.
  const current = useMemo<DocumentState>(
    () =>
      editorId === undefined
        ? { status: 'idle' }
        : shownState.status === 'watching' && (stoppedRule || refused?.length)
          ? { ...shownState, stoppedRule, refusedRules: refused?.length ? refused : undefined }
          : shownState,
    [editorId, shownState, stoppedRule, refused],
  );
  // The live text only of the editor now targeted, and not once it is gone.
  const text = liveText && liveText.editorId === editorId && current.status !== 'gone' ? liveText.text : null;
  return { state: current, text, highlight, rules };
}
