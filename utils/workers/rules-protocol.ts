/** Messages between the panel and the worker that runs the user's rules (rules.worker.ts). */
import type { Placeholder, PlaceholderRule } from '../report/placeholders';
import type { TextDelta } from '../report/text-delta';

export type ToRulesWorker =
  /** The whole text: scan it all. */
  | { type: 'text'; version: number; text: string; rules: PlaceholderRule[] }
  /** An edit of the text last sent: scan the lines it touched. */
  | { type: 'delta'; version: number; delta: TextDelta }
  /** Judge a pattern the user typed (static check and timing trials). */
  | { type: 'check'; pattern: string; flags: string };

export type FromRulesWorker =
  /** A user rule starts (its id) or the last one ended (null): the panel times it. */
  | { type: 'rule'; id: string | null }
  | { type: 'placeholders'; version: number; placeholders: Placeholder[] }
  | { type: 'checked'; ok: boolean; message: string };
