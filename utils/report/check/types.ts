/** Shapes shared by the pre-submission check and its rule modules. Pure. */

export type CheckGroup = 'format' | 'punctuation' | 'numbers' | 'leftovers' | 'consistency' | 'kind' | 'english';

export type CheckSeverity = 'error' | 'warning' | 'info';

export type CheckRuleId =
  // GB/T 9704-2012
  | 'doc-number'
  | 'issue-date'
  | 'addressee'
  | 'attachment-note'
  | 'heading-numbering'
  // GB/T 15834-2011
  | 'halfwidth-punctuation'
  | 'unbalanced-pair'
  | 'ellipsis'
  | 'dunhao-between-titles'
  | 'doubled-punctuation'
  | 'mixed-quotes'
  // GB/T 15835-2011
  | 'range-unit'
  | 'abbreviated-year'
  | 'fullwidth-digits'
  | 'thousands-separator'
  // Leftovers of sample material
  | 'masked-word'
  | 'advertising'
  | 'paywall-marker'
  | 'template-guidance'
  | 'removed-name'
  | 'placeholder'
  // Consistency
  | 'title-year'
  | 'unit-name'
  | 'repeated-character'
  // Document kinds
  | 'request-ending'
  | 'request-one-thing'
  | 'report-request'
  | 'notice-addressee'
  // English
  | 'double-space'
  | 'unbalanced-bracket'
  | 'tbd'
  | 'date-format';

export interface CheckRule {
  id: CheckRuleId;
  group: CheckGroup;
  /** The standard and clause the rule comes from, as a reviewer would cite it. */
  clause: string;
  severity: CheckSeverity;
  /** Locale key of the rule's short name (locales/*.yml). */
  titleKey: string;
  /** The rule's short name in English. */
  title: string;
}

export interface Finding {
  /** Offsets in UTF-16 code units: text.slice(start, end) is the flagged text. */
  start: number;
  end: number;
  rule: CheckRuleId;
  severity: CheckSeverity;
  /** Plain English; the same text as the locale message `messageKey` with `params` filled in. */
  message: string;
  /** Locale key (locales/*.yml) of the message; `$1`, `$2`… take `params` in order. */
  messageKey: string;
  params: string[];
  /** Replacement for start..end, only where one is safe. */
  fix?: string;
}

/** The document kinds told from the title (党政机关公文处理工作条例 第八条). */
export type DocumentKind = 'request' | 'report' | 'notice' | 'letter' | 'opinion' | 'decision' | 'bulletin' | 'reply' | 'other';

export interface CheckOptions {
  /** Rules switched off. */
  disabled?: readonly CheckRuleId[];
  /** The user's own placeholder rules, passed on to the placeholder engine. */
  placeholderRules?: import('../placeholders').PlaceholderRule[];
  /** Overrides the kind told from the title. */
  kind?: DocumentKind;
}
