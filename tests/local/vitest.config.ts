import { defineConfig } from 'vitest/config';

/**
 * Local services of `npm start`, in Node: the demo providers' media maker (Debian ffmpeg) and the
 * providers' wire formats, and `npm start` itself (app, edge and render service on free ports).
 */
export default defineConfig({
  test: {
    include: ['tests/local/**/*.test.ts'],
    environment: 'node',
    // Two cores: ffmpeg, wrangler and the render service are heavy; one file at a time.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
