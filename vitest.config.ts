import { defineConfig } from 'vitest/config';

/** Unit tests: pure core and the Dexie layer, in Node (fake-indexeddb stands in for the browser's). */
export default defineConfig({
  test: {
    include: ['tests/core/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/app/**/*.test.ts', 'tests/architecture/**/*.test.ts'],
    environment: 'node',
  },
});
