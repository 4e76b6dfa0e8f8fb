/** The panel's side of outline.worker.ts: texts go to the worker one at a time, the newest first. */
import type { NumberingIssue, OutlineItem } from '../report/outline';
import type { OutlineWorkerToPanel, PanelToOutlineWorker } from '../../protocol/messages';
import OutlineWorker from './outline.worker.ts?worker';
import { latestOnly, type LatestOnly } from './latest-only';
import { unpackOutline } from '../../protocol/outline-worker';

/** A text's headings and their numbering problems; null when they could not be read. */
export type DocumentOutline = { items: OutlineItem[]; issues: NumberingIssue[] } | null;

// A worker started before the outline is asked for, while the editor's text is on its way: its
// script is loaded and its parser warmed up by the time the text comes.
let spare: Worker | null = null;

/** Starts the next reader's worker now. */
export function prepareOutlineReader(): void {
  spare ??= new OutlineWorker();
}

export function startOutlineReader(onOutline: (text: string, outline: DocumentOutline) => void): LatestOnly<string> {
  const worker = spare ?? new OutlineWorker();
  spare = null;
  return latestOnly<string, OutlineWorkerToPanel>(
    worker,
    (text, version) => ({ type: 'text', version, text }) satisfies PanelToOutlineWorker,
    (text, answer) => onOutline(text, answer.type === 'outline' ? { items: unpackOutline(answer.items), issues: answer.issues } : null),
  );
}
