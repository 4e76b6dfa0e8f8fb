/**
 * Leftovers of the sample material a report started from. Pure.
 *
 * The import cleanup rules (../cleanup.ts) say what sample material leaves behind: masked words
 * (`D组` for 党组, `AAA公众号` for 微信公众号), advertising lines, paywall markers, and traces of
 * removed names (`对D、对的`); the placeholder engine (../placeholders.ts) finds every blank
 * left to fill. Downloaded templates add guidance notes for the writer (`（根据实际情况填写）`).
 * Unlike the other groups these are looked for inside 《titles》 too: a leftover is one anywhere.
 */
import { cleanMaterial, DEFAULT_CLEANUP_RULES, type CleanupRule } from '../cleanup';
import { findPlaceholders } from '../placeholders';
import { matches, type LineView } from './line';
import { tbd } from './english';

const ruleById = (id: string): CleanupRule => {
  const rule = DEFAULT_CLEANUP_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`No cleanup rule ${id}`);
  return rule;
};
const regexOf = (rule: CleanupRule) => new RegExp(rule.pattern, `${(rule.flags ?? '').replace(/[gy]/g, '')}g`);

const MASKS: { re: RegExp; replacement: string }[] = ['masked-wechat', 'masked-party'].map((id) => {
  const rule = ruleById(id);
  return { re: regexOf(rule), replacement: rule.replacement ?? '' };
});
const ADVERTISING = ['ad-shop-labels', 'ad-promotions', 'ad-contacts'].map((id) => regexOf(ruleById(id)));
const PAYWALL = regexOf(ruleById('paywall-markers'));

// A bracketed note telling the writer what to put there.
const RE_GUIDANCE =
  /[（(【［[](?:[^（）()【】［］[\]\n]{0,30}?)(?:填写|此处|请在|请根据|根据(?:本单位|本部门)?实际(?:情况)?(?:填写|修改|增减|调整|补充)|可(?:根据|结合)[^（）()【】［］[\]\n]{0,12}?(?:增减|调整|修改|删减|补充)|写作(?:提示|要点|说明)|填写说明|使用说明|模板说明|编写说明|示例文字|范例)[^（）()【】［］[\]\n]{0,40}?[）)】］\]]/g;

function masked(line: LineView): void {
  if (!/D|AAA/.test(line.text)) return;
  for (const { re, replacement } of MASKS) {
    for (const m of matches(re, line.text)) {
      const start = m.index;
      const end = start + m[0].length;
      line.add({ start, end, rule: 'masked-word', key: 'checkMaskedWord', params: [m[0], replacement], fix: replacement });
    }
  }
}

function advertising(line: LineView): void {
  const text = line.text;
  if (!ADVERTISING.some((re) => ((re.lastIndex = 0), re.test(text)))) return;
  const lead = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  line.add({ start: lead, end, rule: 'advertising', key: 'checkAdvertising', params: [], fix: '' });
}

function paywall(line: LineView): void {
  if (!line.text.includes('##')) return;
  for (const m of matches(PAYWALL, line.text)) {
    line.add({ start: m.index, end: m.index + m[0].length, rule: 'paywall-marker', key: 'checkPaywallMarker', params: [m[0]], fix: '' });
  }
}

function guidance(line: LineView): void {
  for (const m of matches(RE_GUIDANCE, line.text)) {
    line.add({ start: m.index, end: m.index + m[0].length, rule: 'template-guidance', key: 'checkTemplateGuidance', params: [m[0]], fix: '' });
  }
}

function removedNames(line: LineView): void {
  if (!line.text.includes('、对的')) return;
  for (const w of cleanMaterial(line.text, []).warnings) {
    line.add({ start: w.start, end: w.end, rule: 'removed-name', key: 'checkRemovedName', params: [line.text.slice(w.start, w.end)] });
  }
}

function placeholders(line: LineView, tbdAt: Set<number>): void {
  const taken = new Set(line.findings.map((f) => `${f.start}:${f.end}`));
  for (const p of findPlaceholders(line.text, line.options?.placeholderRules ? { rules: line.options.placeholderRules } : undefined)) {
    // TBD has its own rule; a masked word or a guidance note found as a blank is reported once.
    if (tbdAt.has(p.start) || taken.has(`${p.start}:${p.end}`)) continue;
    if (line.findings.some((f) => f.rule === 'template-guidance' && f.start <= p.start && p.end <= f.end)) continue;
    line.add({ start: p.start, end: p.end, rule: 'placeholder', key: 'checkPlaceholder', params: [p.text] });
  }
}

export function leftoversLine(line: LineView): void {
  masked(line);
  advertising(line);
  paywall(line);
  if (/[（(【［[]/.test(line.text)) guidance(line);
  removedNames(line);
  placeholders(line, tbd(line));
}
