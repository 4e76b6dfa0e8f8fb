/**
 * Collects the editor contract results into the README's editor table, so the table says what
 * the browser tests showed, not what anyone typed. Every run writes the table to
 * .tmp/test-reports/editor-matrix.md; `npm run docs:matrix` also puts it into the README.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

const COLUMNS: [string, RegExp][] = [
  ['Detected', /is detected and named/],
  ['Insert plain', /inserts plain text/],
  ['Insert rich', /inserts a rich section/],
  ['Undo (one step)', /inserts .*undone by one Ctrl\+Z/],
  ['Read text', /reads the whole text/],
  ['Select, then type', /selects a text range/],
  ['Fill', /fills a placeholder from the checklist/],
  ['Fill all, one undo', /fills all of the same/],
  ['Highlight', /highlights every placeholder/],
];

/**
 * What a cell shows: every test behind it passed, one failed, or it cannot work for a named
 * reason (a `test.fail` that failed as expected, or a `test.skip`), shown as a note under the
 * table.
 */
type Cell = { state: 'passed' } | { state: 'failed' } | { state: 'limit'; mark: '✗' | '–'; reason: string };

function cellOf(test: TestCase, result: TestResult): Cell {
  const reason = (type: string) => test.annotations.find((a) => a.type === type)?.description ?? '';
  if (result.status === 'skipped') return { state: 'limit', mark: '–', reason: reason('skip') || 'not run' };
  if (test.expectedStatus === 'failed' && result.status !== 'passed') return { state: 'limit', mark: '✗', reason: reason('fail') };
  return result.status === 'passed' && test.expectedStatus === 'passed' ? { state: 'passed' } : { state: 'failed' };
}

/** Two results behind one cell (undo is checked by both insert tests): the worse one shows. */
function worse(a: Cell | undefined, b: Cell): Cell {
  if (!a || a.state === 'passed') return b;
  if (a.state === 'failed' || b.state === 'passed') return a;
  return b;
}

/** Where the Firefox run (tests/firefox, run first) left its results, suite by suite. */
const FIREFOX_REPORT = '.tmp/test-reports/firefox.json';
const FIREFOX_SUFFIX = ' in Firefox';

/** Each Firefox suite's outcome by its row name: ✓ when every test in it passed. */
function firefoxCells(): Map<string, string> | null {
  if (!existsSync(FIREFOX_REPORT)) return null;
  const report = JSON.parse(readFileSync(FIREFOX_REPORT, 'utf8')) as { results?: { suite: string; ok: boolean }[] };
  const cells = new Map<string, string>();
  for (const { suite, ok } of report.results ?? []) {
    if (!suite.endsWith(FIREFOX_SUFFIX)) continue;
    const row = suite.slice(0, -FIREFOX_SUFFIX.length);
    cells.set(row, cells.get(row) === '✗' || !ok ? '✗' : '✓');
  }
  return cells.size ? cells : null;
}

const START = '<!-- editor-matrix:start -->';
const END = '<!-- editor-matrix:end -->';

export default class MatrixReporter implements Reporter {
  private readonly rows = new Map<string, Map<string, Cell>>();

  onTestEnd(test: TestCase, result: TestResult) {
    // Contract tests are titled "<Name> (<family>[, variant]) › <behaviour>".
    const describe = test.parent.title;
    if (!/\(.+\)$/.test(describe) || !test.location.file.includes('editor-contract')) return;
    // An attempt that failed and will be tried again is not the test's outcome: its last attempt is.
    if (result.status !== 'passed' && result.status !== 'skipped' && result.retry < test.retries) return;
    const row = this.rows.get(describe) ?? new Map<string, Cell>();
    for (const [column, pattern] of COLUMNS) {
      if (pattern.test(test.title)) row.set(column, worse(row.get(column), cellOf(test, result)));
    }
    this.rows.set(describe, row);
  }

  onEnd(_result: FullResult) {
    if (this.rows.size === 0) return;
    const reasons: string[] = [];
    const cell = (row: Map<string, Cell>, column: string) => {
      const found = row.get(column);
      if (!found) return '–';
      if (found.state !== 'limit') return found.state === 'passed' ? '✓' : '✗';
      if (!reasons.includes(found.reason)) reasons.push(found.reason);
      return `${found.mark} ${reasons.indexOf(found.reason) + 1}`;
    };
    // Firefox: detected, insert, one-step undo, checklist count, select then type (tests/firefox).
    const firefox = firefoxCells();
    const firefoxCell = (name: string) => (firefox ? ` ${firefox.get(name) ?? '–'} |` : '');
    const lines = [
      `| Editor | ${COLUMNS.map(([c]) => c).join(' | ')} |${firefox ? ' Firefox |' : ''}`,
      `|---|${COLUMNS.map(() => '---').join('|')}|${firefox ? '---|' : ''}`,
      ...[...this.rows]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, row]) => `| ${name} | ${COLUMNS.map(([c]) => cell(row, c)).join(' | ')} |${firefoxCell(name)}`),
    ];
    if (reasons.length) lines.push('', ...reasons.map((reason, i) => `${i + 1}. ${reason}`));
    const table = lines.join('\n');
    mkdirSync('.tmp/test-reports', { recursive: true });
    writeFileSync('.tmp/test-reports/editor-matrix.md', `${table}\n`);
    if (!process.env.UPDATE_README) return;
    const readme = readFileSync('README.md', 'utf8');
    const from = readme.indexOf(START);
    const to = readme.indexOf(END);
    if (from < 0 || to < 0) throw new Error(`README.md has no ${START} … ${END} section`);
    writeFileSync('README.md', `${readme.slice(0, from + START.length)}\n${table}\n${readme.slice(to)}`);
  }
}
