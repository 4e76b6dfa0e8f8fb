/**
 * The panel's side of rules.worker.ts: a scanner that times each user rule and stops the
 * worker when one overruns, and a pattern check that runs its trials off the panel's thread.
 */
import type { Placeholder, PlaceholderRule } from '../report/placeholders';
import { applyDelta, type TextDelta } from '../report/text-delta';
import type { PanelToRulesWorker, RulesWorkerToPanel } from '../../protocol/messages';
import { unpackPlaceholders } from '../../protocol/rules-worker';
import RulesWorker from './rules.worker.ts?worker';

/** A user rule that runs longer than this on one scan is stopped and switched off. */
const RULE_BUDGET_MS = 1500;
/** A pattern check (static check and both trials) that takes longer is refused. */
const CHECK_BUDGET_MS = 5000;

// A worker started before it is needed, while the panel still looks for the editor: loading
// its script would otherwise come before the first scan.
let spare: Worker | null = null;

/** Starts the next scanner's worker now. */
export function prepareRuleScanner(): void {
  // Vite's explicit worker import: the worker is bundled as a file of the extension's own.
  spare ??= new RulesWorker();
}

const startWorker = () => {
  const worker = spare ?? new RulesWorker();
  spare = null;
  return worker;
};

export interface RuleScanner {
  /** The whole text: scan it all. */
  text(text: string): void;
  /** An edit of the text last given: scan the lines it touched. */
  delta(delta: TextDelta): void;
  stop(): void;
}

/**
 * Scans in a worker. `onPlaceholders` hears the latest text scanned with its placeholders (a
 * scan overtaken by a newer one may be skipped). `onOverrun` is called once with the rule that
 * overran; the worker is stopped then, and nothing more is reported: the caller switches the
 * rule off and starts again.
 */
export function startRuleScanner(
  rules: PlaceholderRule[],
  onPlaceholders: (text: string, placeholders: Placeholder[]) => void,
  onOverrun: (ruleId: string) => void,
): RuleScanner {
  const worker = startWorker();
  // The text of each version sent to the worker, until its placeholders come back.
  const texts = new Map<number, string>();
  let version = 0;
  let latest: string | null = null;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    clearTimeout(watchdog);
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<RulesWorkerToPanel>) => {
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
      const text = texts.get(message.version);
      for (const v of texts.keys()) if (v <= message.version) texts.delete(v);
      if (text !== undefined) onPlaceholders(text, unpackPlaceholders(message.placeholders, text));
    }
  };
  const send = (message: PanelToRulesWorker) => {
    if (!stopped) worker.postMessage(message);
  };
  return {
    text(text) {
      latest = text;
      texts.set(++version, text);
      send({ type: 'text', version, text, rules });
    },
    delta(delta) {
      if (latest === null) return;
      latest = applyDelta(latest, delta);
      texts.set(++version, latest);
      send({ type: 'delta', version, delta });
    },
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
    worker.onmessage = (event: MessageEvent<RulesWorkerToPanel>) => {
      const message = event.data;
      if (message.type !== 'checked') return;
      clearTimeout(timer);
      worker.terminate();
      resolve(message.ok ? { ok: true } : { ok: false, message: message.message });
    };
    worker.postMessage({ type: 'check', pattern, flags } satisfies PanelToRulesWorker);
  });
}
