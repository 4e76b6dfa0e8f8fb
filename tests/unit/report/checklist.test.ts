import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextOf, fillGroups, groupByKind, updatePlaceholders } from '@/utils/report/checklist';
import { findPlaceholders, findPlaceholdersByLine } from '@/utils/report/placeholders';
import { applyDelta, diffText } from '@/utils/report/text-delta';
import { readSample, readSampleCounts } from '../samples';

describe('diffText', () => {
  it('finds the one span that changed', () => {
    expect(diffText('截至x月底', '截至5月底')).toEqual({ start: 2, removed: 1, inserted: '5' });
    expect(diffText('abc', 'abc')).toBeNull();
    expect(diffText('', '新')).toEqual({ start: 0, removed: 0, inserted: '新' });
    expect(diffText('删除我', '')).toEqual({ start: 0, removed: 3, inserted: '' });
  });

  it('never splits an astral character', () => {
    const delta = diffText('a😀b', 'a😁b')!;
    expect(delta).toEqual({ start: 1, removed: 2, inserted: '😁' });
  });

  it('round-trips any pair of strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const delta = diffText(a, b);
        expect(delta ? applyDelta(a, delta) : a).toBe(b);
      }),
    );
  });
});

describe('updatePlaceholders', () => {
  const sample = readSample('zh-duty-report-2023.txt');

  it('after filling one placeholder in the sample, equals a full scan', () => {
    const before = findPlaceholdersByLine(sample);
    const first = before.find((p) => p.kind === 'count')!;
    const after = sample.slice(0, first.start) + '12' + sample.slice(first.end);
    const updated = updatePlaceholders(before, after, diffText(sample, after)!);
    expect(updated).toEqual(findPlaceholdersByLine(after));
    expect(updated).toHaveLength(before.length - 1);
  });

  it('after typing a new placeholder, equals a full scan', () => {
    const text = '一、情况\n完成了项任务。\n二、问题';
    const edited = '一、情况\n完成了xx项任务。\n二、问题';
    const updated = updatePlaceholders(findPlaceholdersByLine(text), edited, diffText(text, edited)!);
    expect(updated).toEqual(findPlaceholdersByLine(edited));
    expect(updated.map((p) => p.kind)).toEqual(['count']);
  });

  it('equals a full scan after any edit of placeholder-rich text', () => {
    const piece = fc.constantFrom('xx', 'xxxx年', '次', '\n', '某某', '【单位】', '{{名}}', 'TBD', '，', '工作', 'box', ' ', '×', 'x');
    const doc = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(doc, doc, fc.nat(), fc.nat(), (text, inserted, a, b) => {
        const start = Math.min(a, text.length);
        const end = Math.min(start + (b % 6), text.length);
        const edited = text.slice(0, start) + inserted + text.slice(end);
        const delta = diffText(text, edited);
        if (!delta) return;
        expect(updatePlaceholders(findPlaceholdersByLine(text), edited, delta)).toEqual(findPlaceholdersByLine(edited));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('contextOf, groupByKind, fillGroups', () => {
  const text = '第一行\n今年以来，我们围绕xx中心工作，完成了xx项任务，覆盖{{单位}}和{{单位}}。';
  const found = findPlaceholders(text);

  it('shows the words around a placeholder, within its line', () => {
    expect(contextOf(text, found[0], 6)).toEqual({ before: '…来，我们围绕', after: '中心工作，完…' });
    expect(contextOf('xxxx年', findPlaceholders('xxxx年')[0])).toEqual({ before: '', after: '年' });
  });

  it('groups by kind in a fixed order, each group in document order', () => {
    expect(groupByKind(found).map((g) => [g.kind, g.items.length])).toEqual([
      ['count', 1],
      ['named', 2],
      ['free', 1],
    ]);
  });

  it('fills a named field together by its name', () => {
    const named = found.filter((p) => p.kind === 'named');
    const groups = fillGroups(text, found);
    expect(groups.get(named[0])).toEqual(named);
    expect(groups.get(named[1])).toBe(groups.get(named[0]));
  });

  it('fills the same year, date or place together, never counts, and only with the same unit', () => {
    // Hand-counted: 3 years xxxx年, 2 months x月, 2 places xx市 and 1 xx区, 4 counts (2 xx个, 2 xx次).
    // Each `xxxx年x月` is one date blank (with its units); the last `xxxx年` a year.
    const report = 'xxxx年x月，xx市完成xx个项目；xxxx年x月，xx市开展xx次检查，xx区xx个、xx次；xxxx年。xxxx年工作';
    const all = findPlaceholders(report);
    const groups = fillGroups(report, all);
    const texts = (p: (typeof all)[number]) => groups.get(p)?.map((q) => report.slice(q.start, q.end + 1));
    const byText = (t: string) => all.filter((p) => report.slice(p.start, p.end + 1) === t);
    expect(byText('xxxx年x月，')).toHaveLength(2);
    expect(texts(byText('xxxx年x月，')[1])).toEqual(['xxxx年x月，', 'xxxx年x月，']);
    expect(byText('xxxx年')).toHaveLength(2);
    expect(texts(byText('xxxx年')[0])).toEqual(['xxxx年', 'xxxx年']);
    expect(texts(byText('xx市')[0])).toEqual(['xx市', 'xx市']);
    expect(groups.has(byText('xx区')[0])).toBe(false);
    // Different figures: two counts with the same unit are still two values.
    expect(byText('xx个')).toHaveLength(2);
    expect(byText('xx次')).toHaveLength(2);
    for (const p of [...byText('xx个'), ...byText('xx次')]) expect(groups.has(p)).toBe(false);
  });
});

describe('updatePlaceholders at the very start of the text', () => {
  it('does not find twice a placeholder that moves to the second character', () => {
    // Deleting the first line's start makes the text begin with a line break.
    const text = '，xx\nxx';
    const edited = '\nxx';
    const updated = updatePlaceholders(findPlaceholdersByLine(text), edited, diffText(text, edited)!);
    expect(updated).toEqual(findPlaceholdersByLine(edited));
    expect(updated).toHaveLength(1);
  });
});

describe('the checklist of the sample documents, against counts made by hand', () => {
  it.each(['zh-duty-report-2023.txt', 'zh-notice-2019-tax-credit.txt'])('groups %s by kind as it was counted by hand', (sample) => {
    const counts = readSampleCounts(sample);
    const expected = { ...counts.byKind };
    // A blank the engine types otherwise than the hand count did moves to the engine's kind; each
    // is listed, with the reason, in the counts file.
    for (const { hand, engine } of counts.engineDisagreements) {
      expected[hand] -= 1;
      expected[engine] = (expected[engine] ?? 0) + 1;
    }
    const groups = groupByKind(findPlaceholders(readSample(sample)));
    expect(Object.fromEntries(groups.map((g) => [g.kind, g.items.length]))).toEqual(Object.fromEntries(Object.entries(expected).filter(([, n]) => n > 0)));
    expect(groups.reduce((sum, g) => sum + g.items.length, 0)).toBe(counts.total);
  });

  it('types the disagreements as the counts file says the engine does', () => {
    const text = readSample('zh-duty-report-2023.txt');
    const found = findPlaceholders(text);
    for (const { context, engine } of readSampleCounts('zh-duty-report-2023.txt').engineDisagreements) {
      const at = text.indexOf(context);
      expect(found.find((p) => p.start >= at && p.end <= at + context.length)?.kind, context).toBe(engine);
    }
  });
});
