/**
 * Check before submitting: the format (GB/T 9704-2012), punctuation (GB/T 15834-2011) and
 * numbers (GB/T 15835-2011) of a report, the leftovers of the sample material it started from,
 * its consistency, what its kind (请示, 报告, 通知) calls for, and a small set for English text.
 *
 * Pure: text in, findings out, in document order (offsets in UTF-16 code units). A finding's
 * `fix` replaces start..end where one is safe. Precision comes before coverage: nothing inside
 * a 《title》, a quotation of foreign text, a URL or code is flagged.
 *
 * The rules of each group live in ./check/<group>.ts. Most look at one line at a time, so an
 * edit is checked again on the lines it touched only (checkDocumentIncremental); the rules that
 * read the whole document work from what each line noted.
 */
import type { CheckOptions, CheckRule, CheckRuleId, Finding } from './check/types';
import { createCheckState, updateCheckState, type CheckState } from './check/engine';
import type { TextDelta } from './text-delta';

export type { CheckGroup, CheckOptions, CheckRule, CheckRuleId, CheckSeverity, DocumentKind, Finding } from './check/types';
export type { CheckState } from './check/engine';
export { CHECK_MESSAGES, type CheckMessageKey } from './check/messages';
export { CHECK_RULES } from './check/rules';

/** Every finding in `text`, in document order. */
export function checkDocument(text: string, options?: CheckOptions): Finding[] {
  return createCheckState(text, options).findings;
}

/** A check whose result can be brought up to date after an edit; `findings` as checkDocument gives. */
export function startCheck(text: string, options?: CheckOptions): CheckState {
  return createCheckState(text, options);
}

/** The check after `edit` turned `previous.text` into a new text: only the lines it touched are read again. */
export function checkDocumentIncremental(previous: CheckState, edit: TextDelta): CheckState {
  return updateCheckState(previous, edit);
}

/** Whether a rule is on under these options. */
export function isRuleEnabled(rule: CheckRuleId, options?: CheckOptions): boolean {
  return !options?.disabled?.includes(rule);
}

export type { CheckRule as CheckRuleInfo };
