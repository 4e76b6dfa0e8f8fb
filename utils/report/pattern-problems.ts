/**
 * Why a rule's regular expression was refused, as a reason a sentence can be chosen for: the
 * pattern check (regex-safety.ts) and the JavaScript engine explain in their own words, which
 * are neither the writer's language nor plain. Pure.
 */

export type SyntaxKind =
  | 'unclosed-group'
  | 'unmatched-paren'
  | 'unclosed-class'
  | 'nothing-to-repeat'
  | 'bad-escape'
  | 'bad-range'
  | 'bad-group-name'
  | 'bad-flags'
  | 'other';

export type PatternProblem =
  | { reason: 'empty' }
  | { reason: 'name-missing' }
  | { reason: 'syntax'; kind: SyntaxKind; /** The engine's own words, for a kind without a sentence. */ detail: string }
  | { reason: 'nested'; part: string }
  | { reason: 'slow'; part: string | null }
  | { reason: 'matches-empty' }
  | { reason: 'other'; detail: string };

const SYNTAX_KINDS: [RegExp, SyntaxKind][] = [
  [/Unterminated group/i, 'unclosed-group'],
  [/Unmatched '\)'/i, 'unmatched-paren'],
  [/Unterminated character class/i, 'unclosed-class'],
  [/Nothing to repeat|Lone quantifier|Incomplete quantifier/i, 'nothing-to-repeat'],
  [/escape|\\ at end of pattern|property name/i, 'bad-escape'],
  [/out of order/i, 'bad-range'],
  [/capture group name|named capture|named reference/i, 'bad-group-name'],
];

/** The first "…" quoted piece of a message: the part of the pattern it is about. */
const quotedPart = (message: string) => /^"(.+?)" /.exec(message)?.[1] ?? /"(.+?)"/.exec(message)?.[1] ?? null;

/** The reason behind a refusal message of the pattern check, validateRule or the rule checks. */
export function patternProblem(message: string): PatternProblem {
  if (/^The pattern is empty/.test(message)) return { reason: 'empty' };
  if (/needs a name/.test(message)) return { reason: 'name-missing' };
  if (/^Unsupported flags|Invalid flags/.test(message)) return { reason: 'syntax', kind: 'bad-flags', detail: message };
  const invalid = /^Invalid pattern: "(?:Invalid regular expression: \/.*\/[a-z]*: )?(.*)"\.$/s.exec(message);
  if (invalid) {
    const detail = invalid[1];
    return { reason: 'syntax', kind: SYNTAX_KINDS.find(([test]) => test.test(detail))?.[1] ?? 'other', detail };
  }
  if (/repeats something that already repeats/.test(message)) return { reason: 'nested', part: quotedPart(message) ?? '' };
  if (/can match empty text/.test(message)) return { reason: 'matches-empty' };
  if (/freeze|every character|exponential|every way|any length|took over/.test(message)) {
    return { reason: 'slow', part: /^The pattern took over/.test(message) ? null : quotedPart(message) };
  }
  return { reason: 'other', detail: message };
}
