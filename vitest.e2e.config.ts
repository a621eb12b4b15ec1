import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built app served like `npm start`, driven in Debian Chromium. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // Two cores: one browser at a time keeps timings honest and the machine responsive.
    fileParallelism: false,
    // Two cores shared with workerd, vite and Chromium's own workers: a test that times out once is
    // run once more. A real break fails both times; the first failure's diagnostics still print.
    retry: 1,
  },
});
