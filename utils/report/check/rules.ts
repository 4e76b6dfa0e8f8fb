/** The rules of the check: their group, the clause each comes from, and a default severity. */
import type { CheckRule } from './types';

const GB9704 = 'GB/T 9704-2012';
const GB15834 = 'GB/T 15834-2011';
const GB15835 = 'GB/T 15835-2011';
const REGULATIONS = '党政机关公文处理工作条例';

export const CHECK_RULES: readonly CheckRule[] = [
  { id: 'doc-number', group: 'format', clause: `${GB9704} 7.2.4 发文字号`, severity: 'error', titleKey: 'checkRuleDocNumber', title: 'Document number' },
  { id: 'issue-date', group: 'format', clause: `${GB9704} 7.3.5.3 成文日期`, severity: 'warning', titleKey: 'checkRuleIssueDate', title: 'Dates' },
  { id: 'addressee', group: 'format', clause: `${GB9704} 7.3.2 主送机关`, severity: 'warning', titleKey: 'checkRuleAddressee', title: 'Addressee line' },
  { id: 'attachment-note', group: 'format', clause: `${GB9704} 7.3.4 附件说明`, severity: 'warning', titleKey: 'checkRuleAttachmentNote', title: 'Attachment note' },
  { id: 'heading-numbering', group: 'format', clause: `${GB9704} 7.3.3 正文 (结构层次序数)`, severity: 'warning', titleKey: 'checkRuleHeadingNumbering', title: 'Heading numbering' },
  { id: 'halfwidth-punctuation', group: 'punctuation', clause: `${GB15834} 5.1 (标点符号的位置和书写形式)`, severity: 'warning', titleKey: 'checkRuleHalfwidthPunctuation', title: 'Half-width punctuation' },
  { id: 'unbalanced-pair', group: 'punctuation', clause: `${GB15834} 4.8 引号, 4.9 括号, 4.15 书名号`, severity: 'warning', titleKey: 'checkRuleUnbalancedPair', title: 'Unbalanced quotes and brackets' },
  { id: 'ellipsis', group: 'punctuation', clause: `${GB15834} 4.11 省略号`, severity: 'warning', titleKey: 'checkRuleEllipsis', title: 'Ellipsis' },
  { id: 'dunhao-between-titles', group: 'punctuation', clause: `${GB15834} 4.5.3.5 顿号`, severity: 'warning', titleKey: 'checkRuleDunhaoBetweenTitles', title: '顿号 between titles' },
  { id: 'doubled-punctuation', group: 'punctuation', clause: `${GB15834} 4 (点号的用法)`, severity: 'warning', titleKey: 'checkRuleDoubledPunctuation', title: 'Doubled punctuation' },
  { id: 'mixed-quotes', group: 'punctuation', clause: `${GB15834} 4.8.2 引号的形式`, severity: 'info', titleKey: 'checkRuleMixedQuotes', title: 'Mixed quotation marks' },
  { id: 'range-unit', group: 'numbers', clause: `${GB15835} 4.1.3 数值范围`, severity: 'warning', titleKey: 'checkRuleRangeUnit', title: 'Ranges' },
  { id: 'abbreviated-year', group: 'numbers', clause: `${GB15835} 4.1.4 年月日, 4.2.2 年份`, severity: 'warning', titleKey: 'checkRuleAbbreviatedYear', title: 'Abbreviated years' },
  { id: 'fullwidth-digits', group: 'numbers', clause: `${GB15835} 4.1.7 书写格式 (二分字身)`, severity: 'warning', titleKey: 'checkRuleFullwidthDigits', title: 'Full-width digits' },
  { id: 'thousands-separator', group: 'numbers', clause: `${GB15835} 4.1.1 多位数`, severity: 'info', titleKey: 'checkRuleThousandsSeparator', title: 'Digit grouping' },
  { id: 'masked-word', group: 'leftovers', clause: 'Sample material (import cleanup rules)', severity: 'error', titleKey: 'checkRuleMaskedWord', title: 'Masked words' },
  { id: 'advertising', group: 'leftovers', clause: 'Sample material (import cleanup rules)', severity: 'error', titleKey: 'checkRuleAdvertising', title: 'Advertising lines' },
  { id: 'paywall-marker', group: 'leftovers', clause: 'Sample material (import cleanup rules)', severity: 'error', titleKey: 'checkRulePaywallMarker', title: 'Paywall markers' },
  { id: 'template-guidance', group: 'leftovers', clause: 'Sample material (template guidance notes)', severity: 'error', titleKey: 'checkRuleTemplateGuidance', title: 'Guidance notes' },
  { id: 'removed-name', group: 'leftovers', clause: 'Sample material (import cleanup warnings)', severity: 'warning', titleKey: 'checkRuleRemovedName', title: 'Removed names' },
  { id: 'placeholder', group: 'leftovers', clause: 'Placeholder checklist', severity: 'error', titleKey: 'checkRulePlaceholder', title: 'Placeholders' },
  { id: 'title-year', group: 'consistency', clause: 'Consistency: the title’s year and the body’s', severity: 'warning', titleKey: 'checkRuleTitleYear', title: 'Year of the title' },
  { id: 'unit-name', group: 'consistency', clause: 'Consistency: one name, one spelling', severity: 'info', titleKey: 'checkRuleUnitName', title: 'Names spelled two ways' },
  { id: 'repeated-character', group: 'consistency', clause: 'Typing: a word that cannot double', severity: 'warning', titleKey: 'checkRuleRepeatedCharacter', title: 'Repeated characters' },
  { id: 'request-ending', group: 'kind', clause: `${REGULATIONS} 第八条 (请示)`, severity: 'warning', titleKey: 'checkRuleRequestEnding', title: '请示: its request' },
  { id: 'request-one-thing', group: 'kind', clause: `${REGULATIONS} 第十五条 (一文一事)`, severity: 'info', titleKey: 'checkRuleRequestOneThing', title: '请示: one matter' },
  { id: 'report-request', group: 'kind', clause: `${REGULATIONS} 第十五条 (报告不夹带请示事项)`, severity: 'warning', titleKey: 'checkRuleReportRequest', title: '报告: no request' },
  { id: 'notice-addressee', group: 'kind', clause: `${GB9704} 7.3.2 主送机关`, severity: 'warning', titleKey: 'checkRuleNoticeAddressee', title: '通知: addressee' },
  { id: 'double-space', group: 'english', clause: 'English: one space between words', severity: 'info', titleKey: 'checkRuleDoubleSpace', title: 'Double spaces' },
  { id: 'unbalanced-bracket', group: 'english', clause: 'English: brackets in pairs', severity: 'warning', titleKey: 'checkRuleUnbalancedBracket', title: 'Unbalanced brackets' },
  { id: 'tbd', group: 'english', clause: 'English: nothing left to be done', severity: 'error', titleKey: 'checkRuleTbd', title: 'TBD left' },
  { id: 'date-format', group: 'english', clause: 'English: one date format', severity: 'info', titleKey: 'checkRuleDateFormat', title: 'Date formats' },
];

export const RULE_BY_ID: ReadonlyMap<string, CheckRule> = new Map(CHECK_RULES.map((rule) => [rule.id, rule]));
