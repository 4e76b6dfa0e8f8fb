/**
 * Turning downloaded sample material into a clean template.
 *
 * Cleanup is a list of rules the user can see and edit (regular expressions are data here).
 * Rules run in order, each on the text the previous ones left, but every change is reported
 * against the ORIGINAL text: changes are sorted, never overlap, and applying them to the
 * original gives the cleaned text. A change is trimmed to the part that really differs
 * (`\r\n` → `\n` reports the `\r` alone), and when a later rule rewrites text an earlier rule
 * produced, the two become one change reported under the later rule.
 */

import { checkUserPattern } from './regex-safety';
import { lineStartOf } from './lines';

export interface CleanupRule {
  id: string;
  name: string;
  /** remove-line drops every line holding a match, with its line break. */
  kind: 'remove-line' | 'remove' | 'replace';
  pattern: string;
  /** RegExp flags; `g` is implied and `y` is ignored. */
  flags?: string;
  /** For replace: `$1`, `$<name>`, `$&` and `$$` work as in String.prototype.replace. */
  replacement?: string;
  enabled: boolean;
  builtIn?: boolean;
}

export interface CleanupChange {
  ruleId: string;
  ruleName: string;
  /** Offsets into the original text: original.slice(start, end) === before. */
  start: number;
  end: number;
  before: string;
  after: string;
}

export interface CleanupWarning {
  /** Offsets into the original text. */
  start: number;
  end: number;
  /** The same place in the cleaned text. */
  textStart: number;
  textEnd: number;
  message: string;
}

export interface CleanupResult {
  text: string;
  changes: CleanupChange[];
  /** Enabled rules that were not applied because they failed validation. */
  skipped: { ruleId: string; message: string }[];
  warnings: CleanupWarning[];
}

export type RuleCheck = { ok: true } | { ok: false; message: string };

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
const ALNUM = 'A-Za-z0-9\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a';
// A D standing for 党 touches a Chinese character on one side and no Latin letter or digit on
// either (GDP, 3D, Dr. stay). Runs of D count as one word (中国共产DD员 → 中国共产党党员), and a
// placeholder may follow (光荣在Dxx年).
const MASKED_PARTY =
  `(?<=[${HAN}]D*)D(?=D*(?:[xX×]*[${HAN}]|[^${ALNUM}]|$))` +
  `|(?<=(?:^|[^${ALNUM}])D*)D(?=D*[xX×]*[${HAN}])`;

const builtIn = (rule: Omit<CleanupRule, 'enabled' | 'builtIn'>): CleanupRule => ({ ...rule, enabled: true, builtIn: true });

export const DEFAULT_CLEANUP_RULES: CleanupRule[] = [
  builtIn({ id: 'line-endings', name: 'Windows line endings to LF', kind: 'replace', pattern: '\\r\\n?', replacement: '\n' }),
  builtIn({ id: 'paywall-markers', name: 'Paywall markers', kind: 'remove', pattern: '##paid(?:begin|end)##', flags: 'i' }),
  builtIn({
    id: 'ad-shop-labels',
    name: 'Lines with a material shop label (【…素材库】)',
    kind: 'remove-line',
    pattern: '【[^】\\n]{0,12}(?:素材|资料|文库|范文|代笔|写作)[^】\\n]{0,6}】',
  }),
  builtIn({
    id: 'ad-promotions',
    name: 'Membership and download promotions',
    kind: 'remove-line',
    pattern:
      '素材库|s?vip会员|会员群|(?:开通|加入|充值)(?:s?vip|会员)|(?:免费|一键|极速|点击)[^\\n]{0,6}下载|下载(?:地址|链接|完整版|全文)' +
      '|(?:关注|搜索)[^\\n]{0,15}(?:公众号|微信号)[^\\n]{0,15}(?:获取|领取|下载|回复)',
    flags: 'i',
  }),
  builtIn({
    id: 'ad-contacts',
    name: 'Seller contact lines',
    kind: 'remove-line',
    pattern: '(?:公众号|微信|客服|QQ)\\s*[：:]|添加客服|联系客服|谨防假冒|持续接单|有意加入请联系',
    flags: 'i',
  }),
  builtIn({ id: 'masked-wechat', name: 'AAA masking 微信', kind: 'replace', pattern: 'AAA公众号', replacement: '微信公众号' }),
  // After 微信 is restored, so that a D it now touches (DDAAA公众号) is seen next to Chinese.
  builtIn({ id: 'masked-party', name: 'D masking 党', kind: 'replace', pattern: MASKED_PARTY, flags: 'm', replacement: '党' }),
  builtIn({ id: 'trailing-spaces', name: 'Spaces at line ends', kind: 'remove', pattern: '[ \\t\\u3000]+$', flags: 'm' }),
  builtIn({ id: 'blank-lines', name: 'Repeated blank lines', kind: 'replace', pattern: '\\n{3,}', replacement: '\n\n' }),
  builtIn({ id: 'document-edges', name: 'Blank lines at the start and end', kind: 'remove', pattern: '^[ \\t\\u3000\\n]*\\n|(?<=\\n)\\n+$' }),
];

// Traces of names removed from the material; reported, never fixed (the missing word is unknown).
const TRACES: { pattern: RegExp; message: string }[] = [
  {
    pattern: /对[^、，。；\s]{1,8}、对的/g,
    message: 'A name seems to be missing after the second 对 (对…、对的…); restore it by hand.',
  },
];

// ---------------------------------------------------------------------------------------------
// Validation

const KINDS: readonly CleanupRule['kind'][] = ['remove-line', 'remove', 'replace'];

/** Usable RegExp flags: `g` is added by the caller, `y` would stop the scan at the first miss. */
function baseFlags(flags = ''): string {
  return flags.replace(/[gy]/g, '');
}

/**
 * Checks a user rule before it runs: a known kind, a replacement for replace rules, and a
 * pattern that checkUserPattern finds safe (valid, no empty match, no catastrophic backtracking).
 */
export function validateCleanupRule(rule: CleanupRule): RuleCheck {
  if (!KINDS.includes(rule.kind)) return { ok: false, message: `Unknown rule kind: ${String(rule.kind)}` };
  // Rules come from storage, where a field may be missing whatever the type says.
  if (typeof rule.pattern !== 'string') return { ok: false, message: 'The rule has no pattern.' };
  if (rule.kind === 'replace' && typeof rule.replacement !== 'string') {
    return { ok: false, message: 'A replace rule needs a replacement (it may be empty).' };
  }
  const check = checkUserPattern(rule.pattern, baseFlags(rule.flags));
  return check.ok ? { ok: true } : check;
}

// ---------------------------------------------------------------------------------------------
// Applying rules

/** A piece of the working text: a copy of original[origStart, origEnd), or a rule's output for it. */
interface Segment {
  text: string;
  origStart: number;
  origEnd: number;
  rule?: CleanupRule;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

export function cleanMaterial(text: string, rules: CleanupRule[] = DEFAULT_CLEANUP_RULES): CleanupResult {
  let segments: Segment[] = text ? [{ text, origStart: 0, origEnd: text.length }] : [];
  const skipped: CleanupResult['skipped'] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const check = validateCleanupRule(rule);
    if (!check.ok) {
      skipped.push({ ruleId: rule.id, message: check.message });
      continue;
    }
    const current = segments.map((s) => s.text).join('');
    const starts = segmentStarts(segments);
    const edits = widenToChanges(findEdits(current, rule), segments, starts, current);
    if (edits.length) segments = applyEdits(segments, starts, edits, rule);
  }

  const changes: CleanupChange[] = [];
  for (const s of segments) {
    if (!s.rule) continue;
    const before = text.slice(s.origStart, s.origEnd);
    if (before !== s.text) {
      changes.push({ ruleId: s.rule.id, ruleName: s.rule.name, start: s.origStart, end: s.origEnd, before, after: s.text });
    }
  }
  const cleaned = segments.map((s) => s.text).join('');
  return { text: cleaned, changes, skipped, warnings: findTraces(cleaned, segments) };
}

function segmentStarts(segments: readonly Segment[]): number[] {
  const starts: number[] = [];
  let position = 0;
  for (const s of segments) {
    starts.push(position);
    position += s.text.length;
  }
  return starts;
}

/** The rule's edits on the current text, sorted and not overlapping. */
function findEdits(current: string, rule: CleanupRule): Edit[] {
  const re = new RegExp(rule.pattern, `${baseFlags(rule.flags)}g`);
  const edits: Edit[] = [];
  for (let m = re.exec(current); m; m = re.exec(current)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    if (rule.kind === 'remove-line') {
      const lineStart = lineStartOf(current, m.index);
      const newline = current.indexOf('\n', m.index + m[0].length - 1);
      // The last line has no break of its own: take the one before it instead.
      const edit =
        newline >= 0
          ? { start: lineStart, end: newline + 1, text: '' }
          : { start: Math.max(0, lineStart - 1), end: current.length, text: '' };
      const last = edits.at(-1);
      if (last && edit.start <= last.end) last.end = Math.max(last.end, edit.end);
      else edits.push(edit);
      re.lastIndex = edit.end;
      continue;
    }
    const replacement = rule.kind === 'remove' ? '' : expandReplacement(rule.replacement ?? '', m, current);
    const edit = trimEdit(m.index, m[0], replacement);
    if (edit) edits.push(edit);
  }
  return edits;
}

/** The edit without the prefix and suffix the match and its replacement share. */
function trimEdit(at: number, matched: string, replacement: string): Edit | null {
  const limit = Math.min(matched.length, replacement.length);
  let prefix = 0;
  while (prefix < limit && matched[prefix] === replacement[prefix]) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && matched[matched.length - 1 - suffix] === replacement[replacement.length - 1 - suffix]) suffix++;
  // Never split a surrogate pair.
  if (prefix > 0 && /[\ud800-\udbff]/.test(matched[prefix - 1])) prefix--;
  if (suffix > 0 && /[\udc00-\udfff]/.test(matched[matched.length - suffix])) suffix--;
  if (matched.length - prefix - suffix === 0) {
    if (replacement.length - prefix - suffix === 0) return null;
    // A pure insertion: keep one character of context so that the edit has something to replace.
    if (suffix > 0) suffix--;
    else prefix--;
  }
  return {
    start: at + prefix,
    end: at + matched.length - suffix,
    text: replacement.slice(prefix, replacement.length - suffix),
  };
}

/** `$&`, `$1`…`$99`, `$<name>`, `` $` ``, `$'` and `$$`, as String.prototype.replace expands them. */
function expandReplacement(replacement: string, m: RegExpExecArray, input: string): string {
  if (!replacement.includes('$')) return replacement;
  return replacement.replace(/\$(?:(\$)|(&)|(`)|(')|(\d{1,2})|<([^>]*)>)/g, (token, dollar, whole, before, after, digits, name) => {
    if (dollar) return '$';
    if (whole) return m[0];
    if (before) return input.slice(0, m.index);
    if (after) return input.slice(m.index + m[0].length);
    if (digits !== undefined) {
      // $12 means group 12 only when it exists; otherwise group 1 followed by "2".
      if (digits.length === 2 && Number(digits) < m.length) return m[Number(digits)] ?? '';
      const single = Number(digits[0]);
      if (single > 0 && single < m.length) return (m[single] ?? '') + digits.slice(1);
      return token;
    }
    if (m.groups && name in m.groups) return m.groups[name] ?? '';
    return token;
  });
}

/**
 * Widens each edit over any earlier change it touches (a change is never split) and merges the
 * edits that then overlap; a merged edit keeps the untouched text between its parts.
 */
function widenToChanges(edits: readonly Edit[], segments: readonly Segment[], starts: readonly number[], current: string): Edit[] {
  const merged: Edit[] = [];
  let group: { start: number; end: number; parts: Edit[] } | null = null;
  const flush = () => {
    if (!group) return;
    let text = '';
    let position = group.start;
    for (const part of group.parts) {
      text += current.slice(position, part.start) + part.text;
      position = part.end;
    }
    merged.push({ start: group.start, end: group.end, text: text + current.slice(position, group.end) });
  };
  let k = 0;
  for (const edit of splitDeletions(edits, segments, starts)) {
    let start = edit.start;
    let end = edit.end;
    while (k < segments.length && starts[k] + segments[k].text.length <= start) k++;
    for (let j = k; j < segments.length && starts[j] < end; j++) {
      if (!segments[j].rule || segments[j].text === '') continue;
      start = Math.min(start, starts[j]);
      end = Math.max(end, starts[j] + segments[j].text.length);
    }
    if (group && start < group.end) {
      group.end = Math.max(group.end, end);
      group.parts.push(edit);
    } else {
      flush();
      group = { start, end, parts: [edit] };
    }
  }
  flush();
  return merged;
}

/**
 * Splits a deletion around earlier deletions inside it, so that each stays its own change
 * (collapsing blank lines around a removed advert does not swallow the advert's removal).
 */
function splitDeletions(edits: readonly Edit[], segments: readonly Segment[], starts: readonly number[]): Edit[] {
  const out: Edit[] = [];
  let k = 0;
  for (const edit of edits) {
    if (edit.text) {
      out.push(edit);
      continue;
    }
    while (k < segments.length && starts[k] <= edit.start) k++;
    let start = edit.start;
    for (; k < segments.length && starts[k] < edit.end; k++) {
      if (segments[k].rule && segments[k].text === '' && starts[k] > start) {
        out.push({ start, end: starts[k], text: '' });
        start = starts[k];
      }
    }
    out.push({ start, end: edit.end, text: '' });
  }
  return out;
}

/** Replaces the current-text ranges of `edits` by changed segments made by `rule`. */
function applyEdits(segments: readonly Segment[], starts: readonly number[], edits: readonly Edit[], rule: CleanupRule): Segment[] {
  // Cut copied segments at the edges of the edits, so that every piece is inside or outside.
  const cuts = edits.flatMap((edit) => [edit.start, edit.end]);
  const pieces: { segment: Segment; from: number }[] = [];
  let c = 0;
  segments.forEach((segment, i) => {
    const from = starts[i];
    const to = from + segment.text.length;
    while (c < cuts.length && cuts[c] <= from) c++;
    let head = from;
    for (; c < cuts.length && cuts[c] < to; c++) {
      if (cuts[c] === head) continue;
      pieces.push({ segment: copyPart(segment, head - from, cuts[c] - from), from: head });
      head = cuts[c];
    }
    pieces.push({ segment: head === from ? segment : copyPart(segment, head - from, to - from), from: head });
  });

  const out: Segment[] = [];
  let e = 0;
  let origStart = 0;
  for (const { segment, from } of pieces) {
    const to = from + segment.text.length;
    while (e < edits.length && edits[e].end <= from) e++;
    const edit = edits[e];
    // An empty piece (an earlier deletion) at an edit's edge stays outside it.
    const inside = edit && (segment.text ? edit.start <= from && to <= edit.end : edit.start < from && from < edit.end);
    if (!inside) {
      out.push(segment);
      continue;
    }
    if (from === edit.start) origStart = segment.origStart;
    if (to === edit.end && segment.text) out.push({ text: edit.text, origStart, origEnd: segment.origEnd, rule });
  }
  return out;
}

/** Part [from, to) of a copied segment. */
function copyPart(s: Segment, from: number, to: number): Segment {
  return { text: s.text.slice(from, to), origStart: s.origStart + from, origEnd: s.origStart + to };
}

function findTraces(cleaned: string, segments: readonly Segment[]): CleanupWarning[] {
  const warnings: CleanupWarning[] = [];
  const starts = segmentStarts(segments);
  for (const { pattern, message } of TRACES) {
    for (const m of cleaned.matchAll(pattern)) {
      const textStart = m.index;
      const textEnd = m.index + m[0].length;
      warnings.push({ start: toOriginal(textStart, false), end: toOriginal(textEnd, true), textStart, textEnd, message });
    }
  }
  return warnings.sort((a, b) => a.textStart - b.textStart);

  /** Original offset of a cleaned-text offset; inside a change, its start or end. */
  function toOriginal(position: number, isEnd: boolean): number {
    let lo = 0;
    let hi = segments.length - 1;
    // The non-empty segment holding the character at (or, for an end, before) `position`.
    const target = isEnd ? position - 1 : position;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= target) lo = mid;
      else hi = mid - 1;
    }
    while (lo > 0 && segments[lo].text === '') lo--;
    const s = segments[lo];
    if (!s) return 0;
    if (s.rule) return isEnd ? s.origEnd : s.origStart;
    return s.origStart + (position - starts[lo]);
  }
}
