/** The panel's side of outline.worker.ts: texts go to the worker one at a time, the newest first. */
import type { NumberingIssue, OutlineItem } from '../report/outline';
import type { OutlineWorkerToPanel, PanelToOutlineWorker } from '../../protocol/messages';
import OutlineWorker from './outline.worker.ts?worker';
import { latestOnly, type LatestOnly } from './latest-only';
import { unpackOutline } from '../../protocol/outline-worker';

/** A text's headings and their numbering problems; null when they could not be read. */
export type DocumentOutline = { items: OutlineItem[]; issues: NumberingIssue[] } | null;

export function startOutlineReader(onOutline: (text: string, outline: DocumentOutline) => void): LatestOnly<string> {
  return latestOnly<string, OutlineWorkerToPanel>(
    new OutlineWorker(),
    (text, version) => ({ type: 'text', version, text }) satisfies PanelToOutlineWorker,
    (text, answer) => onOutline(text, answer.type === 'outline' ? { items: unpackOutline(answer.items), issues: answer.issues } : null),
  );
}
