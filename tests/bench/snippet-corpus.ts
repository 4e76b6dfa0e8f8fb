/**
 * A library of snippets for the benchmarks: the same every run, about half Chinese (sentences of
 * the real sample reports), a third English, the rest mixed; tags, folders, abbreviations and use
 * counts as a user who has kept snippets for years would have them. Also bundled into the panel
 * by tests/bench/browser.bench.mjs, so it takes the sample text rather than reading files.
 */
import type { Snippet } from '../../utils/db/schema';

const ENGLISH_WORDS = (
  'annual report review budget revenue growth target quarter summary project delivery schedule risk ' +
  'compliance audit training safety quality customer service team leadership strategy policy plan ' +
  'progress milestone performance indicator evaluation assessment improvement efficiency resource ' +
  'allocation procurement contract partner research development innovation digital platform data ' +
  'security privacy governance reform community outreach education health environment energy ' +
  'transport infrastructure housing finance taxation credit investment export import market supply ' +
  'chain manufacturing agriculture tourism culture heritage volunteer campaign survey feedback meeting ' +
  'committee board council department office staff recruitment retention wellbeing workload overtime'
).split(' ');
const TAGS = ['党建', '总结', '学习', '述职', '纪律', '安全', 'report', 'budget', 'HR', '2023', '2024', '调研'];
const FOLDERS = ['年度总结', '述职报告', 'Quarterly', '讲话稿', undefined, undefined];

/** Deterministic pseudo-random numbers (a linear congruential generator). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function snippetCorpus(count: number, chineseText: string, now = Date.UTC(2025, 5, 1), seed = 42): Snippet[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const sentences = chineseText
    .split(/(?<=[。；！？])|\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 8);
  const chinese = (n: number) => Array.from({ length: n }, () => pick(sentences)).join('');
  const english = (n: number) => {
    const words = Array.from({ length: n }, () => pick(ENGLISH_WORDS));
    return `${words[0][0].toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  return Array.from({ length: count }, (_, i) => {
    const kind = next();
    const body =
      kind < 0.5
        ? chinese(2 + Math.floor(next() * 3))
        : kind < 0.83
          ? [english(12 + Math.floor(next() * 20)), english(10 + Math.floor(next() * 15))].join(' ')
          : `${chinese(1)} ${english(8 + Math.floor(next() * 10))} ${2020 + Math.floor(next() * 6)}年完成${Math.floor(next() * 100)}%`;
    const title = kind < 0.5 ? body.slice(0, 10 + Math.floor(next() * 10)) : body.split(' ').slice(0, 3 + Math.floor(next() * 4)).join(' ');
    const used = next() < 0.6;
    const snippet: Snippet = {
      id: `bench-${i.toString().padStart(5, '0')}`,
      title,
      body,
      tags: Array.from({ length: Math.floor(next() * 3) }, () => pick(TAGS)).filter((t, k, all) => all.indexOf(t) === k),
      createdAt: now - Math.floor(next() * 5 * 365) * 86_400_000,
      updatedAt: now - Math.floor(next() * 365) * 86_400_000,
      useCount: used ? Math.floor(next() * 40) : 0,
    };
    const folder = pick(FOLDERS);
    if (folder) snippet.folder = folder;
    if (used) snippet.lastUsedAt = now - Math.floor(next() * 200) * 86_400_000;
    if (i % 50 === 0) snippet.abbreviation = `ab${i}`;
    if (i % 4 === 0) snippet.html = `<p>${body.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`;
    return snippet;
  });
}

/**
 * Queries as people type them, drawn from the library itself: two to four Chinese characters,
 * English prefixes and words, mixed queries, single characters, and some that match nothing.
 */
export function queryMix(snippets: readonly Snippet[], count: number, seed = 7): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const chineseRun = (length: number) => {
    for (;;) {
      const body = pick(snippets).body;
      const at = Math.floor(next() * body.length);
      const run = body.slice(at, at + length);
      if (run.length === length && /^[\u4e00-\u9fff]+$/.test(run)) return run;
    }
  };
  const word = () => pick(ENGLISH_WORDS);
  const makers = [
    () => chineseRun(2),
    () => chineseRun(2),
    () => chineseRun(3),
    () => chineseRun(4),
    () => chineseRun(1),
    () => word().slice(0, 3),
    () => word().slice(0, 5),
    () => word(),
    () => word()[0],
    () => `${word()} ${word().slice(0, 2)}`,
    () => `${chineseRun(2)} ${word().slice(0, 4)}`,
    () => `${2020 + Math.floor(next() * 6)}年`,
    () => `${chineseRun(2)}${chineseRun(2)}`,
    () => 'zzqx不存在',
  ];
  return Array.from({ length: count }, () => pick(makers)());
}
