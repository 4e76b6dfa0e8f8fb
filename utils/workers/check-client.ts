/** The panel's side of check.worker.ts: texts go to the worker one at a time, the newest first. */
import type { Finding } from '../report/check';
import type { CheckWorkerToPanel, PanelToCheckWorker } from '../../protocol/messages';
import CheckWorker from './check.worker.ts?worker';

export interface DocumentChecker {
  /** Checks `text` with the rules in `disabled` off; of the texts given while the worker was busy, the newest alone is checked next. */
  check(text: string, disabled: readonly string[]): void;
  stop(): void;
}

/**
 * `onFindings` hears each text checked with its findings, in the order the texts were given;
 * with null when the check failed on it.
 */
export function startDocumentChecker(onFindings: (text: string, findings: Finding[] | null) => void): DocumentChecker {
  const worker = new CheckWorker();
  let version = 0;
  let running: { version: number; text: string } | null = null;
  // The newest text given while the worker was busy: only it is checked next.
  let waiting: { text: string; disabled: readonly string[] } | null = null;
  let stopped = false;

  const post = (text: string, disabled: readonly string[]) => {
    running = { version: ++version, text };
    worker.postMessage({ type: 'text', version, text, disabled: [...disabled] } satisfies PanelToCheckWorker);
  };
  worker.onmessage = (event: MessageEvent<CheckWorkerToPanel>) => {
    const message = event.data;
    if (stopped || !running || message.version !== running.version) return;
    const { text } = running;
    running = null;
    // Findings of a text already overtaken are still shown: each comes with the text it is of.
    onFindings(text, message.type === 'findings' ? message.findings : null);
    if (waiting) {
      post(waiting.text, waiting.disabled);
      waiting = null;
    }
  };
  return {
    check(text, disabled) {
      if (stopped) return;
      if (running) waiting = { text, disabled };
      else post(text, disabled);
    },
    stop() {
      stopped = true;
      worker.terminate();
    },
  };
}
