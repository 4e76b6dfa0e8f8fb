// A node:test reporter that writes one JSON object, { passed, failed, skipped, durationMs,
// failures, results }, for scripts/test.mjs to count and the README's editor table to show
// (`results`: each test's suite, name and outcome). Suites are not counted, only tests.
export default async function* jsonReporter(source) {
  const result = { passed: 0, failed: 0, skipped: 0, durationMs: 0, failures: [], results: [] };
  const started = Date.now();
  // The suite a test runs in: the last one started at the top level.
  let suite = '';
  for await (const event of source) {
    const { data } = event;
    if (event.type === 'test:start' && data.nesting === 0) suite = data.name;
    // A suite ends with test:pass/test:fail too; its details say so.
    if ((event.type === 'test:pass' || event.type === 'test:fail') && data.details?.type === 'suite') continue;
    if (event.type === 'test:pass' || event.type === 'test:fail') {
      result.results.push({ suite: data.nesting > 0 ? suite : '', name: data.name, ok: event.type === 'test:pass' && !data.skip && !data.todo });
    }
    if (event.type === 'test:pass') result[data.skip || data.todo ? 'skipped' : 'passed']++;
    if (event.type === 'test:fail') {
      result.failed++;
      result.failures.push({ name: data.name, error: String(data.details?.error?.cause ?? data.details?.error ?? '').slice(0, 500) });
    }
  }
  result.durationMs = Date.now() - started;
  yield `${JSON.stringify(result, null, 2)}\n`;
}
