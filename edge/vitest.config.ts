import { createHash } from 'node:crypto';
import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { APP_ORIGIN, FAKE_KEYS, TEST_TOKENS } from './test/support/test-constants.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export default defineConfig({
  plugins: [
    cloudflareTest(async ({ inject }) => {
      const fakeUrl = inject('fakeUrl');
      return {
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          // Test-only values over wrangler.toml's vars; every upstream is the local fake.
          bindings: {
            TEST_MIGRATIONS: await readD1Migrations(path.join(import.meta.dirname, 'migrations')),
            ALLOWED_ORIGINS: APP_ORIGIN,
            ACCESS_TOKEN_HASHES: `main:${sha256(TEST_TOKENS.main)},limited:${sha256(TEST_TOKENS.limited)},quota:${sha256(TEST_TOKENS.quota)}`,
            GEMINI_API_KEY: FAKE_KEYS.geminiServer,
            GEMINI_BASE_URL: fakeUrl,
            GEMINI_MODELS: 'gemini-2.5-flash,gemini-3.1-flash-image,gemini-2.5-flash-preview-tts',
            VEO_BASE_URL: fakeUrl,
            VEO_MODELS: 'veo-3.1-generate-preview,veo-3.1-fast-generate-preview',
            RUNWAY_API_KEY: FAKE_KEYS.runway,
            RUNWAY_BASE_URL: fakeUrl,
            RUNWAY_MODELS: 'gen4_turbo,veo3.1_fast',
            PEXELS_API_KEY: FAKE_KEYS.pexels,
            PEXELS_BASE_URL: fakeUrl,
            PIXABAY_API_KEY: FAKE_KEYS.pixabay,
            PIXABAY_BASE_URL: fakeUrl,
            OPENAI_API_KEY: FAKE_KEYS.openai,
            OPENAI_BASE_URL: fakeUrl,
            OPENAI_VIDEO_MODELS: 'sora-2,sora-2-pro',
            RENDER_BACKEND_URL: fakeUrl,
            RENDER_BACKEND_TOKEN: FAKE_KEYS.render,
            RATE_LIMIT_PER_MINUTE: '1000',
            DAILY_QUOTA_UNITS: '100000',
            UPSTREAM_TIMEOUT_MS: '1500',
            STREAM_IDLE_TIMEOUT_MS: '1000',
            // Suites share one address; throttle tests lower these per request with a unique address.
            AUTH_FAILURES_PER_MINUTE: '10000',
            SHARE_READS_PER_MINUTE: '10000',
          },
        },
      };
    }),
  ],
  test: {
    globalSetup: ['./test/support/global-setup.ts'],
    setupFiles: ['./test/support/apply-migrations.ts'],
    include: ['test/**/*.test.ts'],
    // 2 cores: one workerd at a time keeps runs steady.
    maxWorkers: 1,
    testTimeout: 15_000,
    // The edge logs one JSON line per request; keep test output readable.
    onConsoleLog: (log) => !log.includes('"msg":"request"'),
  },
});
