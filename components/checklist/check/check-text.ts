/**
 * The check's words in the panel's language: each rule's name, each finding's message, and
 * where a rule comes from. The engine gives keys and params; the texts are in locales/*.yml.
 */
import type { CheckGroup, CheckMessageKey, CheckRuleId, CheckRuleInfo, Finding } from '@/utils/report/check';
import { i18n } from '#i18n';

const RULE_NAMES: Record<CheckRuleId, string> = {
  'doc-number': i18n.t('checkRuleDocNumber'),
  'issue-date': i18n.t('checkRuleIssueDate'),
  addressee: i18n.t('checkRuleAddressee'),
  'attachment-note': i18n.t('checkRuleAttachmentNote'),
  'heading-numbering': i18n.t('checkRuleHeadingNumbering'),
  'halfwidth-punctuation': i18n.t('checkRuleHalfwidthPunctuation'),
  'unbalanced-pair': i18n.t('checkRuleUnbalancedPair'),
  ellipsis: i18n.t('checkRuleEllipsis'),
  'dunhao-between-titles': i18n.t('checkRuleDunhaoBetweenTitles'),
  'doubled-punctuation': i18n.t('checkRuleDoubledPunctuation'),
  'mixed-quotes': i18n.t('checkRuleMixedQuotes'),
  'range-unit': i18n.t('checkRuleRangeUnit'),
  'abbreviated-year': i18n.t('checkRuleAbbreviatedYear'),
  'fullwidth-digits': i18n.t('checkRuleFullwidthDigits'),
  'thousands-separator': i18n.t('checkRuleThousandsSeparator'),
  'masked-word': i18n.t('checkRuleMaskedWord'),
  advertising: i18n.t('checkRuleAdvertising'),
  'paywall-marker': i18n.t('checkRulePaywallMarker'),
  'template-guidance': i18n.t('checkRuleTemplateGuidance'),
  'removed-name': i18n.t('checkRuleRemovedName'),
  placeholder: i18n.t('checkRulePlaceholder'),
  'title-year': i18n.t('checkRuleTitleYear'),
  'unit-name': i18n.t('checkRuleUnitName'),
  'repeated-character': i18n.t('checkRuleRepeatedCharacter'),
  'request-ending': i18n.t('checkRuleRequestEnding'),
  'request-one-thing': i18n.t('checkRuleRequestOneThing'),
  'report-request': i18n.t('checkRuleReportRequest'),
  'notice-addressee': i18n.t('checkRuleNoticeAddressee'),
  'double-space': i18n.t('checkRuleDoubleSpace'),
  'unbalanced-bracket': i18n.t('checkRuleUnbalancedBracket'),
  tbd: i18n.t('checkRuleTbd'),
  'date-format': i18n.t('checkRuleDateFormat'),};

const MESSAGES: Record<CheckMessageKey, (params: readonly string[]) => string> = {
  checkDocNumberBracket: (p) => i18n.t('checkDocNumberBracket', [p[0], p[1]]),
  checkDocNumberShortYear: (p) => i18n.t('checkDocNumberShortYear', [p[0]]),
  checkDocNumberSerial: (p) => i18n.t('checkDocNumberSerial', [p[0], p[1]]),
  checkIssueDateForm: (p) => i18n.t('checkIssueDateForm', [p[0], p[1]]),
  checkIssueDatePadding: (p) => i18n.t('checkIssueDatePadding', [p[0], p[1]]),
  checkIssueDateChinese: (p) => i18n.t('checkIssueDateChinese', [p[0], p[1]]),
  checkAddresseeColon: () => i18n.t('checkAddresseeColon'),
  checkAttachmentColon: () => i18n.t('checkAttachmentColon'),
  checkAttachmentPunctuation: (p) => i18n.t('checkAttachmentPunctuation', [p[0]]),
  checkAttachmentNumbering: (p) => i18n.t('checkAttachmentNumbering', [p[0], p[1]]),
  checkAttachmentMismatch: (p) => i18n.t('checkAttachmentMismatch', [p[0], p[1], p[2]]),
  checkHeadingComma: (p) => i18n.t('checkHeadingComma', [p[0]]),
  checkHeadingHalfwidth: (p) => i18n.t('checkHeadingHalfwidth', [p[0], p[1]]),
  checkHeadingSeparator: (p) => i18n.t('checkHeadingSeparator', [p[0], p[1]]),
  checkHeadingSkipped: (p) => i18n.t('checkHeadingSkipped', [p[0], p[1]]),
  checkHeadingGap: (p) => i18n.t('checkHeadingGap', [p[0], p[1]]),
  checkHeadingRepeat: (p) => i18n.t('checkHeadingRepeat', [p[0], p[1]]),
  checkHeadingOrphan: (p) => i18n.t('checkHeadingOrphan', [p[0]]),
  checkHalfwidthPunctuation: (p) => i18n.t('checkHalfwidthPunctuation', [p[0], p[1]]),
  checkUnbalancedOpen: (p) => i18n.t('checkUnbalancedOpen', [p[0]]),
  checkUnbalancedClose: (p) => i18n.t('checkUnbalancedClose', [p[0]]),
  checkEllipsis: (p) => i18n.t('checkEllipsis', [p[0]]),
  checkDunhaoTitles: (p) => i18n.t('checkDunhaoTitles', [p[0]]),
  checkDoubledPunctuation: (p) => i18n.t('checkDoubledPunctuation', [p[0]]),
  checkMixedQuotes: (p) => i18n.t('checkMixedQuotes', [p[0]]),
  checkRangeUnit: (p) => i18n.t('checkRangeUnit', [p[0], p[1]]),
  checkAbbreviatedYear: (p) => i18n.t('checkAbbreviatedYear', [p[0]]),
  checkFullwidthDigits: (p) => i18n.t('checkFullwidthDigits', [p[0], p[1]]),
  checkThousandsFullwidth: (p) => i18n.t('checkThousandsFullwidth', [p[0]]),
  checkThousandsMixed: (p) => i18n.t('checkThousandsMixed', [p[0]]),
  checkMaskedWord: (p) => i18n.t('checkMaskedWord', [p[0], p[1]]),
  checkAdvertising: () => i18n.t('checkAdvertising'),
  checkPaywallMarker: (p) => i18n.t('checkPaywallMarker', [p[0]]),
  checkTemplateGuidance: (p) => i18n.t('checkTemplateGuidance', [p[0]]),
  checkRemovedName: (p) => i18n.t('checkRemovedName', [p[0]]),
  checkPlaceholder: (p) => i18n.t('checkPlaceholder', [p[0]]),
  checkTitleYear: (p) => i18n.t('checkTitleYear', [p[0], p[1]]),
  checkUnitName: (p) => i18n.t('checkUnitName', [p[0], p[1]]),
  checkRepeatedCharacter: (p) => i18n.t('checkRepeatedCharacter', [p[0]]),
  checkRequestEnding: () => i18n.t('checkRequestEnding'),
  checkRequestOneThing: (p) => i18n.t('checkRequestOneThing', [p[0]]),
  checkReportRequest: (p) => i18n.t('checkReportRequest', [p[0]]),
  checkNoticeAddressee: () => i18n.t('checkNoticeAddressee'),
  checkDoubleSpace: () => i18n.t('checkDoubleSpace'),
  checkUnbalancedBracket: (p) => i18n.t('checkUnbalancedBracket', [p[0]]),
  checkTbd: (p) => i18n.t('checkTbd', [p[0]]),
  checkDateFormat: (p) => i18n.t('checkDateFormat', [p[0], p[1]]),};

/** Where a rule that cites no standard comes from, by its group. */
const GROUP_SOURCES: Partial<Record<CheckGroup, string>> = {
  leftovers: i18n.t('checkSourceLeftovers'),
  consistency: i18n.t('checkSourceConsistency'),
  english: i18n.t('checkSourceEnglish'),
};

export const ruleName = (rule: CheckRuleInfo): string => RULE_NAMES[rule.id] ?? rule.title;

/** A standard's clause as cited (GB/T …, the regulations); else what kind of rule it is. */
export const ruleSource = (rule: CheckRuleInfo): string =>
  /^GB\/T|条例/.test(rule.clause) ? rule.clause : (GROUP_SOURCES[rule.group] ?? rule.clause);

export function findingMessage(finding: Finding): string {
  const words = MESSAGES[finding.messageKey as CheckMessageKey];
  return words ? words(finding.params) : finding.message;
}
