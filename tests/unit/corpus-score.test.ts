import { describe, expect, it } from 'vitest';
import { matchSpans, scoreCorpus, typeOfKind, type Finding, type LabelledBlank } from '../bench/corpus-score';

const label = (start: number, end: number, type = 'field'): LabelledBlank => ({ start, end, type, text: 'x'.repeat(end - start) });
const finding = (start: number, end: number, kind = 'named'): Finding => ({ start, end, kind, text: 'x'.repeat(end - start) });

describe('matchSpans', () => {
  it('matches a finding that covers half of the longer span, and not one that covers less', () => {
    // label 10..20 (10 long); finding 15..20 overlaps 5 = half of 10: a match
    expect(matchSpans([label(10, 20)], [finding(15, 20)]).matches).toHaveLength(1);
    // finding 16..20 overlaps 4 < 5: no match
    const { matches, misses, falseAlarms } = matchSpans([label(10, 20)], [finding(16, 20)]);
    expect(matches).toHaveLength(0);
    expect(misses).toEqual([label(10, 20)]);
    expect(falseAlarms).toEqual([finding(16, 20)]);
  });

  it('measures against the longer of the two: a long finding over a short label is no match', () => {
    // label 0..4, finding 0..12: overlap 4 < 6 (half of 12)
    expect(matchSpans([label(0, 4)], [finding(0, 12)]).matches).toHaveLength(0);
    // finding 0..8: overlap 4 = half of 8
    expect(matchSpans([label(0, 4)], [finding(0, 8)]).matches).toHaveLength(1);
  });

  it('spans that only touch do not overlap', () => {
    expect(matchSpans([label(0, 4)], [finding(4, 8)]).matches).toHaveLength(0);
  });

  it('matches each label at most once: a second finding over the same label is a false alarm', () => {
    const { matches, falseAlarms } = matchSpans([label(0, 10)], [finding(0, 10), finding(0, 9)]);
    expect(matches).toEqual([{ label: label(0, 10), finding: finding(0, 10) }]);
    expect(falseAlarms).toEqual([finding(0, 9)]);
  });

  it('matches each finding at most once: one date finding over two labels finds one of them', () => {
    // 年 and 月 labelled apart (0..2, 2..4); one finding 0..4 covers half of each
    const { matches, misses } = matchSpans([label(0, 2, 'year'), label(2, 4, 'date')], [finding(0, 4, 'date')]);
    expect(matches).toHaveLength(1);
    expect(misses).toHaveLength(1);
  });

  it('pairs the largest overlaps first so a close finding keeps its label', () => {
    // label A 0..10, label B 10..14; finding F1 0..10 (exact for A), finding F2 5..14 overlaps A by 5, B by 4
    const a = label(0, 10);
    const b = label(10, 14);
    const { matches } = matchSpans([a, b], [finding(5, 14), finding(0, 10)]);
    expect(matches).toContainEqual({ label: a, finding: finding(0, 10) });
    // F2 is 9 long; overlap with B is 4 < 4.5: B stays missed
    expect(matches).toHaveLength(1);
  });
});

describe('typeOfKind', () => {
  it('names the engine kinds in the corpus types and leaves shared names alone', () => {
    expect(typeOfKind('named')).toBe('field');
    expect(typeOfKind('free')).toBe('blank');
    expect(typeOfKind('year')).toBe('year');
    expect(typeOfKind('tickbox')).toBe('tickbox');
  });
});

describe('scoreCorpus', () => {
  const figures = scoreCorpus([
    {
      id: 'form',
      kind: 'form',
      length: 100,
      // three labels: a year found and typed right, a date found but typed as a count, a name missed
      labels: [label(0, 4, 'year'), label(10, 20, 'date'), label(30, 33, 'name')],
      findings: [finding(0, 4, 'year'), finding(10, 20, 'count'), finding(50, 52, 'free')],
    },
    {
      id: 'notice',
      kind: 'issued',
      length: 20_000,
      labels: [],
      findings: [finding(5, 7, 'free'), finding(100, 103, 'name')],
    },
  ]);

  it('counts recall and precision overall', () => {
    expect(figures.labels).toBe(3);
    expect(figures.findings).toBe(5);
    expect(figures.matched).toBe(2);
    expect(figures.recall).toBeCloseTo(2 / 3);
    expect(figures.precision).toBeCloseTo(2 / 5);
  });

  it('counts per type: found, typed right, and the precision of findings of that type', () => {
    expect(figures.byType.year).toEqual({ labels: 1, found: 1, typedRight: 1, findings: 1, findingsMatched: 1 });
    expect(figures.byType.date).toEqual({ labels: 1, found: 1, typedRight: 0, findings: 0, findingsMatched: 0 });
    expect(figures.byType.count).toEqual({ labels: 0, found: 0, typedRight: 0, findings: 1, findingsMatched: 1 });
    expect(figures.byType.name).toEqual({ labels: 1, found: 0, typedRight: 0, findings: 1, findingsMatched: 0 });
    expect(figures.byType.blank).toEqual({ labels: 0, found: 0, typedRight: 0, findings: 2, findingsMatched: 0 });
  });

  it('counts false alarms per 10,000 characters on issued documents only', () => {
    // the form's stray finding is not counted: 2 false alarms in 20,000 characters
    expect(figures.issuedFalseAlarms).toBe(2);
    expect(figures.issuedCharacters).toBe(20_000);
    expect(figures.falseAlarmsPer10k).toBeCloseTo(1);
  });

  it('lists each document’s misses and false alarms', () => {
    const form = figures.documents.find((d) => d.id === 'form');
    expect(form?.misses).toEqual([label(30, 33, 'name')]);
    expect(form?.falseAlarms).toEqual([finding(50, 52, 'free')]);
  });

  it('reads an empty corpus as nothing missed and nothing wrong', () => {
    const empty = scoreCorpus([]);
    expect(empty.recall).toBe(1);
    expect(empty.precision).toBe(1);
    expect(empty.falseAlarmsPer10k).toBe(0);
  });
});
