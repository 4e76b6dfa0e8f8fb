/** The panel's side of check.worker.ts: texts go to the worker one at a time, the newest first. */
import type { Finding } from '../report/check';
import type { CheckWorkerToPanel, PanelToCheckWorker } from '../../protocol/messages';
import CheckWorker from './check.worker.ts?worker';
import { latestOnly } from './latest-only';

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
  const worker = latestOnly<{ text: string; disabled: readonly string[] }, CheckWorkerToPanel>(
    new CheckWorker(),
    ({ text, disabled }, version) => ({ type: 'text', version, text, disabled: [...disabled] }) satisfies PanelToCheckWorker,
    ({ text }, answer) => onFindings(text, answer.type === 'findings' ? answer.findings : null),
  );
  return { check: (text, disabled) => worker.give({ text, disabled }), stop: worker.stop };
}
