// @vitest-environment jsdom
// The panel sanitizes imported HTML with DOMPurify, which needs a faithful DOM (happy-dom lets
// scripts through); jsdom's is slower than Chromium's, so the import figure errs high.
// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { bench, describe } from 'vitest';
import { applyImport, exportBackup, parseBackup, planImport } from '../../utils/db/backup';
import { ReportDatabase } from '../../utils/db/database';
import { sanitizeHtml } from '../../utils/sanitize';
import { readSample } from '../unit/samples';
import { snippetCorpus } from './snippet-corpus';

// Goals with 10,000 snippets of mixed Chinese and English, a quarter of them rich: import ≤ 2 s
// and export ≤ 1 s (fake-indexeddb).

const SNIPPETS = 10_000;
const NOW = Date.UTC(2025, 5, 1);
const chinese = readSample('zh-duty-report-2023.txt') + readSample('zh-notice-2019-tax-credit.txt');
const library = snippetCorpus(SNIPPETS, chinese, NOW);

describe(`backup, ${SNIPPETS.toLocaleString('en')} snippets (fake-indexeddb)`, () => {
  let source: ReportDatabase;
  let exported = '';
  let round = 0;

  bench(
    'export (goal ≤ 1 s)',
    async () => {
      exported = await exportBackup(source);
    },
    {
      iterations: 5,
      warmupIterations: 1,
      setup: async () => {
        source = new ReportDatabase(`bench-export-${round++}`);
        await source.snippets.bulkPut(library);
      },
      teardown: async () => {
        await source.delete();
      },
    },
  );

  bench(
    'import: parse, validate, sanitize, preview and write (goal ≤ 2 s)',
    async () => {
      const target = new ReportDatabase(`bench-import-${round++}`);
      const parsed = parseBackup(exported);
      if (!parsed.ok) throw new Error(`backup refused: ${JSON.stringify(parsed.problem)}`);
      await applyImport(target, await planImport(target, parsed.backup, sanitizeHtml));
      if ((await target.snippets.count()) !== SNIPPETS) throw new Error('import lost snippets');
      await target.delete();
    },
    {
      iterations: 5,
      warmupIterations: 1,
      setup: async () => {
        if (exported) return;
        const db = new ReportDatabase('bench-import-source');
        await db.snippets.bulkPut(library);
        exported = await exportBackup(db);
        await db.delete();
      },
    },
  );
});
