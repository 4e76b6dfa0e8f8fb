/** A placeholder rule as the user typed it, checked before it is stored. Pure. */
import { PLACEHOLDER_KINDS, validateRule, type PlaceholderKind } from '../report/placeholders';

export { PLACEHOLDER_KINDS };

export interface PlaceholderRuleInput {
  name: string;
  pattern: string;
  flags: string;
  kind: string;
}

export type PlaceholderRuleCheck =
  | { ok: true; rule: { name: string; pattern: string; flags: string; kind: PlaceholderKind } }
  | { ok: false; message: string };

/** The rule's name and kind checked, its pattern not yet: for a caller that judges the pattern elsewhere (in a worker). */
export function checkPlaceholderRuleFields(input: PlaceholderRuleInput): PlaceholderRuleCheck {
  const name = input.name.trim();
  if (!name) return { ok: false, message: 'The rule needs a name.' };
  const kind = PLACEHOLDER_KINDS.find((k) => k === input.kind);
  if (!kind) return { ok: false, message: `Unknown kind: ${input.kind}` };
  return { ok: true, rule: { name, pattern: input.pattern, flags: input.flags.trim(), kind } };
}

/**
 * A named rule of a known kind whose pattern validateRule finds safe. The name is trimmed and
 * spaces around the flags dropped; the pattern is kept exactly (a space in it may matter).
 * Runs the pattern's short timing trial on this thread.
 */
export function checkPlaceholderRule(input: PlaceholderRuleInput): PlaceholderRuleCheck {
  const fields = checkPlaceholderRuleFields(input);
  if (!fields.ok) return fields;
  const check = validateRule({ pattern: fields.rule.pattern, flags: fields.rule.flags });
  return check.ok ? fields : check;
}
