import { defineConfig } from 'vitest/config';

// Browser tests (tests/e2e): one real server over a small demo world for the whole run
// (tests/e2e/global-setup.ts), Debian's Chromium driven by playwright-core, one file at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['./tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
