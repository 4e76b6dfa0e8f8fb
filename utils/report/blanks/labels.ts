/**
 * Labels of form lines: the words before a colon that name what the blank after them asks for
 * (`联系人：`, `Name:`), told apart from a sentence that ends in a colon (`通知如下：`). Pure.
 */
import { lineStartWithin } from '../lines';
import { at, isSpace, make, type Placeholder, type PlaceholderKind } from './core';

/** A label is short: a field's name, not a clause. */
const MAX_LABEL = 16;
/** What ends the words before a label: a sentence, a cell, a gap of spaces. */
const BEFORE_LABEL = /[。，；！？,;!?、\t]/;
/** A colon that introduces what follows rather than a field: `如下：`, `as follows:`. */
const INTRODUCES = /(?:如下|以下|下列|如次|是|为|有|包括|要求|指出|强调|表示|认为|说|问|答|follows|following|include|includes)$/i;

/** What a label is written with: words, numbers, and the brackets and marks of `法定代表人（签字）`, `证件种类、号码`. */
const LABEL_CHAR = /[\p{L}\p{N}（）()［］、/／· *]/u;

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
  let label = text
    .slice(i, colon)
    .replace(/\*\*/g, '')
    .replace(/^[\s\u3000]*[（(](?![^（(]*[）)])/, '')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  const spread = label.length === 1 ? spreadLabel(text, colon) : null;
  if (spread !== null) return spread;
  // `电 话：`: one space set between its characters is no part of the label.
  label = label.replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
  if (!/^[\p{L}\p{N}（）()［］、/／ ·]+$/u.test(label) || !/\p{L}/u.test(label)) return null;
  if (INTRODUCES.test(label)) return null;
  // A colon in running text (`时间：2023年`) after a clause is a sentence, not a form line.
  if (/[的了着]$/.test(label)) return null;
  return label;
}

/** Words a Chinese label ends with, by what it asks for; the first that matches decides. */
const LABEL_KINDS: readonly [PlaceholderKind, RegExp][] = [
  ['date', /日期$/],
  ['year', /(?:年份|年度)$/],
  ['phone', /(?:电话|手机|传真)(?:号码|号)?$/],
  ['time', /时间$/],
  // `案号`, `帐号`, `电报挂号`, `邮政编码`: numbers that identify. `字号` and `称号` are names.
  ['number', /(?:编号|号码|[帐账案文证册请利型挂]号|执照号|邮政编码|代码)$/],
  // `租金`, `加急费`, `总金额`: sums of money. `经费来源` names where it comes from; `缴费`, `免费` say how.
  ['amount', /(?:金额|价款|价格|单价|总价|(?<![免缴收付])费|租金|押金|定金|保证金|资金|罚金|罚款|工资|薪酬|总计|合计|人民币)$/],
  ['place', /地点$/],
  ['name', /(?:姓名|名字)$|[^人]人$|^人$|(?:原告|被告|第三人)$|(?:[甲乙丙丁供需买卖]|出租|承租|采购|委托|受托|发包|承包|转让|受让|许可|被许可)方$|(?:单位|公司|企业|机关|机构|法院|字号|人)(?:名称|全称)$|开户银行$/],
  ['count', /(?:数量|人数|天数|份数|页数|件数|次数|户数|个数)$/],
];

/**
 * A label spread over its cell, its characters set apart by spaces to fill the width (`电话：`
 * written with ideographic spaces between 电 and 话), starting the line or the cell: read as
 * its characters.
 */
function spreadLabel(text: string, colon: number): string | null {
  // Read no further back than the cell can hold: the line's start counts only when it is in reach.
  const lineStart = lineStartWithin(text, colon, 32);
  const from = lineStart === -1 ? colon - 32 : lineStart;
  const spread = (lineStart === -1 ? SPREAD_IN_CELL : SPREAD_AT_LINE_START).exec(text.slice(from, colon));
  return spread ? spread[1].replace(/[ \u3000]/g, '') : null;
}

const SPREAD = String.raw`[ \u3000]*(\p{Script=Han}(?:[ \u3000]{1,4}\p{Script=Han}){1,4})[ \u3000]*$`;
// In a cell, or after the gap that ends the field before it (`姓名：____  性别：` spread with ideographic spaces).
const SPREAD_IN_CELL = new RegExp(String.raw`(?:[│┃|\t_＿]|[ \u3000]{2})` + SPREAD, 'u');
const SPREAD_AT_LINE_START = new RegExp(String.raw`(?:^|[│┃|\t_＿]|[ \u3000]{2})` + SPREAD, 'u');

/**
 * A label written right before a line to write on, with no colon: `违约责任＿＿＿＿`,
 * `│决定时间＿＿＿＿＿│`, `，播出次数＿＿＿＿`. It starts a line, a cell or a clause; words that
 * end in a preposition (`居住在`) or follow another blank are a sentence, not a label.
 */
export function labelGluedBefore(text: string, start: number): string | null {
  let i = start;
  while (i > 0 && start - i < MAX_LABEL && /[\p{Script=Han}（）]/u.test(text.charAt(i - 1))) i--;
  const before = text.charAt(i - 1);
  if (i === start || (i > 0 && !/[\n\r│┃|\t，。；、：:]/.test(before))) return null;
  const label = text.slice(i, start).replace(/[为是]$/, '');
  if (label.length < 2 || label.length > 12 || SENTENCE_END.test(label) || SENTENCE_START.test(label)) return null;
  // After a comma the words may be a clause (`，共完成____`): they count only when they name what goes there.
  if (/[，。；：:]/.test(before) && kindOfLabel(label) === 'field') return null;
  return label;
}

/** Words a label does not end with: a preposition or a particle leaves a sentence open (`居住在`). */
const SENTENCE_END = /[于在向由给把对从和与及或的了将按以经]$/;
/** Words a label does not start with: they open a clause (`按照____要求`, `根据`, `特此证明`). */
const SENTENCE_START = /^(?:按照|依照|根据|截至|关于|对于|为了|通过|同意|经过|现就|现申请|特此|我|本|请|共|已|将|拟)/;

/**
 * What a label asks for, by the words it ends with: a date (`日期`, `Date`), a time, a phone, a
 * number that identifies (`编号`, `案号`), a sum (`租金`), a place (`签订地点`), a person or a
 * body (`姓名`, `申请人`, `甲方`, `单位名称`), how many (`人数`, `Number of shares`); anything
 * else, the names of things included (`项目名称`), a field of its own.
 */
export function kindOfLabel(label: string): PlaceholderKind {
  return remembered(labelKinds, label, readLabelKind);
}

/**
 * The kinds of the labels and names read lately: a form or a template repeats the same few
 * hundred, and each is read once, not at every blank. Cleared when full, so it stays small.
 */
function remembered(cache: Map<string, PlaceholderKind>, key: string, read: (key: string) => PlaceholderKind): PlaceholderKind {
  let kind = cache.get(key);
  if (kind === undefined) {
    if (cache.size >= 4096) cache.clear();
    kind = read(key);
    cache.set(key, kind);
  }
  return kind;
}
const labelKinds = new Map<string, PlaceholderKind>();
const nameKinds = new Map<string, PlaceholderKind>();

function readLabelKind(label: string): PlaceholderKind {
  // English labels are read as field names are: `Tel`, `Company`, `Deadline`, `Number of shares`.
  if (!/\p{Script=Han}/u.test(label)) {
    const kind = readNameKind(label);
    return kind === 'named' || kind === 'sign' ? 'field' : kind;
  }
  // `签订地点（省）`, `金额（大写）`: a note at the end says which part; the words before it say what.
  const words = (label.replace(/[（(][^（()）]*[）)]$/, '').trim() || label).replace(/(?:大写|小写)$/, '');
  // `联系人及电话`, `开户行及账号`, `是否免费`: two things, or a question, are a field of their own.
  if (/[及和与、]/.test(words) || words.startsWith('是否')) return 'field';
  for (const [kind, pattern] of LABEL_KINDS) if (pattern.test(words)) return kind;
  return 'field';
}

/** Signature and seal words: the blank after such a label is for a person to sign, not to type. */
export const SIGN_WORDS = /(?:签字|签名|签章|盖章|公章|印章|手印|签署|signature|signed|seal)(?:[）)])?$|[（(]章[）)]$|^(?:by|sign here)$/i;

export const isSignLabel = (label: string) => SIGN_WORDS.test(label);

/** What the blank after a label is for: a signature or a seal, else the kind the label asks for. */
export const kindAskedBy = (label: string): PlaceholderKind => (isSignLabel(label) ? 'sign' : kindOfLabel(label));

/** English words that say what a field holds, by kind. */
const FIELD_WORDS: Readonly<Record<string, PlaceholderKind>> = {
  date: 'date', dated: 'date', day: 'date', deadline: 'date',
  time: 'time', timestamp: 'time', hour: 'time',
  name: 'name', names: 'name', fullname: 'name', company: 'name', party: 'name', signatory: 'name', founder: 'name', author: 'name',
  owner: 'name', organization: 'name', organisation: 'name', person: 'name', officer: 'name', director: 'name', manager: 'name', contact: 'name',
  provider: 'name', purchaser: 'name', reviewer: 'name', decider: 'name', updater: 'name', facilitator: 'name', recorder: 'name', participant: 'name',
  chairperson: 'name', attendee: 'name', approver: 'name', assignee: 'name', assignor: 'name', sponsor: 'name',
  client: 'name', customer: 'name', vendor: 'name', supplier: 'name', buyer: 'name', seller: 'name', employee: 'name', recipient: 'name', receiver: 'name', deliverer: 'name', signer: 'name',
  amount: 'amount', price: 'amount', fee: 'amount', fees: 'amount', cost: 'amount', salary: 'amount', dollars: 'amount', payment: 'amount', rent: 'amount', deposit: 'amount',
  number: 'number', no: 'number', num: 'number',
  phone: 'phone', telephone: 'phone', tel: 'phone', fax: 'phone', mobile: 'phone',
  count: 'count', quantity: 'count', qty: 'count', days: 'count', shares: 'count',
  percent: 'percent', percentage: 'percent', pct: 'percent',
  location: 'place', venue: 'place', city: 'place', place: 'place',
  check: 'tickbox', checkbox: 'tickbox',
};

/** Things that have names: `agreement_name`, `buy.name`, `{{ project.name }}`. */
const THINGS = /^(?:agreement|contract|product|deal|project|buy|service|task|document|file|plan|program|programme|item|event|meeting|report|system|app|application|feature|brand|course|model)$/;

/** Words that end the head of a prompt: `[Full legal name of the founder]` is a name, `[Date the consent is effective]` a date. */
const PROMPT_BREAK = /^(?:of|for|the|a|an|to|by|in|on|at|from|per|or|and|with|that|which|who|representing|set|payable|paid|used|if|as|is|are)$/;

/**
 * What a named field holds, read from its name: Chinese by the words it ends with (`联系电话`,
 * `单位名称`); an identifier by its last word (`effective_date`, `buy.dollars`, `TIMESTAMP`,
 * `party_1_notice_email_check`); a prompt by the last word of its head (`Base salary or hourly
 * amount`, `Number of shares` a count). `named` when the name does not say.
 */
export function kindOfName(name: string): PlaceholderKind {
  return remembered(nameKinds, name, readNameKind);
}

function readNameKind(name: string): PlaceholderKind {
  if (isSignLabel(name.trim())) return 'sign';
  if (/\p{Script=Han}/u.test(name)) {
    const kind = kindOfLabel(name);
    return kind === 'field' ? 'named' : kind;
  }
  const words = name
    .replace(/\(s\)/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    // `party_1`, `owner2`: the number tells items apart; the word says what they are.
    .map((w) => w.replace(/\d+$/, ''))
    .filter(Boolean);
  // `party_a`, `party_b`: so does a letter at the end.
  while (words.length > 1 && words[words.length - 1].length === 1) words.pop();
  if (words.length === 0) return 'named';
  if (words[0] === 'number' && (words[1] === 'of' || words[1] === 'and')) return 'count';
  // The head ends at the first linking word after the first: `Per-share repurchase price set by …`, `date_of_birth`.
  const linking = words.findIndex((w, i) => i > 0 && PROMPT_BREAK.test(w));
  const head = linking === -1 ? words.length : linking;
  // `phone_number`, `Telephone No`: the number of a phone is a phone.
  if (head > 1 && FIELD_WORDS[words[head - 1]] === 'number' && FIELD_WORDS[words[head - 2]] === 'phone') return 'phone';
  const kind = FIELD_WORDS[words[head - 1]];
  // `agreement_name`, `buy.name`: the name of a thing is a field, not a person's name.
  if (kind === 'name' && words[head - 1] === 'name' && head > 1 && THINGS.test(words[head - 2])) return 'named';
  return kind ?? 'named';
}

/** A named field (`{{联系电话}}`, `[Effective Date]`), of the kind its name says; `words` when the name carries more (`负责人1`). */
export function makeNamed(text: string, start: number, end: number, rule: string, name: string, words = name): Placeholder {
  return make(text, start, end, kindOfName(words), rule, name);
}
