import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension loaded into Debian's Chromium through playwright-core.
// Run after `wxt build` (npm run test:e2e does both).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // Chromium on a loaded 2-core machine: give page state time to settle before a poll fails.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    reporters: ['default'],
  },
});
