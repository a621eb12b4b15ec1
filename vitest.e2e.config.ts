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
    // No blanket retry: a second attempt hid flakes. Tests wait on signals (locators, marks, polls of
    // IndexedDB with a deadline); a test with a known browser race names it and retries on its own.
  },
});
