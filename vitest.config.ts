import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // tests/bench/*.bench.mjs are Node scripts that drive a browser, not Vitest benchmarks.
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
  },
});
