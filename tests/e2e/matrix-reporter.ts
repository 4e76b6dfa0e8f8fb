/**
 * Collects the editor contract results into the README's editor table, so the table says what
 * the browser tests showed, not what anyone typed. Every run writes the table to
 * .tmp/test-reports/editor-matrix.md; `npm run docs:matrix` also puts it into the README.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

const COLUMNS: [string, RegExp][] = [
  ['Detected', /is detected and named/],
  ['Insert plain', /inserts plain text/],
  ['Insert rich', /inserts a rich section/],
  ['Undo (one step)', /inserts .*undone by one Ctrl\+Z/],
  ['Read text', /reads the whole text/],
  ['Select by offsets', /selects a text range/],
];

const START = '<!-- editor-matrix:start -->';
const END = '<!-- editor-matrix:end -->';

export default class MatrixReporter implements Reporter {
  private readonly rows = new Map<string, Map<string, boolean>>();

  onTestEnd(test: TestCase, result: TestResult) {
    // Contract tests are titled "<Name> (<family>[, variant]) › <behaviour>".
    const describe = test.parent.title;
    if (!/\(.+\)$/.test(describe) || !test.location.file.includes('editor-contract')) return;
    const row = this.rows.get(describe) ?? new Map<string, boolean>();
    for (const [column, pattern] of COLUMNS) {
      if (!pattern.test(test.title)) continue;
      const passed = result.status === 'passed';
      row.set(column, (row.get(column) ?? true) && passed);
    }
    this.rows.set(describe, row);
  }

  onEnd(_result: FullResult) {
    if (this.rows.size === 0) return;
    const cell = (row: Map<string, boolean>, column: string) => (!row.has(column) ? '–' : row.get(column) ? '✓' : '✗');
    const lines = [
      `| Editor | ${COLUMNS.map(([c]) => c).join(' | ')} |`,
      `|---|${COLUMNS.map(() => '---').join('|')}|`,
      ...[...this.rows].sort(([a], [b]) => a.localeCompare(b)).map(([name, row]) => `| ${name} | ${COLUMNS.map(([c]) => cell(row, c)).join(' | ')} |`),
    ];
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
