/**
 * Labels of form lines: the words before a colon that name what the blank after them asks for
 * (`联系人：`, `Name:`), told apart from a sentence that ends in a colon (`通知如下：`). Pure.
 */
import { at, isSpace } from './core';

/** A label is short: a field's name, not a clause. */
const MAX_LABEL = 16;
/** What ends the words before a label: a sentence, a cell, a gap of spaces. */
const BEFORE_LABEL = /[。，；！？,;!?、\t]/;
/** A colon that introduces what follows rather than a field: `如下：`, `as follows:`. */
const INTRODUCES = /(?:如下|以下|下列|如次|是|为|有|包括|要求|指出|强调|表示|认为|说|问|答|follows|following|include|includes)$/i;

/** What a label is written with: words, numbers, and the brackets and marks of `法定代表人（签字）`, `证件种类、号码`. */
const LABEL_CHAR = /[\p{L}\p{N}（）()、/· *]/u;

export const isColon = (c: string) => c === '：' || c === ':';

/**
 * The label that ends with the colon at `colon`, trimmed, or null when the words before it are
 * not a label. A label starts the line, or follows a gap of two spaces, a tab or punctuation.
 */
export function labelBeforeColon(text: string, colon: number): string | null {
  if (!isColon(text.charAt(colon))) return null;
  let i = colon;
  while (i > 0) {
    const c = text.charAt(i - 1);
    if (c === '\n' || c === '\r' || BEFORE_LABEL.test(c) || !LABEL_CHAR.test(c)) break;
    // Two spaces end the label before it: `姓名：      电话：`.
    if (isSpace(at(text, i - 1)) && isSpace(at(text, i - 2))) break;
    if (colon - i >= MAX_LABEL) return null;
    i--;
  }
  // `- **负责人**:`: the marks of markdown's bold are not part of the label.
  // `（联系人：    ）`: the bracket opened before the label holds it and its field, it is no part of it.
  const label = text
    .slice(i, colon)
    .replace(/\*\*/g, '')
    .replace(/^[\s\u3000]*[（(](?![^（(]*[）)])/, '')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (!/^[\p{L}\p{N}（）()、/ ·]+$/u.test(label) || !/\p{L}/u.test(label)) return null;
  if (INTRODUCES.test(label)) return null;
  // A colon in running text (`时间：2023年`) after a clause is a sentence, not a form line.
  if (/[的了着]$/.test(label)) return null;
  return label;
}

/**
 * What a label asks for: a date (`日期`, `Date`); a person or a body (`姓名`, `申请人`, `甲方`,
 * `单位名称`, `Name`); how many (`人数`, `份数`); anything else, the names of things included
 * (`项目名称`), a field of its own.
 */
export function kindOfLabel(label: string): 'date' | 'name' | 'count' | 'field' {
  if (/(?:^|\s)date$|日期$/i.test(label)) return 'date';
  if (/(?:^|\s)name$|^(?:姓名|名字)$|[^人]人$|^人$|[甲乙丙丁]方$|(?:单位|公司|企业|机关|机构|法院)(?:名称|全称)$/i.test(label)) return 'name';
  if (/(?:数量|人数|天数|份数|页数|件数|次数|户数|个数)$/.test(label)) return 'count';
  return 'field';
}

/** Signature and seal words: the blank after such a label is for a person to sign, not to type. */
export const SIGN_WORDS = /(?:签字|签名|签章|盖章|公章|印章|手印|签署|signature|signed|seal)(?:[）)])?$|[（(]章[）)]$/i;

export const isSignLabel = (label: string) => SIGN_WORDS.test(label);
