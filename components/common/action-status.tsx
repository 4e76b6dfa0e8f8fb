import { createContext, useCallback, useContext, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';

export type StatusTone = 'ok' | 'error';

interface Current {
  owner: string;
  /** Which of the owner's controls it is about (a row's id), when it has several. */
  where: string | undefined;
  text: string;
  tone: StatusTone;
  /** Any further controls the message offers (e.g. an undo or a follow-up fix). */
  actions?: ReactNode;
  /** When it was said (ms since the page loaded). */
  at: number;
}

interface StatusStore {
  current: Current | null;
  set: React.Dispatch<React.SetStateAction<Current | null>>;
}

const StatusContext = createContext<StatusStore | null>(null);

/**
 * One message at a time for the whole panel: a new action's message replaces the last one, and
 * the panel clears it on a tab switch or a change of target. The message is drawn beside the
 * control that caused it (`ActionStatus`) and announced once, by one live region (`Announcer`).
 */
export function StatusProvider({ children }: { children: ReactNode }) {
  const [current, set] = useState<Current | null>(null);
  const store = useMemo(() => ({ current, set }), [current]);
  return <StatusContext.Provider value={store}>{children}</StatusContext.Provider>;
}

export interface ActionStatusHandle {
  /** This component's message, when the panel's current one is of it. */
  current: Current | null;
  report(text: string, tone: StatusTone, options?: { where?: string; actions?: ReactNode }): void;
  clear(): void;
}

/** Messages of one component; each call site draws them with `ActionStatus`. */
export function useActionStatus(): ActionStatusHandle {
  const store = useContext(StatusContext);
  if (!store) throw new Error('useActionStatus outside StatusProvider');
  const owner = useId();
  const { current, set } = store;
  const report = useCallback<ActionStatusHandle['report']>(
    (text, tone, options) => set({ owner, text, tone, where: options?.where, actions: options?.actions, at: performance.now() }),
    [owner, set],
  );
  const clear = useCallback(() => set(null), [set]);
  return { current: current?.owner === owner ? current : null, report, clear };
}

/** Clears the panel's message: for the panel's own moments (tab switch, new target). */
export function useClearStatus(): () => void {
  const store = useContext(StatusContext);
  if (!store) throw new Error('useClearStatus outside StatusProvider');
  const { set } = store;
  return useCallback(() => set(null), [set]);
}

/** How long a message outlives edits: the edit it reports arrives just after it. */
const SETTLE_MS = 1500;

/**
 * Clears the panel's message once `value` (the document's text) moves on after it settled: an
 * "Inserted" left standing after the user undid the insertion, or typed on, misleads.
 */
export function useClearWhenChanged(value: unknown) {
  const store = useContext(StatusContext);
  if (!store) throw new Error('useClearWhenChanged outside StatusProvider');
  const { set } = store;
  useEffect(() => {
    set((message) => (message && performance.now() - message.at > SETTLE_MS ? null : message));
  }, [value, set]);
}

/**
 * The visible message, right where it is drawn: the messages reported with this `where` (a
 * list's row, one of several buttons), or without one when it is absent. Screen readers hear it
 * from the `Announcer`, not from here.
 */
export function ActionStatus({ of, where }: { of: ActionStatusHandle; where?: string }) {
  const current = of.current;
  if (!current || current.where !== where) return null;
  return (
    <div className={`status ${current.tone}`} aria-hidden={current.actions ? undefined : true}>
      <span>{current.text}</span>
      {current.actions}
    </div>
  );
}

/** The panel's one live region: every message is announced from here, wherever it is drawn. */
export function Announcer() {
  const store = useContext(StatusContext);
  return (
    <p role="status" aria-label={i18n.t('result')} className="visually-hidden">
      {store?.current?.text}
    </p>
  );
}
