import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Media browser tests: the real media and audio workers in headless Chromium, served by a Vite dev server. */
export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
  test: {
    include: ['tests/media/**/*.browser.test.ts', 'tests/media/**/*.cli.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: one browser at a time.
    fileParallelism: false,
  },
});
