/**
 * The panel's side of rules.worker.ts: a scanner that times each user rule and stops the
 * worker when one overruns, and a pattern check that runs its trials off the panel's thread.
 */
import type { Placeholder, PlaceholderRule } from '../report/placeholders';
import type { TextDelta } from '../report/text-delta';
import type { FromRulesWorker, ToRulesWorker } from './rules-protocol';
import RulesWorker from './rules.worker.ts?worker';

/** A user rule that runs longer than this on one scan is stopped and switched off. */
export const RULE_BUDGET_MS = 1500;
/** A pattern check (static check and both trials) that takes longer is refused. */
export const CHECK_BUDGET_MS = 5000;

// Vite's explicit worker import: the worker is bundled as a file of the extension's own.
const startWorker = () => new RulesWorker();

export interface RuleScanner {
  text(version: number, text: string): void;
  delta(version: number, delta: TextDelta): void;
  stop(): void;
}

/**
 * Scans in a worker. `onOverrun` is called once with the rule that overran; the worker is
 * stopped then, and nothing more is reported: the caller switches the rule off and starts again.
 */
export function startRuleScanner(
  rules: PlaceholderRule[],
  onPlaceholders: (version: number, placeholders: Placeholder[]) => void,
  onOverrun: (ruleId: string) => void,
): RuleScanner {
  const worker = startWorker();
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    clearTimeout(watchdog);
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<FromRulesWorker>) => {
    const message = event.data;
    if (stopped) return;
    if (message.type === 'rule') {
      clearTimeout(watchdog);
      const id = message.id;
      if (id !== null) {
        watchdog = setTimeout(() => {
          stop();
          onOverrun(id);
        }, RULE_BUDGET_MS);
      }
    } else if (message.type === 'placeholders') {
      onPlaceholders(message.version, message.placeholders);
    }
  };
  const send = (message: ToRulesWorker) => {
    if (!stopped) worker.postMessage(message);
  };
  return {
    text: (version, text) => send({ type: 'text', version, text, rules }),
    delta: (version, delta) => send({ type: 'delta', version, delta }),
    stop,
  };
}

export type OffThreadCheck = { ok: true } | { ok: false; message: string } | { ok: false; tooLong: true };

/** Judges a pattern in a worker of its own, stopped if the check takes over CHECK_BUDGET_MS. */
export function checkPatternOffThread(pattern: string, flags: string): Promise<OffThreadCheck> {
  return new Promise((resolve) => {
    const worker = startWorker();
    const timer = setTimeout(() => {
      worker.terminate();
      resolve({ ok: false, tooLong: true });
    }, CHECK_BUDGET_MS);
    worker.onmessage = (event: MessageEvent<FromRulesWorker>) => {
      const message = event.data;
      if (message.type !== 'checked') return;
      clearTimeout(timer);
      worker.terminate();
      resolve(message.ok ? { ok: true } : { ok: false, message: message.message });
    };
    worker.postMessage({ type: 'check', pattern, flags } satisfies ToRulesWorker);
  });
}
