/**
 * Rules of the house that a newcomer would otherwise learn by breaking them: each is read from
 * the tree, so a new adapter, schema version or pure module is held to it the day it lands.
 * (Locale keys: tests/unit/locales.test.ts; messages and their schemas: tests/unit/protocol.test.ts.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '@/utils/db/migrations';

const read = (path: string) => readFileSync(path, 'utf8');
/** The families an adapter file declares: `family: 'x'`, or `domEditor('x', …)`. */
const familiesIn = (source: string) => [...source.matchAll(/\bfamily: '([\w-]+)'|domEditor\(\s*'([\w-]+)'/g)].map((m) => m[1] ?? m[2]);

describe('every editor adapter', () => {
  const adapters = readdirSync('utils/editors/adapters').filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'types.ts');
  // The browser matrix: each entry names a family and the test page it runs on.
  const matrix = readdirSync('tests/e2e/editors')
    .filter((f) => f.endsWith('.spec.ts'))
    .flatMap((f) => [...read(join('tests/e2e/editors', f)).matchAll(/family: '([\w-]+)',\s*name: '[^']*',\s*page: [`']([^`'?]+)/g)])
    .map((m) => ({ family: m[1], page: m[2] }));

  it.each(adapters)('%s has a page in the browser matrix', (file) => {
    const families = familiesIn(read(join('utils/editors/adapters', file)));
    expect(families.length).toBeGreaterThan(0);
    const pages = matrix.filter((entry) => families.includes(entry.family));
    expect(pages.length, `no matrix entry for ${families.join(', ')}`).toBeGreaterThan(0);
    for (const { page } of pages) expect(existsSync(join('tests/e2e/pages', page)), page).toBe(true);
  });

  it('is listed once in the adapter list', () => {
    const index = read('utils/editors/adapters/index.ts');
    for (const file of adapters) expect(index).toContain(`from './${file.replace(/\.ts$/, '')}'`);
  });
});

describe('every schema version', () => {
  it.each(SCHEMA_VERSIONS.map((s) => s.version))('version %i has a frozen schema and sample data', (version) => {
    const folder = `tests/fixtures/db/v${version}`;
    const schema = JSON.parse(read(`${folder}/schema.json`)) as { stores: Record<string, unknown> };
    const data = JSON.parse(read(`${folder}/data.json`)) as Record<string, unknown>;
    const declared = Object.keys(SCHEMA_VERSIONS.find((s) => s.version === version)!.stores);
    // Every table the version declared is frozen, and holds records to carry through upgrades.
    for (const table of declared) {
      expect(Object.keys(schema.stores)).toContain(table);
      expect(Array.isArray(data[table]) && (data[table] as unknown[]).length, `${folder}/data.json: ${table}`).toBeGreaterThan(0);
    }
  });
});

describe('pure modules', () => {
  const eslint = new ESLint();

  it('use no DOM, browser API, database or UI, by lint rule', async () => {
    const results = await eslint.lintFiles(['utils/report/**/*.ts', 'utils/search/**/*.ts', 'utils/sync/format.ts', 'utils/sync/merge.ts']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(problems).toEqual([]);
  }, 60_000);

  it('the rule catches a module that reaches for the page or the extension', async () => {
    const code = [
      "import { browser } from 'wxt/browser';",
      "import { database } from '../db/database';",
      'export const title = () => document.title + location.href + String(browser) + String(database);',
      '',
    ].join('\n');
    const [result] = await eslint.lintText(code, { filePath: 'utils/report/imaginary.ts' });
    const rules = result.messages.map((m) => m.ruleId);
    expect(rules.filter((r) => r === '@typescript-eslint/no-restricted-imports')).toHaveLength(2);
    expect(rules.filter((r) => r === 'no-restricted-globals')).toHaveLength(2);
  }, 60_000);
});
