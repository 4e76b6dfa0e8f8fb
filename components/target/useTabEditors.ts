import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { connector } from '@/protocol/connector';
import type { ContentToPanel, EditorAnswers, EditorInfo, EditorRequest, InsertPayload, TargetRequest } from '@/protocol/messages';
import { takeEarlyScan } from './early-scan';

export interface TabEditor extends EditorInfo {
  /** `frameId:id`, unique in the tab. */
  key: string;
  frameId: number;
  frameUrl: string;
  /** The origin of its frame when that is not the page's own (an embed, an advertisement). */
  foreignOrigin: string | null;
  /** Its text as a scan's answer brought it (the editor last written in), for its watch to start from. */
  scanned?: { requestId: string; text: string };
}

/**
 * Why the panel could not even ask: no tab, no target editor, the page did not answer, or the
 * user said no to inserting into a frame of another site.
 */
export type PanelFailure = { ok: false; reason: 'no-target' | 'no-tab' | 'unreachable' | 'cancelled' };

/** What an insertion came to, in words for the control that asked for it. */
export interface InsertOutcome {
  ok: boolean;
  message: string;
}

/** An insertion into a frame of another site, waiting for the user's yes or no. */
export interface PendingInsert {
  origin: string;
  answer(insert: boolean): void;
}

/** Sends a request about the target editor to its frame. */
export type SendToTarget = <T extends keyof EditorAnswers>(request: TargetRequest<T>) => Promise<EditorAnswers[T] | PanelFailure>;

/** The origin of an address the page gave, or null when it is not one. */
function originOf(address: string | null): string | null {
  try {
    return address === null ? null : new URL(address).origin;
  } catch {
    return null;
  }
}

/** The order a frame's registry first saw an editor in (`editor-3` → 3). */
const seenOrder = (id: string) => Number(/\d+$/.exec(id)?.[0] ?? 0);

function keyOf(frameId: number, id: string) {
  return `${frameId}:${id}`;
}

/** Report editors in every frame of a tab, the target among them, and insertion into it. */
export function useTabEditors(tabId: number | null) {
  const [editors, setEditors] = useState<Map<string, TabEditor>>(new Map());
  // The pick belongs to the tab it was made in; switching tabs drops it.
  const [picked, setPicked] = useState<{ tabId: number | null; key: string } | null>(null);
  const pickedKey = picked?.tabId === tabId ? picked.key : null;
  const pick = useCallback((key: string | null) => setPicked(key === null ? null : { tabId, key }), [tabId]);
  const [scanning, setScanning] = useState(false);
  const [pageOrigin, setPageOrigin] = useState<string | null>(null);

  /** Editors a frame told of; a scan's answer replaces all the frame's, with the text it brought. */
  const upsert = useCallback((frameId: number, frameUrl: string, infos: EditorInfo[], scan?: Extract<ContentToPanel, { type: 'editors-found' }>) => {
    setEditors((previous) => {
      const next = new Map(previous);
      if (scan) for (const [key, e] of next) if (e.frameId === frameId) next.delete(key);
      for (const info of infos) {
        const scanned = scan?.text?.editorId === info.id ? { requestId: scan.requestId, text: scan.text.text } : undefined;
        next.set(keyOf(frameId, info.id), { ...info, key: keyOf(frameId, info.id), frameId, frameUrl, foreignOrigin: null, scanned });
      }
      return next;
    });
  }, []);

  // Answers to an older scan (a frame that was slow, or a page that replays messages) are not
  // this scan's: only the latest request's id is taken.
  const scanId = useRef<string | null>(null);
  const scan = useCallback(async () => {
    if (tabId === null) return;
    setEditors(new Map());
    setScanning(true);
    // The page's own origin, to tell frames of other sites apart; its top frame tells.
    void connector()
      .ask(tabId, 0, { type: 'page-address' })
      .then((address) => setPageOrigin(originOf(address)));
    // The first scan of the panel's tab was sent as the panel started: its answers so far,
    // and those still to come (they carry its id).
    const early = await takeEarlyScan(tabId);
    if (early) {
      scanId.current = early.requestId;
      for (const { message, source } of early.answers) upsert(source.frameId, message.frameUrl, message.editors, message);
    } else {
      const requestId = crypto.randomUUID();
      scanId.current = requestId;
      // Every frame answers on its own with an `editors-found` message.
      await connector().tell(tabId, { type: 'scan-editors', requestId });
    }
    setTimeout(() => setScanning(false), 400);
  }, [tabId, upsert]);

  useEffect(() => {
    const unsubscribe = connector().onContentEvent((message, source) => {
      if (source.tabId !== tabId) return;
      if (message.type === 'editors-found') {
        if (message.requestId === scanId.current) upsert(source.frameId, message.frameUrl, message.editors, message);
      } else upsert(source.frameId, message.frameUrl, [message.editor]);
    });
    // Asking the page for its editors is the subscription itself: answers arrive as messages.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void scan();
    return unsubscribe;
  }, [tabId, scan, upsert]);

  // A frame whose origin is not the page's, or when the page's is not known yet, is foreign.
  const known = useMemo(
    () => new Map([...editors].map(([key, e]) => [key, { ...e, foreignOrigin: e.frameId !== 0 && e.origin !== pageOrigin ? e.origin : null }])),
    [editors, pageOrigin],
  );

  /**
   * The editor the user picked, else the one they last focused; a one-line field (a search box)
   * only when picked.
   */
  const target = useMemo(() => {
    if (pickedKey && known.has(pickedKey)) return known.get(pickedKey)!;
    let best: TabEditor | null = null;
    for (const e of known.values()) {
      if (e.reason === 'single line') continue;
      if (e.lastFocusedAt !== null && (best === null || e.lastFocusedAt > best.lastFocusedAt!)) best = e;
    }
    return best;
  }, [known, pickedKey]);

  // Report editors, and the target whatever it is; the opted-out ones and one-line fields apart.
  const [reportEditors, optedOut] = useMemo(() => {
    // In a fixed order (frame, then the order the frame first saw them), whichever frame answers
    // a scan first: a list that reshuffles on every Refresh loses the user's place.
    const all = [...known.values()].sort((a, b) => a.frameId - b.frameId || seenOrder(a.id) - seenOrder(b.id));
    const listed = (e: TabEditor) => e.isReportEditor || e.key === target?.key;
    return [all.filter(listed), all.filter((e) => !listed(e) && (e.reason === 'opted out' || e.reason === 'single line'))];
  }, [known, target]);

  // Inserting into a frame of another site asks first, once for each editor.
  const [pending, setPending] = useState<PendingInsert | null>(null);
  const confirmed = useRef(new Set<string>());
  const confirm = useCallback(
    (editor: TabEditor) =>
      !editor.foreignOrigin || confirmed.current.has(editor.key)
        ? Promise.resolve(true)
        : new Promise<boolean>((resolve) =>
            setPending({
              origin: editor.foreignOrigin!,
              answer: (insert) => {
                setPending(null);
                if (insert) confirmed.current.add(editor.key);
                resolve(insert);
              },
            }),
          ),
    [],
  );

  /** Sends a request about the target editor to its frame. */
  const send = useCallback(
    async <T extends keyof EditorAnswers>(request: TargetRequest<T>): Promise<EditorAnswers[T] | PanelFailure> => {
      if (tabId === null) return { ok: false, reason: 'no-tab' };
      if (!target) return { ok: false, reason: 'no-target' };
      // An answer that is not one the protocol allows counts as none (the connector checks it).
      const result = (await connector().ask(tabId, target.frameId, { ...request, editorId: target.id } as EditorRequest)) as EditorAnswers[T] | null;
      if (!result) return { ok: false, reason: 'unreachable' };
      if (!result.ok && result.reason === 'detached') {
        pick(null);
        void scan();
      }
      return result;
    },
    [tabId, target, scan, pick],
  );

  const insert = useCallback(
    async (content: InsertPayload): Promise<EditorAnswers['insert'] | PanelFailure> => {
      if (target && !(await confirm(target))) return { ok: false, reason: 'cancelled' };
      const result = await send<'insert'>({ type: 'insert', content });
      if (result.ok && target) upsert(target.frameId, target.frameUrl, [result.editor]);
      return result;
    },
    [send, target, upsert, confirm],
  );

  return { editors: reportEditors, optedOut, target, pick, scan, scanning, insert, send, pending };
}
