/**
 * Search over thousands of snippets, in memory: one box over title, body and tags.
 *
 * Every term of the query must match (see text.ts: a CJK run as a substring, a word by
 * prefix). Candidates come from an inverted index (CJK bigrams, words) and are confirmed on the
 * snippet's own text, so the index only has to be fast, never exact. Results are ranked by
 * where each term matched (title over tags over body), then by use: recently and often used
 * snippets first.
 */
import { contains, fold, queryTerms, termsOf, type Term } from './text';

export interface Searchable {
  title: string;
  body: string;
  tags: string[];
  updatedAt: number;
  lastUsedAt?: number;
  useCount: number;
}

/** Weight of a term matched in each field; a term counts once, where it weighs most. */
const WEIGHT = { title: 4, tags: 2, body: 1 };

/** Use fades with a half-life of 30 days since last use (or edit). */
const HALF_LIFE_MS = 30 * 24 * 3600 * 1000;

/** Recent and frequent use, as one number: (1 + uses), halved every 30 days since last touched. */
export function useScore(doc: Searchable, now: number): number {
  const touched = Math.max(doc.lastUsedAt ?? 0, doc.updatedAt);
  const age = Math.max(0, now - touched);
  return (1 + doc.useCount) * Math.pow(0.5, age / HALF_LIFE_MS);
}

interface Folded {
  title: string;
  tags: string;
  body: string;
}

export interface SearchOptions {
  /** Only snippets carrying every one of these tags. */
  tags?: readonly string[];
}

/** A bigram as its two UTF-16 code units in one number: faster map keys than strings. */
const bigramAt = (text: string, at: number) => text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);

/** Adds `doc` to the list of `key`, once. Docs are added in order, so lists stay sorted. */
function post<K>(map: Map<K, number[]>, key: K, doc: number) {
  const list = map.get(key);
  if (!list) map.set(key, [doc]);
  else if (list[list.length - 1] !== doc) list.push(doc);
}

/** Sorted intersection. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return out;
}

/** First index in sorted `words` not below `prefix`. */
function lowerBound(words: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The snippets, searchable. Construction is cheap (use order only), so a list can be shown at
 * once; the folded text and postings are built by `prepare()`, a slice at a time while the
 * browser is idle, and finished by the first query if need be.
 */
export class SnippetIndex<T extends Searchable> {
  private readonly scores: Float64Array;
  private readonly byUse: number[];
  private readonly folded: Folded[] = [];
  private readonly bigrams = new Map<number, number[]>();
  private readonly words = new Map<string, number[]>();
  /** The words, sorted for prefix ranges, once every doc is indexed. */
  private sortedWords: string[] | null = null;

  constructor(
    readonly docs: readonly T[],
    now: number = Date.now(),
  ) {
    this.scores = Float64Array.from(docs, (d) => useScore(d, now));
    this.byUse = docs.map((_, i) => i).sort((a, b) => this.scores[b] - this.scores[a] || a - b);
  }

  /**
   * Indexes the docs not indexed yet, while `hasTime()` says so (checked every eight docs); true
   * once all are. Ten thousand snippets take about a tenth of a second in all.
   */
  prepare(hasTime: () => boolean = () => true): boolean {
    while (this.folded.length < this.docs.length) {
      const i = this.folded.length;
      const doc = this.docs[i];
      const f = { title: fold(doc.title), tags: fold(doc.tags.join('\n')), body: fold(doc.body) };
      this.folded.push(f);
      for (const field of [f.title, f.tags, f.body]) {
        for (const term of termsOf(field)) {
          if (!term.cjk) post(this.words, term.text, i);
          else for (let k = 0; k + 1 < term.text.length; k++) post(this.bigrams, bigramAt(term.text, k), i);
        }
      }
      if (i % 8 === 7 && !hasTime()) return false;
    }
    this.sortedWords ??= [...this.words.keys()].sort();
    return true;
  }

  /** Docs that may hold `term`, sorted; null when the index cannot narrow them down. */
  private candidates(term: Term): number[] | null {
    const { bigrams, words } = this;
    const sortedWords = this.sortedWords!;
    if (term.cjk) {
      if (term.text.length < 2) return null;
      const lists: number[][] = [];
      for (let k = 0; k + 1 < term.text.length; k++) {
        const list = bigrams.get(bigramAt(term.text, k));
        if (!list) return [];
        lists.push(list);
      }
      lists.sort((a, b) => a.length - b.length);
      return lists.reduce(intersect);
    }
    // Every word the term is a prefix of; past the number of docs, a scan is as cheap.
    const lists: number[][] = [];
    let total = 0;
    for (let w = lowerBound(sortedWords, term.text); w < sortedWords.length && sortedWords[w].startsWith(term.text); w++) {
      const list = words.get(sortedWords[w])!;
      lists.push(list);
      total += list.length;
      if (total > this.docs.length) return null;
    }
    if (lists.length === 1) return lists[0];
    return [...new Set(lists.flat())].sort((a, b) => a - b);
  }

  /** How well doc `i` matches every term (0: it does not). */
  private relevance(i: number, terms: readonly Term[]): number {
    const f = this.folded[i];
    let total = 0;
    for (const term of terms) {
      const weight = contains(f.title, term) ? WEIGHT.title : contains(f.tags, term) ? WEIGHT.tags : contains(f.body, term) ? WEIGHT.body : 0;
      if (!weight) return 0;
      total += weight;
    }
    return total;
  }

  private hasTags(i: number, tags: readonly string[] | undefined): boolean {
    return !tags?.length || tags.every((tag) => this.docs[i].tags.includes(tag));
  }

  /** The snippets matching `query` (all of them for an empty one), best first. */
  search(query: string, options: SearchOptions = {}): T[] {
    const terms = queryTerms(query);
    if (!terms.length) return this.byUse.filter((i) => this.hasTags(i, options.tags)).map((i) => this.docs[i]);
    this.prepare();
    let candidates: number[] | null = null;
    // Longest terms first: they narrow the most.
    for (const term of [...terms].sort((a, b) => b.text.length - a.text.length)) {
      const found = this.candidates(term);
      if (found) candidates = candidates ? intersect(candidates, found) : found;
      if (candidates?.length === 0) return [];
    }
    const hits: { i: number; relevance: number }[] = [];
    const consider = (i: number) => {
      if (!this.hasTags(i, options.tags)) return;
      const relevance = this.relevance(i, terms);
      if (relevance) hits.push({ i, relevance });
    };
    if (candidates) candidates.forEach(consider);
    else for (let i = 0; i < this.docs.length; i++) consider(i);
    hits.sort((a, b) => b.relevance - a.relevance || this.scores[b.i] - this.scores[a.i] || a.i - b.i);
    return hits.map((h) => this.docs[h.i]);
  }
}
