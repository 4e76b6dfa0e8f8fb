import { describe, expect, it } from 'vitest';
import {
  cleanMaterial,
  DEFAULT_CLEANUP_RULES,
  validateCleanupRule,
  type CleanupChange,
  type CleanupRule,
} from '../../../utils/report/cleanup';
import { checkUserPattern } from '../../../utils/report/regex-safety';
import { readSample } from '../samples';

const duty = readSample('zh-duty-report-2023.txt');
const notice = readSample('zh-notice-2019-tax-credit.txt');

/** The changes must describe the original exactly and rebuild the cleaned text. */
function expectFaithful(original: string, result: { text: string; changes: CleanupChange[] }): void {
  let rebuilt = '';
  let copied = 0;
  for (const change of result.changes) {
    expect(change.start).toBeGreaterThanOrEqual(copied);
    expect(change.end).toBeGreaterThanOrEqual(change.start);
    expect(original.slice(change.start, change.end)).toBe(change.before);
    expect(change.after).not.toBe(change.before);
    rebuilt += original.slice(copied, change.start) + change.after;
    copied = change.end;
  }
  expect(rebuilt + original.slice(copied)).toBe(result.text);
}

function rule(overrides: Partial<CleanupRule> & Pick<CleanupRule, 'id' | 'kind' | 'pattern'>): CleanupRule {
  return { name: overrides.id, enabled: true, ...overrides };
}

const only = (id: string) => DEFAULT_CLEANUP_RULES.filter((r) => r.id === id);

describe('cleanMaterial on the duty report sample', () => {
  const result = cleanMaterial(duty);
  const { text } = result;

  it('removes the advertising lines and keeps body lines that mention 公众号 or 会员', () => {
    for (const word of ['素材库', '哒哒', '代笔', '客服', 'svip', '一键极速下载']) expect(text).not.toContain(word);
    expect(text).toContain('xx人大微信公众号等平台');
    expect(text).toContain('亲属去世会员进行慰问');
    expect(text.endsWith('加强对机关党委、机关纪委领导。\n')).toBe(true);
  });

  it('removes the paywall markers, joining the word they split', () => {
    expect(text).not.toMatch(/##paid/i);
    expect(text).toContain('以问题整改整治建立健全制度机制');
  });

  it('restores 党 masked as D and 微信 masked as AAA', () => {
    expect(text.startsWith('2023年市人大常委会机关党组落实全面从严治党主体责任情况报告\n')).toBe(true);
    expect(text).toContain('全面落实党的二十大精神');
    expect(text).toContain('《中国共产党党和国家机关基层组织工作条例》');
    expect(text).toContain('《党委(党组)落实全面从严治党主体责任规定》');
    expect(text).toContain('颁发“光荣在党xx年”勋章');
    expect(text).not.toMatch(/D[\u4e00-\u9fff]|[\u4e00-\u9fff]D/);
    expect(text).not.toContain('AAA');
    expect(text).toContain('应用SV效果');
  });

  it('collapses blank lines and keeps the placeholders', () => {
    expect(text).not.toMatch(/\n\n\n/);
    expect(text.startsWith('\n')).toBe(false);
    expect(text).toContain('xxxx年，市人大常委会机关党组');
  });

  it('lists every change against the original text', () => {
    expectFaithful(duty, result);
    const byRule: Record<string, CleanupChange[]> = {};
    for (const change of result.changes) (byRule[change.ruleId] ??= []).push(change);
    expect(byRule['masked-party']).toHaveLength(235);
    expect(byRule['masked-wechat']?.map((c) => [c.before, c.after])).toEqual([['AAA', '微信'], ['AAA', '微信'], ['AAA', '微信']]);
    expect(byRule['paywall-markers']?.map((c) => c.before)).toEqual(['##paidbegin##', '##paidend##']);
    expect(result.changes.find((c) => c.before.startsWith('##paidbegin##'))?.start).toBe(duty.indexOf('##paidbegin##'));
    const adverts = result.changes.filter((c) => c.ruleId.startsWith('ad-'));
    expect(adverts.map((c) => c.before).join('')).toBe(duty.slice(duty.indexOf('【哒哒素材库】'), duty.indexOf('【哒哒代笔】')) + duty.split('\n')[43] + '\n');
    expect(result.changes.every((c) => c.ruleName === DEFAULT_CLEANUP_RULES.find((r) => r.id === c.ruleId)?.name)).toBe(true);
    expect(result.skipped).toEqual([]);
  });

  it('warns about the traces of a removed name without fixing them', () => {
    expect(result.warnings).toHaveLength(2);
    for (const warning of result.warnings) {
      expect(duty.slice(warning.start, warning.end)).toBe('对D、对的');
      expect(text.slice(warning.textStart, warning.textEnd)).toBe('对党、对的');
      expect(warning.message).toMatch(/missing/);
    }
  });
});

describe('cleanMaterial on the tax credit notice', () => {
  const result = cleanMaterial(notice);

  it('only normalises line endings and a trailing space', () => {
    expect(result.text).toBe(notice.replace(/\r\n/g, '\n').replace(/ +\n/g, '\n'));
    expect(new Set(result.changes.map((c) => c.ruleId))).toEqual(new Set(['line-endings', 'trailing-spaces']));
    expect(result.changes.filter((c) => c.ruleId === 'line-endings').every((c) => c.before === '\r' && c.after === '')).toBe(true);
    expect(result.warnings).toEqual([]);
    expectFaithful(notice, result);
  });
});

describe('the D → 党 rule', () => {
  const restore = (s: string) => cleanMaterial(s, only('masked-party')).text;

  it.each([
    ['机关D组', '机关党组'],
    ['D组书记', '党组书记'],
    ['全面从严治D', '全面从严治党'],
    ['全面从严治D。', '全面从严治党。'],
    ['D的二十大', '党的二十大'],
    ['“D课开讲啦”', '“党课开讲啦”'],
    ['D委(D组)', '党委(党组)'],
    ['中国共产DD员', '中国共产党党员'],
    ['光荣在Dxx年', '光荣在党xx年'],
    ['强化对D、对的忠诚', '强化对党、对的忠诚'],
  ])('restores %s', (masked, restored) => {
    expect(restore(masked)).toBe(restored);
  });

  it.each(['GDP增长', '3D打印', 'Dr. Smith 来访', 'Plan D.', 'CD盘', 'D', 'GD组', 'ABD条'])('leaves %s alone', (text) => {
    expect(restore(text)).toBe(text);
  });
});

describe('cleanMaterial rules', () => {
  it('applies no disabled rule', () => {
    const rules = DEFAULT_CLEANUP_RULES.map((r) => ({ ...r, enabled: r.id !== 'masked-party' }));
    const result = cleanMaterial('机关D组\r\n', rules);
    expect(result.text).toBe('机关D组\n');
    expect(result.changes.map((c) => c.ruleId)).toEqual(['line-endings']);
  });

  it('expands $-references in replacements', () => {
    const swap = rule({ id: 'swap', kind: 'replace', pattern: '(\\d+)年(\\d+)月', replacement: '$2/$1 ($&) $$' });
    expect(cleanMaterial('于2023年5月召开', [swap]).text).toBe('于5/2023 (2023年5月) $召开');
    const named = rule({ id: 'named', kind: 'replace', pattern: '(?<unit>[市区])委', replacement: '$<unit>政府' });
    expect(cleanMaterial('市委和区委', [named]).text).toBe('市政府和区政府');
  });

  it('removes whole lines, the last one with the break before it', () => {
    const ads = rule({ id: 'ads', kind: 'remove-line', pattern: '广告' });
    const result = cleanMaterial('正文一\n广告甲\n广告乙\n正文二\n广告丙', [ads]);
    expect(result.text).toBe('正文一\n正文二');
    expect(result.changes.map((c) => c.before)).toEqual(['广告甲\n广告乙\n', '\n广告丙']);
    expect(cleanMaterial('广告', [ads]).text).toBe('');
  });

  it('reports a change that rewrites an earlier change once, under the later rule', () => {
    const first = rule({ id: 'first', kind: 'replace', pattern: 'D', replacement: '党' });
    const second = rule({ id: 'second', kind: 'replace', pattern: '党组', replacement: '黨組' });
    const result = cleanMaterial('D组D', [first, second]);
    expect(result.text).toBe('黨組党');
    expect(result.changes).toEqual([
      { ruleId: 'second', ruleName: 'second', start: 0, end: 2, before: 'D组', after: '黨組' },
      { ruleId: 'first', ruleName: 'first', start: 2, end: 3, before: 'D', after: '党' },
    ]);
    // A later edit next to an earlier change, not on it, stays a change of its own.
    const third = rule({ id: 'third', kind: 'replace', pattern: '党组', replacement: '党委' });
    expect(cleanMaterial('D组', [first, third]).changes.map((c) => [c.ruleId, c.before, c.after])).toEqual([
      ['first', 'D', '党'],
      ['third', '组', '委'],
    ]);
  });

  it('keeps an earlier deletion its own change when a later rule deletes around it', () => {
    const result = cleanMaterial('正文\n\n广告\n\n\n正文', [
      rule({ id: 'ads', kind: 'remove-line', pattern: '广告' }),
      ...only('blank-lines'),
    ]);
    expect(result.text).toBe('正文\n\n正文');
    expect(result.changes.map((c) => c.ruleId)).toEqual(['ads', 'blank-lines']);
  });

  it('reports only what differs in a replacement', () => {
    const result = cleanMaterial('xx人大AAA公众号', only('masked-wechat'));
    expect(result.changes).toEqual([
      { ruleId: 'masked-wechat', ruleName: 'AAA masking 微信', start: 4, end: 7, before: 'AAA', after: '微信' },
    ]);
  });

  it('scans the whole text whatever g and y say', () => {
    expect(cleanMaterial('a-a-a', [rule({ id: 'r', kind: 'remove', pattern: 'a', flags: 'y' })]).text).toBe('--');
  });

  it('skips invalid rules and reports them', () => {
    const broken = rule({ id: 'broken', kind: 'remove', pattern: '(' });
    const slow = rule({ id: 'slow', kind: 'remove', pattern: '(a+)+$' });
    const result = cleanMaterial('aaa D组', [broken, slow, ...only('masked-party')]);
    expect(result.text).toBe('aaa 党组');
    expect(result.skipped.map((s) => s.ruleId)).toEqual(['broken', 'slow']);
  });
});

describe('validateCleanupRule', () => {
  it('accepts the built-in rules', () => {
    for (const r of DEFAULT_CLEANUP_RULES) expect(validateCleanupRule(r), r.id).toEqual({ ok: true });
  });

  it('leaves the pattern itself to checkUserPattern, without g and y', () => {
    expect(validateCleanupRule(rule({ id: 'r', kind: 'remove', pattern: '(' }))).toEqual(checkUserPattern('(', ''));
    expect(validateCleanupRule(rule({ id: 'r', kind: 'remove', pattern: '(a+)+$', flags: 'gyi' }))).toEqual(
      checkUserPattern('(a+)+$', 'i'),
    );
    expect(validateCleanupRule(rule({ id: 'r', kind: 'remove', pattern: 'a', flags: 'gy' }))).toEqual({ ok: true });
  });

  it('refuses a replace rule without a replacement, an unknown kind and a missing pattern', () => {
    expect(validateCleanupRule(rule({ id: 'r', kind: 'replace', pattern: 'a' }))).toMatchObject({ ok: false, message: /replacement/ });
    expect(validateCleanupRule(rule({ id: 'r', kind: 'replace', pattern: 'a', replacement: '' }))).toEqual({ ok: true });
    expect(validateCleanupRule(rule({ id: 'r', kind: 'rewrite' as CleanupRule['kind'], pattern: 'a' }))).toMatchObject({ ok: false, message: /kind/ });
    const stored = { id: 'r', name: 'r', kind: 'remove', enabled: true } as unknown as CleanupRule;
    expect(validateCleanupRule(stored)).toMatchObject({ ok: false, message: /no pattern/ });
  });
});
