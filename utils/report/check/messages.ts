/**
 * The check's messages in English, by locale key. locales/en.yml holds the same texts (a test
 * keeps them equal) and locales/zh.yml their Chinese; `$1`, `$2`… are a finding's params.
 */
export const CHECK_MESSAGES = {
  checkDocNumberBracket: 'Write the year of a document number in 〔〕: $1 → $2',
  checkDocNumberShortYear: 'Write the year of a document number in full: $1',
  checkDocNumberSerial: 'A document number has no 第 and no leading zero: $1 → $2',
  checkIssueDateForm: 'Write a date with 年, 月 and 日: $1 → $2',
  checkIssueDatePadding: 'A month or day takes no leading zero: $1 → $2',
  checkIssueDateChinese: 'The date of an official document is written in Arabic numerals: $1 → $2',
  checkAddresseeColon: 'The addressee line ends in a full-width colon (：).',
  checkAttachmentColon: 'Write 附件 with a full-width colon (：).',
  checkAttachmentPunctuation: 'No punctuation after an attachment’s name: $1',
  checkAttachmentNumbering: 'Number attachments 1. 2. …: $1 → $2',
  checkAttachmentMismatch: 'The attachment note says $1, but attachment $2 is titled $3.',
  checkHeadingComma: 'No 、 after $1.',
  checkHeadingHalfwidth: 'Write $1 with full-width brackets: $2',
  checkHeadingSeparator: 'Number a heading of this level $1, not $2.',
  checkHeadingSkipped: '$1 comes directly under $2: a level is skipped (一、 › （一） › 1. › （1）).',
  checkHeadingGap: 'Expected $1 but found $2.',
  checkHeadingRepeat: '$1 repeats an earlier number; expected $2.',
  checkHeadingOrphan: '$1 has no heading above it.',
  checkHalfwidthPunctuation: 'Half-width $1 in Chinese text: use $2.',
  checkUnbalancedOpen: '$1 is never closed.',
  checkUnbalancedClose: '$1 closes nothing.',
  checkEllipsis: 'Write an ellipsis as ……, not $1.',
  checkDunhaoTitles: 'No 、 between consecutive titles or quotations: $1',
  checkDoubledPunctuation: 'Doubled punctuation: $1',
  checkMixedQuotes: '$1 quotation marks in a document that uses “”.',
  checkRangeUnit: 'Keep the unit on both ends of a range: $1 → $2',
  checkAbbreviatedYear: 'Write the year in full: $1',
  checkFullwidthDigits: 'Full-width digits: $1 → $2',
  checkThousandsFullwidth: 'A full-width comma inside a number reads as two numbers: $1',
  checkThousandsMixed: 'This number is grouped with commas; the document writes others without: $1',
  checkMaskedWord: 'A masked word from sample material: $1 → $2',
  checkAdvertising: 'An advertising line from sample material.',
  checkPaywallMarker: 'A paywall marker from sample material: $1',
  checkTemplateGuidance: 'A template’s guidance note is still in the text: $1',
  checkRemovedName: 'A name seems to be missing here: $1',
  checkPlaceholder: 'A placeholder is not filled: $1',
  checkTitleYear: 'The title says $1, but the body only mentions $2: copied from an older document?',
  checkUnitName: '$1 is also written $2 in this document.',
  checkRepeatedCharacter: 'A character typed twice: $1',
  checkRequestEnding: 'A 请示 ends with its request (for example 妥否，请批示。).',
  checkRequestOneThing: 'A 请示 asks for one thing; this one asks $1 times.',
  checkReportRequest: 'A 报告 asks for no approval: $1',
  checkNoticeAddressee: 'A 通知 names who it is addressed to (a line ending in ：) under its title.',
  checkDoubleSpace: 'Two or more spaces between words.',
  checkUnbalancedBracket: '$1 has no match on this line.',
  checkTbd: 'Left to be done: $1',
  checkDateFormat: 'A date written as $1 in a document that writes dates as $2.',
} as const;

export type CheckMessageKey = keyof typeof CHECK_MESSAGES;

/** Messages already written: a document's findings are built again after every edit. */
const written = new Map<string, string>();
const WRITTEN_KEPT = 5000;

/** The English text of a message with its params filled in. */
export function englishMessage(key: CheckMessageKey, params: readonly string[]): string {
  const id = params.length ? `${key}\u0000${params.join('\u0000')}` : key;
  let message = written.get(id);
  if (message === undefined) {
    message = CHECK_MESSAGES[key].replace(/\$(\d)/g, (whole, n: string) => params[Number(n) - 1] ?? whole);
    if (written.size >= WRITTEN_KEPT) written.clear();
    written.set(id, message);
  }
  return message;
}
