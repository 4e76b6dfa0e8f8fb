// The pre-submission check on real documents (`npm run bench:check`): defects of every rule
// injected into real issued documents at seeded random places, found or not; findings on the
// untouched originals; the time of a full check on 100,000 characters and of the update after
// one edit. Prints figures; fails only when it cannot run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_RULES, checkDocument, checkDocumentIncremental, startCheck, type CheckRuleId } from '../../utils/report/check';
import { prng } from '../seeded-random';

const ROOT = join(import.meta.dirname, '../fixtures');


interface Doc {
  name: string;
  text: string;
}

function corpus(kind: (labels: { kind: string }) => boolean, prefix: string): Doc[] {
  const dir = join(ROOT, 'corpus');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.labels.json'));
  } catch {
    return [];
  }
  return files
    .filter((f) => kind(JSON.parse(readFileSync(join(dir, f), 'utf8')) as { kind: string }))
    .map((f) => ({ name: f.replace('.labels.json', ''), text: readFileSync(join(dir, f.replace('.labels.json', '.txt')), 'utf8') }));
}

// Real issued documents with no blanks: the notice among the samples, and the corpus's issued ones.
const ISSUED: Doc[] = [
  { name: 'zh-notice-2019-tax-credit', text: readFileSync(join(ROOT, 'samples/zh-notice-2019-tax-credit.txt'), 'utf8') },
  ...corpus((l) => l.kind === 'issued', 'zh-'),
];
// English rules are injected into the corpus's English documents (templates: their blanks are not counted).
const ENGLISH: Doc[] = corpus((l) => l.kind.startsWith('english') || l.kind === 'template', 'en-');

type Random = () => number;
/** A mutated copy and where the defect is: a finding of the rule overlapping [start, end) counts as found. */
type Injection = { text: string; start: number; end: number } | null;
type Injector = (text: string, random: Random) => Injection;

const pick = <T>(list: readonly T[], random: Random): T | undefined => (list.length ? list[Math.floor(random() * list.length)] : undefined);

/** Offsets between two Chinese characters in a body line (not the first lines: title, number, addressee). */
function hanGaps(text: string, filter: (line: string) => boolean = () => true): number[] {
  const out: number[] = [];
  const lines = text.split('\n');
  let at = 0;
  lines.forEach((line, i) => {
    if (i > 6 && line.length > 20 && !/^\s*附件/.test(line) && filter(line)) {
      for (let k = 1; k < line.length; k++) {
        if (/[\u4e00-\u9fff]/.test(line[k - 1]) && /[\u4e00-\u9fff]/.test(line[k]) && !inside(line, k)) out.push(at + k);
      }
    }
    at += line.length + 1;
  });
  return out;
}

/** Whether offset k of a line is inside a pair of quotes, brackets or 书名号. */
function inside(line: string, k: number): boolean {
  const before = line.slice(0, k);
  const depth = (open: string, close: string) => before.split(open).length - before.split(close).length;
  return depth('“', '”') > 0 || depth('《', '》') > 0 || depth('（', '）') > 0 || depth('(', ')') > 0 || depth('【', '】') > 0;
}

/** Inserts `piece` between two Chinese characters; the defect is `piece.slice(from, to)`. */
const insertAt =
  (piece: string, from = 0, to = piece.length, filter?: (line: string) => boolean): Injector =>
  (text, random) => {
    const at = pick(hanGaps(text, filter), random);
    if (at === undefined) return null;
    return { text: text.slice(0, at) + piece + text.slice(at), start: at + from, end: at + to };
  };

/** Replaces one match of `re` (chosen at random) with `replace(match)`; the defect spans the replacement. */
const replaceOne =
  (re: RegExp, replace: (m: RegExpExecArray) => string, span?: (m: RegExpExecArray, replacement: string) => [number, number]): Injector =>
  (text, random) => {
    const found = [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].filter((m) => {
      const lineStart = text.lastIndexOf('\n', m.index) + 1;
      return !inside(text.slice(lineStart, m.index), m.index - lineStart);
    });
    const m = pick(found, random) as RegExpExecArray | undefined;
    if (!m) return null;
    const replacement = replace(m);
    const [from, to] = span ? span(m, replacement) : [0, replacement.length];
    return { text: text.slice(0, m.index) + replacement + text.slice(m.index + m[0].length), start: m.index + from, end: m.index + to };
  };

/** The title line (first line naming a kind) with its kind word replaced. */
function retitle(text: string, kind: string): { text: string; start: number; end: number } | null {
  const m = /^(.{0,60}?)(通知|报告|请示|决定|意见|条例|规定|办法|函)[ \t\u3000]*$/m.exec(text.split('\n').slice(0, 8).join('\n'));
  if (!m) return null;
  const start = m.index;
  const title = `${m[1]}${kind}`;
  return { text: text.slice(0, start) + title + text.slice(start + m[0].length), start, end: start + title.length };
}

/** Adds a closing paragraph before the signature (the last two lines). */
function beforeSignature(text: string, paragraph: string): { text: string; at: number } {
  const lines = text.replace(/\s+$/, '').split('\n');
  const keep = Math.max(1, lines.length - 2);
  const head = lines.slice(0, keep).join('\n');
  return { text: `${head}\n${paragraph}\n${lines.slice(keep).join('\n')}`, at: head.length + 1 };
}

const INJECTORS: Partial<Record<CheckRuleId, Injector>> = {
  'doc-number': insertAt('根据国办发[2023]12号', 5),
  'issue-date': insertAt('于2023-6-1', 1),
  addressee: (text, random) => {
    void random;
    const m = /^(.{4,100})：[ \t\u3000\r]*$/m.exec(text.split('\n').slice(0, 10).join('\n'));
    if (!m || /[。]/.test(m[1])) return null;
    const at = m.index + m[1].length;
    return { text: `${text.slice(0, at)}:${text.slice(at + 1)}`, start: at, end: at + 1 };
  },
  'attachment-note': (text) => {
    const { text: out, at } = beforeSignature(text, '附件:1.实施细则');
    return { text: out, start: at + 2, end: at + 3 };
  },
  'heading-numbering': replaceOne(/^[ \t\u3000]*（[一二三四五六七八九十]{1,3}）/m, (m) => `${m[0]}、`, (m) => [m[0].length, m[0].length + 1]),
  'halfwidth-punctuation': replaceOne(/(?<=[\u4e00-\u9fff])，(?=[\u4e00-\u9fff])/, () => ','),
  'unbalanced-pair': insertAt('（', 0, 1, (line) => !/[（）“”《》]/.test(line)),
  ellipsis: insertAt('...'),
  'dunhao-between-titles': insertAt('《条例》、《规定》', 4, 5),
  'doubled-punctuation': replaceOne(/(?<=[\u4e00-\u9fff])，(?=[\u4e00-\u9fff])/, () => '，，'),
  'mixed-quotes': (text, random) => (text.includes('“') ? insertAt('「重点」', 0, 1)(text, random) : null),
  'range-unit': insertAt('增长15～30%', 2),
  'abbreviated-year': insertAt('于98年6月', 1, 4),
  'fullwidth-digits': insertAt('２０２３年', 0, 4),
  'thousands-separator': insertAt('投资12，500万元', 2, 8),
  'masked-word': replaceOne(/(?<=[\u4e00-\u9fff])[党](?=[\u4e00-\u9fff])/, () => 'D'),
  advertising: (text, random) => {
    const lines = text.split('\n');
    const i = 8 + Math.floor(random() * Math.max(1, lines.length - 10));
    const at = lines.slice(0, i).join('\n').length + 1;
    const ad = '【哒哒素材库】每天更新材料1000多篇，一键极速下载';
    return { text: `${text.slice(0, at)}${ad}\n${text.slice(at)}`, start: at, end: at + ad.length };
  },
  'paywall-marker': insertAt('##paidbegin##'),
  'template-guidance': insertAt('（根据实际情况填写）'),
  'removed-name': insertAt('强化对D、对的忠诚教育', 2, 8),
  placeholder: insertAt('召开会议xx次', 4, 6),
  'title-year': (text) => {
    const years = [...text.matchAll(/(?<![\d〔[(（])((?:19|20)\d{2})年/g)].map((m) => Number(m[1]));
    if (years.length < 3) return null;
    const lines = text.split('\n');
    // The title: the first line near the top that names what the document is.
    const t = lines.findIndex((line, i) => i < 12 && /(?:通知|报告|请示|决定|意见|条例|规定|办法|函)[ \t\u3000\r]*$/.test(line) && !/\d{4}/.test(line));
    if (t < 0) return null;
    const at = lines.slice(0, t).join('\n').length + (t ? 1 : 0) + (lines[t].length - lines[t].trimStart().length) + (lines[t].trimStart().startsWith('# ') ? 2 : 0);
    const year = `${Math.max(...years) + 1}年`;
    return { text: text.slice(0, at) + year + text.slice(at), start: at, end: at + year.length };
  },
  'unit-name': (text, random) => {
    const gaps = hanGaps(text);
    if (gaps.length < 3) return null;
    const [a, b, c] = [pick(gaps, random)!, pick(gaps, random)!, pick(gaps, random)!].sort((x, y) => x - y);
    const full = '，市发展和改革委员会，';
    const plain = '，市发展改革委员会，';
    // Twice with 和, once without, at three places in document order.
    const pieces = [full, full, plain];
    const order = Math.floor(random() * 3);
    [pieces[order], pieces[2]] = [pieces[2], pieces[order]];
    const out = text.slice(0, a) + pieces[0] + text.slice(a, b) + pieces[1] + text.slice(b, c) + pieces[2] + text.slice(c);
    const plainAt = [a, b + pieces[0].length, c + pieces[0].length + pieces[1].length][order] + 1;
    return { text: out, start: plainAt, end: plainAt + plain.length - 2 };
  },
  'repeated-character': replaceOne(/(?<=[\u4e00-\u9fff])(?<![目标有打])的(?=[\u4e00-\u9fff])(?![确的])/, () => '的的'),
  'request-ending': (text) => retitle(text, '请示'),
  'request-one-thing': (text, random) => {
    const titled = retitle(text, '请示');
    if (!titled) return null;
    let out = beforeSignature(titled.text, '妥否，请批示。').text;
    // Two more requests, each a paragraph of its own in the body.
    for (const sentence of ['拟增加编制两名，请予批准。', '另拟新建机房一间，请予审批。']) {
      const breaks = [...out.slice(0, out.lastIndexOf('妥否')).matchAll(/\n/g)].map((m) => m.index).filter((i) => i > out.indexOf('\n', titled.end));
      const at = pick(breaks, random);
      if (at === undefined) return null;
      out = `${out.slice(0, at)}\n${sentence}${out.slice(at)}`;
    }
    return { text: out, start: titled.start, end: titled.end };
  },
  'report-request': (text, random) => {
    const titled = retitle(text, '报告');
    if (!titled) return null;
    const injected = insertAt('妥否，请批示。', 3, 6)(titled.text, random);
    return injected;
  },
  'notice-addressee': (text) => {
    const titled = retitle(text, '通知');
    if (!titled) return null;
    // Without an addressee line.
    const stripped = titled.text.replace(/^(.{4,100})：[ \t\u3000\r]*\n/m, (line, name: string) => (/[。]/.test(name) ? line : ''));
    return { text: stripped, start: titled.start, end: titled.end };
  },
};

const ENGLISH_INJECTORS: Partial<Record<CheckRuleId, Injector>> = {
  'double-space': replaceOne(/(?<=[a-z]{3}) (?=[a-z]{3})/, () => '  '),
  'unbalanced-bracket': replaceOne(/^(?![^\n]*[()[\]])([^\n]*?[a-z]{3}) (?=[a-z]{3})/m, (m) => `${m[1]} (`, (m) => [m[1].length + 1, m[1].length + 2]),
  tbd: replaceOne(/(?<=[a-z]{3}) (?=[a-z]{3})/, () => ' TBD ', () => [1, 4]),
  'date-format': (text, random) => {
    // Into a document without dates of its own: three ISO dates, then one written otherwise.
    if (/\b(?:19|20)\d{2}\b/.test(text)) return null;
    const insert = (t: string, piece: string) => {
      const spaces = [...t.matchAll(/(?<=[a-z]{3}) (?=[a-z]{3})/g)].map((m) => m.index);
      const at = pick(spaces, random)!;
      return { text: `${t.slice(0, at)} ${piece}${t.slice(at)}`, at: at + 1 };
    };
    let out = insert(text, 'on 2023-06-01').text;
    out = insert(out, 'on 2023-07-01').text;
    out = insert(out, 'on 2023-08-01').text;
    const last = insert(out, 'on June 30, 2023');
    return { text: last.text, start: last.at + 3, end: last.at + 3 + 'June 30, 2023'.length };
  },
};

const PER_RULE = 40;

function mutation(): void {
  console.log(`\nCheck: injected defects found (${PER_RULE} per rule, seeded), on ${ISSUED.length} issued Chinese documents and ${ENGLISH.length} English ones`);
  const rows: string[] = [];
  let below = 0;
  for (const rule of CHECK_RULES) {
    const english = rule.group === 'english';
    const inject = english ? ENGLISH_INJECTORS[rule.id] : INJECTORS[rule.id];
    const docs = english ? ENGLISH : ISSUED;
    if (!inject || !docs.length) {
      rows.push(`  ${rule.id.padEnd(24)} no injector`);
      continue;
    }
    const random = prng(rule.id.length * 1009 + rule.id.charCodeAt(0));
    let injected = 0;
    let found = 0;
    const missed: string[] = [];
    for (let attempt = 0; injected < PER_RULE && attempt < PER_RULE * 10; attempt++) {
      const doc = docs[attempt % docs.length];
      const mutated = inject(doc.text, random);
      if (!mutated) continue;
      injected++;
      const hit = checkDocument(mutated.text).some((f) => f.rule === rule.id && f.start < mutated.end && f.end > mutated.start);
      if (hit) found++;
      else if (missed.length < 2) missed.push(`${doc.name} ${JSON.stringify(mutated.text.slice(Math.max(0, mutated.start - 12), mutated.end + 12))}`);
    }
    const rate = injected ? (100 * found) / injected : 0;
    if (rate < 95) below++;
    rows.push(`  ${rule.id.padEnd(24)} ${String(found).padStart(3)}/${String(injected).padEnd(3)} ${rate.toFixed(0).padStart(4)}%${missed.length ? `   missed e.g. ${missed.join(' ; ')}` : ''}`);
  }
  console.log(rows.join('\n'));
  console.log(`  rules below 95%: ${below}`);
}

/** Findings on the untouched documents read by hand and found true (tests/fixtures/corpus/check-verified.json). */
const VERIFIED: { doc: string; rule: string; around: string }[] = JSON.parse(readFileSync(join(ROOT, 'corpus/check-verified.json'), 'utf8')).findings;
/** The text either side of a finding that the verified list records with it. */
const AROUND = 8;

function falseAlarms(): void {
  let chars = 0;
  const byRule = new Map<string, number>();
  const byMessage = new Map<string, number>();
  let verified = 0;
  const unverified: string[] = [];
  for (const doc of ISSUED) {
    chars += doc.text.length;
    for (const f of checkDocument(doc.text)) {
      byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
      byMessage.set(f.messageKey, (byMessage.get(f.messageKey) ?? 0) + 1);
      if (f.messageKey === 'checkHeadingHalfwidth' || f.messageKey === 'checkHalfwidthPunctuation') continue;
      const around = doc.text.slice(Math.max(0, f.start - AROUND), f.end + AROUND);
      if (VERIFIED.some((v) => v.doc === doc.name && v.rule === f.rule && v.around === around)) verified++;
      else unverified.push(`${doc.name} ${f.rule} ${JSON.stringify(around)}`);
    }
  }
  const total = [...byRule.values()].reduce((a, b) => a + b, 0);
  // The corpus's copies of laws and rules write brackets half-width (`(一)`, `(以下简称…)`), as
  // the database they come from does: true findings under GB/T 15834 5.1, counted apart.
  const halfWidthBrackets = (byMessage.get('checkHeadingHalfwidth') ?? 0) + (byMessage.get('checkHalfwidthPunctuation') ?? 0);
  console.log(`\nCheck: findings on ${ISSUED.length} untouched issued documents (${chars} characters)`);
  console.log(`  all findings               ${total}  (${((10000 * total) / chars).toFixed(2)} per 10,000 characters)`);
  console.log(`  without half-width marks   ${total - halfWidthBrackets}  (${((10000 * (total - halfWidthBrackets)) / chars).toFixed(2)} per 10,000 characters)`);
  console.log(`  by message: ${[...byMessage].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`  of those, true by hand      ${verified}  (read one by one: corpus/check-verified.json says why each departs from its clause)`);
  const rate = (10000 * unverified.length) / chars;
  console.log(`  false alarms               ${unverified.length}  (${rate.toFixed(2)} per 10,000 characters; goal ≤ 1)${unverified.length ? `: ${unverified.slice(0, 8).join(' ; ')}` : ''}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timing(): void {
  // 100,000 characters of real text: the issued documents one after another, as often as needed.
  let text = '';
  for (let i = 0; text.length < 100_000; i++) text += `${ISSUED[i % ISSUED.length].text}\n`;
  text = text.slice(0, 100_000);
  for (let i = 0; i < 3; i++) checkDocument(text);
  const full: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    checkDocument(text);
    full.push(performance.now() - t0);
  }
  const random = prng(42);
  let state = startCheck(text);
  const incremental: number[] = [];
  for (let i = 0; i < 200; i++) {
    // One keystroke in the body: a character typed between two others.
    const at = Math.floor(random() * state.text.length);
    const t0 = performance.now();
    state = checkDocumentIncremental(state, { start: at, removed: 0, inserted: '工' });
    incremental.push(performance.now() - t0);
  }
  console.log(`\nCheck: time on ${text.length} characters (median; goals ≤ 20 ms and ≤ 2 ms)`);
  console.log(`  full check               ${median(full).toFixed(2)} ms`);
  console.log(`  update after one edit    ${median(incremental).toFixed(2)} ms  (90th percentile ${[...incremental].sort((a, b) => a - b)[Math.floor(incremental.length * 0.9)].toFixed(2)} ms)`);
}

mutation();
falseAlarms();
timing();
