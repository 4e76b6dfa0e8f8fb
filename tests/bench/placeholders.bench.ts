import { bench, describe } from 'vitest';
import { updatePlaceholders } from '../../utils/report/checklist';
import { findPlaceholders, findPlaceholdersByLine, setExamplesAside } from '../../utils/report/placeholders';
import { diffText } from '../../utils/report/text-delta';
import { readSample } from '../unit/samples';

// Goals: the sample ≤ 0.5 ms, 1 MB ≤ 20 ms, the work after one edit in 1 MB ≤ 2 ms.

const report = readSample('zh-duty-report-2023.txt');

/** English report text with its own placeholders and many x's that are not. */
const ENGLISH = `
Annual report for [Company Name], prepared by <Author Name> on xx/xx/20XX. Revenue grew by XX% to
$X.X million; the target for next year is TBD. The maximum load of the x86 boxes rose after the
Xbox team moved to http://x.com/max, see the appendix [1] and [the tables](https://example.com).
TODO: confirm the figures with {{finance_lead}} before the board meets on ____ (date to follow).
Each 3x3 panel held 1 x 2 modules; the next review covers the complex tax matrix and export rules.
- [ ] send the draft to the auditors
- [x] collect the signatures
`;

/** About 1 MB (UTF-16 code units) of the sample and English text, alternating by paragraph. */
function mixedText(size: number): string {
  const chinese = report.split('\n').filter((line) => line.trim() !== '');
  const english = ENGLISH.split('\n').filter((line) => line.trim() !== '');
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const line = i % 3 === 2 ? english[i % english.length] : chinese[i % chinese.length];
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n').slice(0, size);
}

const big = mixedText(1 << 20);
const middle = big.indexOf('\n', big.length / 2) + 1;
const edited = big.slice(0, middle) + 'x' + big.slice(middle);

describe('findPlaceholders', () => {
  bench(`duty report sample (${report.length} chars)`, () => {
    findPlaceholders(report);
  });

  bench(`mixed Chinese/English text (${big.length} chars)`, () => {
    findPlaceholders(big);
  });
});

const byLine = findPlaceholdersByLine(big);
const delta = diffText(big, edited)!;

// What the checklist's worker does after each edit: rescan the lines around it, splice them
// into the list, set worked examples aside.
describe('one edit', () => {
  bench('one-character edit in the mixed text', () => {
    setExamplesAside(edited, updatePlaceholders(byLine, edited, delta));
  });
});

/** One line of 200,000 characters of `unit` repeated: a pasted table or a form flattened into one line. */
const longLine = (unit: string) => unit.repeat(Math.ceil(200_000 / unit.length)).slice(0, 200_000);
const LONG_LINES = {
  'spaced labels (电　　话：)': longLine('电　　话：'),
  'spaces and lines to write on': longLine('  ____'),
  'labels with fields (姓　名：____  )': longLine('姓　名：____  '),
  'court notes left open (……〔)': longLine('……〔'),
  'English labels (Name ____ )': longLine('Name ____ '),
  'prompts in capitals (A HERE )': longLine('A HERE '),
  'requests (Please )': longLine('Please '),
  'seals (专用章)': longLine('专用章'),
  'a seal after a long gap': 'x' + ' '.repeat(199_990) + 'x专用章',
  'notes wrapped at every line': ('（' + 'a'.repeat(119) + '\n').repeat(1600),
  'example words (条例)': longLine('条例'),
};

// Goal: each far below a second, as a line's cost grows with its length, not with its square.
describe('one line of 200,000 characters', () => {
  for (const [name, text] of Object.entries(LONG_LINES)) {
    bench(name, () => {
      findPlaceholders(text);
    }, { iterations: 3, time: 0 });
  }
});
