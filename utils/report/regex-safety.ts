/**
 * The check every regular expression the user writes goes through (placeholder rules, cleanup
 * rules). Such a pattern runs on every keystroke or over a whole document, so it must be valid,
 * never match empty text, and never backtrack catastrophically. Pure: strings in, plain data out.
 */

export type PatternCheck = { ok: true; regex: RegExp } | { ok: false; message: string };

const SLOW_MS = 20;

/** A piece of a parsed pattern: one atom with its repeat count. */
interface PatternTerm {
  /** The atom as written, for messages and for telling alternatives apart. */
  token: string;
  min: number;
  max: number;
  /** Alternatives inside a group. */
  body?: PatternTerm[][];
  /** `^`, `$`, `\b`, lookarounds: match no text. */
  assertion: boolean;
  /** The atom with its quantifier. */
  source: string;
}

/** Splits an already valid pattern into alternatives of quantified atoms. */
function parsePattern(pattern: string): PatternTerm[][] {
  let i = 0;
  const rest = () => pattern.slice(i);

  function alternation(): PatternTerm[][] {
    const alternatives: PatternTerm[][] = [[]];
    while (i < pattern.length && pattern[i] !== ')') {
      if (pattern[i] === '|') {
        alternatives.push([]);
        i++;
        continue;
      }
      const begin = i;
      const term = atom();
      const quantifier = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(rest());
      if (quantifier) {
        const [whole, symbol, min, comma, max] = quantifier;
        i += whole.length;
        if (!term.assertion) {
          term.min = symbol === '+' ? 1 : symbol ? 0 : Number(min);
          term.max = symbol === '?' ? 1 : symbol ? Infinity : !comma ? Number(min) : max ? Number(max) : Infinity;
        }
      }
      term.source = pattern.slice(begin, i);
      alternatives[alternatives.length - 1].push(term);
    }
    return alternatives;
  }

  function atom(): PatternTerm {
    const single = (token: string, assertion = false): PatternTerm => {
      i += token.length;
      return { token, min: assertion ? 0 : 1, max: assertion ? 0 : 1, assertion, source: token };
    };
    const c = pattern[i];
    if (c === '(') {
      const opening = /^\((?:\?(?:[:=!]|<[=!]|<[^>]*>))?/.exec(rest())![0];
      i += opening.length;
      const body = alternation();
      i++; // ')'
      const assertion = /^\(\?<?[=!]/.test(opening);
      return { token: opening, min: 1, max: 1, body, assertion, source: '' };
    }
    if (c === '[') {
      let j = i + 1;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      return single(pattern.slice(i, j + 1));
    }
    if (c === '\\') {
      const escape = /^\\(?:u\{[\da-fA-F]+\}|u[\da-fA-F]{4}|x[\da-fA-F]{2}|[pP]\{[^}]*\}|k<[^>]*>|c[A-Za-z]|\d+|[\s\S])/.exec(rest())![0];
      return single(escape, escape === '\\b' || escape === '\\B');
    }
    if (c === '^' || c === '$') return single(c, true);
    const code = pattern.charCodeAt(i);
    return single(code >= 0xd800 && code <= 0xdbff ? pattern.slice(i, i + 2) : c);
  }

  return alternation();
}

const repeats = (alternatives: PatternTerm[][]): boolean =>
  alternatives.some((seq) => seq.some((t) => t.max === Infinity || (t.body !== undefined && repeats(t.body))));

/** A plain atom every pass through the alternative must consume: `,` in `(\d+,)*`. */
const hasFixedAtom = (seq: PatternTerm[]) =>
  seq.some((t) => !t.body && !t.assertion && t.min >= 1 && t.max !== Infinity);

/** `(a|a)*`, `(a|ab)+`: alternatives that start alike. */
function startsAlike(alternatives: PatternTerm[][]): boolean {
  const starts = alternatives.map((seq) => seq[0]).filter((t) => t && !t.body && t.min >= 1).map((t) => t.token);
  return new Set(starts).size < starts.length;
}

/**
 * The part of the pattern that repeats a repetition with nothing to pin each pass, `(a+)+`,
 * `(\w+\s*)*`, or repeats alternatives that start alike, `(a|a)*`: such text can be split in
 * exponentially many ways before the engine gives up.
 */
function findNestedRepetition(alternatives: PatternTerm[][]): string | null {
  for (const seq of alternatives) {
    for (const term of seq) {
      if (!term.body) continue;
      const unpinned = repeats(term.body) && term.body.some((inner) => !hasFixedAtom(inner));
      if (term.max === Infinity && (unpinned || startsAlike(term.body))) return term.source;
      const inner = findNestedRepetition(term.body);
      if (inner) return inner;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Runs that make every start of the search cost the rest of the text

/**
 * Characters that stand for text in the checks below: ASCII, spaces and line breaks, Chinese
 * characters and punctuation, full-width forms, the x and circle marks of placeholders. What an
 * atom matches among them (plus the pattern's own characters) tells how broad it is, and
 * whether two atoms can match the same character.
 */
const SAMPLE_ALPHABET = [
  ...Array.from({ length: 0x5f }, (_, i) => String.fromCharCode(0x20 + i)),
  '\t', '\n', '\r', '\u00a0', '\u3000',
  ...'中文年月日项个次市区某单位名称工作报告完成',
  ...'，。、；：！？（）【】《》“”‘’…—·',
  ...'０１９ＡＺａｚＸｘ×〇○_＿',
];

/** A broad atom matches at least this share of the alphabet: `.`, `[\s\S]`, `[^,]`, `\S`. */
const BROAD_SHARE = 0.5;

type CharSet = ReadonlySet<string>;

/** The characters of the alphabet (and of the pattern) a plain atom matches. */
function charsOf(token: string, flags: string, alphabet: readonly string[]): CharSet {
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${token})$`, flags.replace(/[gy]/g, ''));
  } catch {
    return new Set();
  }
  return new Set(alphabet.filter((c) => regex.test(c)));
}

const overlaps = (a: CharSet, b: CharSet) => [...a].some((c) => b.has(c));

interface Analysis {
  flags: string;
  alphabet: readonly string[];
  cache: Map<string, CharSet>;
}

function atomChars(term: PatternTerm, analysis: Analysis): CharSet {
  let chars = analysis.cache.get(term.token);
  if (!chars) {
    chars = charsOf(term.token, analysis.flags, analysis.alphabet);
    analysis.cache.set(term.token, chars);
  }
  return chars;
}

/** The characters a sequence can start with (through optional terms). */
function firstChars(seq: readonly PatternTerm[], analysis: Analysis): Set<string> {
  const first = new Set<string>();
  for (const term of seq) {
    if (term.assertion) continue;
    const chars = term.body ? term.body.flatMap((alt) => [...firstChars(alt, analysis)]) : [...atomChars(term, analysis)];
    for (const c of chars) first.add(c);
    if (term.min >= 1) break;
  }
  return first;
}

const isBackreference = (token: string) => /^\\(?:[1-9]\d*|k<)/.test(token);
const isLookbehind = (token: string) => /^\(\?<[=!]/.test(token);

/** Whether anything inside repeats without bound. */
const holdsUnboundedRun = (alternatives: PatternTerm[][]): boolean =>
  alternatives.some((seq) => seq.some((t) => t.max === Infinity || (t.body !== undefined && holdsUnboundedRun(t.body))));

/** Whether anything inside repeats without bound a broad atom, or a group. */
function holdsBroadRunWith(broad: (term: PatternTerm) => boolean) {
  const holds = (alternatives: PatternTerm[][]): boolean =>
    alternatives.some((seq) => seq.some((t) => (t.max === Infinity && (t.body !== undefined || broad(t))) || (t.body !== undefined && holds(t.body))));
  return holds;
}

/**
 * Shapes that make a scan of a long document slow, found without running the pattern: a
 * plain-words reason, or null. The scan tries the pattern from every character of the text, so a
 * run that can go on to the end of the document before the match fails costs the document's
 * length at every character: a 1 MB report takes minutes.
 */
function findSlowShape(alternatives: PatternTerm[][], flags: string, pattern: string): string | null {
  const analysis: Analysis = { flags, alphabet: [...new Set([...SAMPLE_ALPHABET, ...pattern])], cache: new Map() };
  const broad = (term: PatternTerm) => !term.body && atomChars(term, analysis).size >= analysis.alphabet.length * BROAD_SHARE;
  const holdsBroadRun = holdsBroadRunWith(broad);
  // `^` without the m flag: the pattern is tried at the start of the text alone.
  const anchoredAtStart = (seq: PatternTerm[]) => !flags.includes('m') && seq[0]?.token === '^';

  /** `anchored`: tried at one place only, so a run to the end of the text costs it once, not at every character. */
  const walk = (alts: PatternTerm[][], atStart: boolean, anchored: boolean): string | null => {
    for (const seq of alts) {
      const once = anchored || (atStart && anchoredAtStart(seq));
      // Whether every term so far may match nothing: the pattern may start here.
      let leading = atStart;
      for (let i = 0; i < seq.length; i++) {
        const term = seq[i];
        if (isBackreference(term.token)) {
          return `"${term.source}" repeats what a group matched; on some text the engine tries every way to split it. Write out what it should match instead.`;
        }
        if (term.body) {
          if (term.assertion && holdsBroadRun(term.body)) {
            return (
              `"${term.source}" looks ${isLookbehind(term.token) ? 'back' : 'ahead'} over text of any length, at every character of the document. ` +
              'Give its repeats a bound, such as {0,20}.'
            );
          }
          if (term.max >= 2 && term.max !== Infinity && holdsUnboundedRun(term.body)) {
            return `"${term.source}" repeats a fixed number of times a group whose own repeat has no bound; on text where it fails, the engine tries every way to share the text out. Bound the inner repeat, such as {0,20}.`;
          }
          if (term.max >= 2 && term.body.length > 1) {
            const starts = term.body.map((alt) => firstChars(alt, analysis));
            for (let a = 0; a < starts.length; a++) {
              for (let b = a + 1; b < starts.length; b++) {
                if (overlaps(starts[a], starts[b])) {
                  return `"${term.source}" repeats alternatives that can match the same text, so the engine can split a long text between them in exponentially many ways. Make the alternatives start differently.`;
                }
              }
            }
          }
          const inner = walk(term.body, leading, once);
          if (inner) return inner;
        }
        if (term.max === Infinity && !term.assertion && !once) {
          const next = seq.slice(i + 1).find((t) => !t.assertion && t.min >= 1);
          // A repeated group counts when it starts with almost any character: `(?:.|\n)*`.
          const runChars = term.body ? firstChars([term], analysis) : atomChars(term, analysis);
          const broadRun = runChars.size >= analysis.alphabet.length * BROAD_SHARE;
          if (next && (!term.body || broadRun)) {
            const nextChars = next.body ? firstChars([next], analysis) : atomChars(next, analysis);
            if (overlaps(runChars, nextChars)) {
              return `"${term.source}" can also match the "${next.source}" after it, so from every character it runs on to the end of the text before the match fails. Use a class that stops there${/^\\?.$/.test(next.source) ? `, such as [^${next.source}]` : ''}, or a bound such as {1,20}.`;
            }
            if (leading && broadRun) {
              return `The pattern starts with "${term.source}", a run of almost any text: the search would try it from every character of the document and run on to its end. Start with the text that marks the placeholder, or bound the run, such as {1,20}.`;
            }
          }
        }
        if (!term.assertion && term.min >= 1) leading = false;
      }
    }
    return null;
  };
  return walk(alternatives, true, false);
}

/** A character `token` matches, for the inputs below; null when the defaults cover it (`\w`, `.`). */
function sampleCharacter(token: string): string | null {
  if (token === '\\d') return '1';
  if (token === '\\s') return ' ';
  if (/^\\\W$/.test(token)) return token[1]; // `\.`, `\[`
  if (token.startsWith('[')) return /^\[([^\\^\]])/.exec(token)?.[1] ?? null; // first member of a class
  if (token.startsWith('\\') || token === '.') return null;
  return token;
}

/** A text one pass through `seq` matches: `xy` for `xy`, `1,` for `\d+,`. */
function sampleSequence(seq: PatternTerm[]): string {
  return seq
    .map((t) => {
      if (t.assertion) return '';
      const one = t.body ? sampleSequence(t.body[0]) : (sampleCharacter(t.token) ?? 'a');
      return one.repeat(Math.min(Math.max(t.min, 1), 4));
    })
    .join('');
}

/**
 * Common characters, alone and in pairs of different classes: patterns that have a class of
 * their own (`\w`, `.`, `[^x]`) or only choke on mixed text are tried on these.
 */
const COMMON_UNITS = ['a', 'A', 'x', '1', ' ', '\n', '中', '.', '，', 'ab', 'a ', '1a', '中,'];

/**
 * What test inputs repeat: the characters the pattern's atoms match and one pass through each
 * of its groups (`^(?:[xy]|xy)*$` only chokes on `xyxy…`), then the common units.
 */
function trialUnits(alternatives: PatternTerm[][]): string[] {
  const own = new Set<string>();
  const walk = (alts: PatternTerm[][]) => {
    for (const term of alts.flat()) {
      if (term.body) {
        for (const inner of term.body) own.add(sampleSequence(inner));
        walk(term.body);
      } else if (!term.assertion) {
        own.add(sampleCharacter(term.token) ?? 'a');
      }
    }
  };
  walk(alternatives);
  own.delete('');
  return [...new Set([...[...own].slice(0, 12), ...COMMON_UNITS])];
}

/** Short texts an empty match hides in, besides the trial units: ends of lines, mixed words. */
const EMPTY_PROBES = ['', '\n', 'a b', '中文', 'x1\n\n'];

/** Whether the pattern matches empty text anywhere in a probe, also after a real match (`b|(?<=b)`). */
function canMatchEmpty(regex: RegExp, units: string[]): boolean {
  const global = new RegExp(regex.source, regex.flags + 'g');
  return [...EMPTY_PROBES, ...units].some((probe) => [...probe.matchAll(global)].some((m) => m[0] === ''));
}

/**
 * Input lengths: small steps while short, so that an exponential pattern stops the trial soon
 * after it exceeds SLOW_MS; then ×1.25, so that a cubic one does not overshoot by much either.
 */
const TRIAL_LENGTHS: number[] = [];
for (let n = 10; n < 1024; n = n < 48 ? n + 2 : Math.ceil(n * 1.25)) TRIAL_LENGTHS.push(n);
TRIAL_LENGTHS.push(1024);

/**
 * A short input the pattern takes over SLOW_MS on, or null. Inputs grow, so a bad pattern stops
 * early instead of running for minutes; each ends in a character text rarely holds, so that a
 * pattern anchored at the end fails and backtracks. A slow run is repeated so that a pause of the
 * engine (garbage collection) does not refuse a good pattern.
 */
function findSlowInput(regex: RegExp, units: string[]): string | null {
  const isSlow = (input: string) => {
    const begin = performance.now();
    regex.exec(input);
    return performance.now() - begin > SLOW_MS;
  };
  for (const unit of units) {
    for (const n of TRIAL_LENGTHS) {
      const input = unit.repeat(Math.ceil(n / unit.length)) + '\u0000';
      if (isSlow(input) && isSlow(input)) return input;
    }
  }
  return null;
}

function judge(pattern: string, flags: string): PatternCheck {
  if (pattern === '') return { ok: false, message: 'The pattern is empty.' };
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, flags);
  } catch (error) {
    return { ok: false, message: `Invalid pattern: "${(error as Error).message}".` };
  }
  const terms = parsePattern(pattern);
  const nested = findNestedRepetition(terms);
  if (nested) {
    return {
      ok: false,
      message:
        `"${nested}" repeats something that already repeats; on some text that takes exponential ` +
        'time and could freeze the page. Repeat one thing once, e.g. a+ instead of (a+)+.',
    };
  }
  const slowShape = findSlowShape(terms, flags, pattern);
  if (slowShape) return { ok: false, message: slowShape };
  const units = trialUnits(terms);
  if (canMatchEmpty(regex, units)) {
    return {
      ok: false,
      message: 'The pattern can match empty text, so it would match everywhere. Make it need at least one character.',
    };
  }
  const slow = findSlowInput(regex, units);
  if (slow !== null) {
    return {
      ok: false,
      message:
        `The pattern took over ${SLOW_MS} ms on a test text of ${slow.length} characters ` +
        `(${JSON.stringify(slow.slice(0, 12) + '…')}); it could freeze the page.`,
    };
  }
  return { ok: true, regex };
}

/** Judging runs the pattern on slow inputs, so each pattern and flags is judged once. */
const judged = new Map<string, PatternCheck>();

/**
 * Whether a user's pattern is safe to run: valid with `flags`, never matching empty text, and
 * without the nested repeats or heavy backtracking that can freeze the page for seconds.
 * `flags` must hold neither `g` nor `y`: the returned regex is cached and shared, so it must
 * keep no lastIndex; a caller that scans adds `g` to its own copy.
 */
export function checkUserPattern(pattern: string, flags = ''): PatternCheck {
  const key = `${flags}/${pattern}`;
  let check = judged.get(key);
  if (!check) {
    check = judge(pattern, flags);
    if (judged.size >= 256) judged.clear();
    judged.set(key, check);
  }
  return check;
}

/** Length of the long texts scanTrial scans: what a report of a few pages holds. */
const SCAN_TRIAL_LENGTH = 32_768;
/** A linear pattern scans SCAN_TRIAL_LENGTH characters in a few milliseconds. */
const SCAN_TRIAL_MS = 150;
/** A line of a real report, for the trial on ordinary text. */
const REPORT_LINE = '截至xxxx年x月，本单位完成xx项任务，走访xx户群众，形成【调研报告】一份（待补充）。\n';

/**
 * The long trial, for a worker: scans texts of SCAN_TRIAL_LENGTH characters built from the
 * pattern's own characters and from report text, the way the checklist scans a document (every
 * match, from every start). A quadratic pattern that the short trial of checkUserPattern cannot
 * see takes seconds here. A plain-words refusal, or null. A run that never ends freezes the
 * worker: its caller stops it after a budget of its own.
 */
export function scanTrial(regex: RegExp): string | null {
  const global = new RegExp(regex.source, regex.flags.replace(/[gy]/g, '') + 'g');
  const units = [...trialUnits(parsePattern(regex.source)).slice(0, 16), REPORT_LINE];
  for (const unit of units) {
    const input = unit.repeat(Math.ceil(SCAN_TRIAL_LENGTH / unit.length));
    const begin = performance.now();
    global.lastIndex = 0;
    let slow = false;
    for (let m = global.exec(input); m !== null && !slow; m = global.exec(input)) {
      if (m[0] === '') global.lastIndex++;
      slow = performance.now() - begin > SCAN_TRIAL_MS;
    }
    if (slow || performance.now() - begin > SCAN_TRIAL_MS) {
      return `The pattern took over ${SCAN_TRIAL_MS} ms to scan a test text of ${input.length} characters (${JSON.stringify(input.slice(0, 12) + '…')}); on a long report it could freeze the checklist.`;
    }
  }
  return null;
}
