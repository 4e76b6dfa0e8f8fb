// A node:test reporter that writes one JSON object, { passed, failed, skipped, durationMs,
// failures }, for scripts/test.mjs to count. Suites are not counted, only tests.
export default async function* jsonReporter(source) {
  const result = { passed: 0, failed: 0, skipped: 0, durationMs: 0, failures: [] };
  const started = Date.now();
  for await (const event of source) {
    const { data } = event;
    // A suite ends with test:pass/test:fail too; its details say so.
    if ((event.type === 'test:pass' || event.type === 'test:fail') && data.details?.type === 'suite') continue;
    if (event.type === 'test:pass') result[data.skip || data.todo ? 'skipped' : 'passed']++;
    if (event.type === 'test:fail') {
      result.failed++;
      result.failures.push({ name: data.name, error: String(data.details?.error?.cause ?? data.details?.error ?? '').slice(0, 500) });
    }
  }
  result.durationMs = Date.now() - started;
  yield `${JSON.stringify(result, null, 2)}\n`;
}
