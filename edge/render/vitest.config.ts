import { defineConfig } from 'vitest/config';
import { isRemotionTargetClosed } from './src/remotion-target-closed';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real renders keep both cores busy: one test file at a time, in one process.
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Only Remotion's late "Target closed" after a render already failed is ignored; anything else fails the run.
    onUnhandledError: (error) => (isRemotionTargetClosed(error) ? false : undefined),
  },
});
