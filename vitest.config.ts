import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'rules/**/*.test.ts', 'bin/**/*.test.ts', 'action/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.mjs'],
    testTimeout: 60_000,
    pool: 'threads',
    // The CLI tests run the built command; this builds it first when dist/ is missing or stale.
    globalSetup: ['test/global-setup.ts'],
  },
});
