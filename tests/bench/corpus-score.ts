/**
 * Scores the placeholder engine against the hand-labelled corpus (tests/fixtures/corpus/).
 * Pure: labels and findings in, figures out. Offsets are UTF-16 code units.
 */

/** A blank labelled by hand in `<id>.labels.json`. */
export interface LabelledBlank {
  start: number;
  end: number;
  text: string;
  type: string;
  label?: string;
}

/** What the engine found: only the span and its kind matter here. */
export interface Finding {
  start: number;
  end: number;
  text: string;
  kind: string;
}

export interface ScoredDocument {
  id: string;
  kind: string;
  length: number;
  labels: LabelledBlank[];
  findings: Finding[];
}

export interface Match {
  label: LabelledBlank;
  finding: Finding;
}

export interface DocumentResult {
  id: string;
  kind: string;
  length: number;
  matches: Match[];
  misses: LabelledBlank[];
  falseAlarms: Finding[];
}

export interface TypeFigures {
  labels: number;
  found: number;
  /** Matched labels whose finding's kind names the same type. */
  typedRight: number;
  /** Findings whose kind names this type. */
  findings: number;
  /** Of those, the ones that matched a label (of any type). */
  findingsMatched: number;
}

export interface CorpusFigures {
  documents: DocumentResult[];
  byType: Record<string, TypeFigures>;
  labels: number;
  findings: number;
  matched: number;
  recall: number;
  precision: number;
  /** False alarms on the `issued` documents (which have no blanks), per 10,000 characters. */
  issuedCharacters: number;
  issuedFalseAlarms: number;
  falseAlarmsPer10k: number;
}

/**
 * The engine's kind names, in the corpus's type names. A kind the corpus also uses (a newer
 * engine's `field`, `amount`, `tickbox` …) names itself.
 */
const KIND_AS_TYPE: Record<string, string> = { named: 'field', free: 'blank' };

export function typeOfKind(kind: string): string {
  return KIND_AS_TYPE[kind] ?? kind;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * A finding matches a label when they overlap by at least half of the longer of the two.
 * Each label and each finding is matched at most once; the largest overlaps are paired first,
 * so one long finding cannot take a label from the finding that fits it.
 */
export function matchSpans(labels: LabelledBlank[], findings: Finding[]): { matches: Match[]; misses: LabelledBlank[]; falseAlarms: Finding[] } {
  const candidates: { li: number; fi: number; size: number }[] = [];
  for (let li = 0; li < labels.length; li++) {
    for (let fi = 0; fi < findings.length; fi++) {
      const size = overlap(labels[li], findings[fi]);
      const longer = Math.max(labels[li].end - labels[li].start, findings[fi].end - findings[fi].start);
      if (size > 0 && size * 2 >= longer) candidates.push({ li, fi, size });
    }
  }
  candidates.sort((a, b) => b.size - a.size || a.li - b.li || a.fi - b.fi);
  const labelTaken = new Set<number>();
  const findingTaken = new Set<number>();
  const pairs: { li: number; fi: number }[] = [];
  for (const c of candidates) {
    if (labelTaken.has(c.li) || findingTaken.has(c.fi)) continue;
    labelTaken.add(c.li);
    findingTaken.add(c.fi);
    pairs.push(c);
  }
  pairs.sort((a, b) => labels[a.li].start - labels[b.li].start);
  return {
    matches: pairs.map(({ li, fi }) => ({ label: labels[li], finding: findings[fi] })),
    misses: labels.filter((_, i) => !labelTaken.has(i)),
    falseAlarms: findings.filter((_, i) => !findingTaken.has(i)),
  };
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

export function scoreCorpus(documents: ScoredDocument[]): CorpusFigures {
  const byType: Record<string, TypeFigures> = {};
  const figuresOf = (type: string) => (byType[type] ??= { labels: 0, found: 0, typedRight: 0, findings: 0, findingsMatched: 0 });
  const results: DocumentResult[] = [];
  let labels = 0;
  let findings = 0;
  let matched = 0;
  let issuedCharacters = 0;
  let issuedFalseAlarms = 0;
  for (const doc of documents) {
    const { matches, misses, falseAlarms } = matchSpans(doc.labels, doc.findings);
    results.push({ id: doc.id, kind: doc.kind, length: doc.length, matches, misses, falseAlarms });
    labels += doc.labels.length;
    findings += doc.findings.length;
    matched += matches.length;
    for (const label of doc.labels) figuresOf(label.type).labels++;
    for (const finding of doc.findings) figuresOf(typeOfKind(finding.kind)).findings++;
    for (const { label, finding } of matches) {
      figuresOf(label.type).found++;
      if (typeOfKind(finding.kind) === label.type) figuresOf(label.type).typedRight++;
      figuresOf(typeOfKind(finding.kind)).findingsMatched++;
    }
    if (doc.kind === 'issued') {
      issuedCharacters += doc.length;
      issuedFalseAlarms += falseAlarms.length;
    }
  }
  return {
    documents: results,
    byType,
    labels,
    findings,
    matched,
    recall: ratio(matched, labels),
    precision: ratio(matched, findings),
    issuedCharacters,
    issuedFalseAlarms,
    falseAlarmsPer10k: issuedCharacters === 0 ? 0 : (issuedFalseAlarms / issuedCharacters) * 10_000,
  };
}
