// `npm run bench:corpus`: scores the placeholder engine on the hand-labelled corpus
// (tests/fixtures/corpus/). It prints figures and fails only when the scoring cannot run.
import { spawnSync } from 'node:child_process';

// vite-node is installed with vitest (which depends on it) and runs the TypeScript report as is.
const result = spawnSync('npx', ['vite-node', 'tests/bench/corpus-report.ts'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
