// `npm run bench:check`: the pre-submission check on real documents with injected defects, its
// findings on untouched originals, and its speed (tests/bench/check-mutation.ts). Prints figures
// and fails only when the benchmark cannot run.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['vite-node', 'tests/bench/check-mutation.ts'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
