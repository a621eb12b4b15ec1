// Starts the real edge bundle in workerd (Miniflare API) on a loopback port, wired to `upstreamUrl`.
// Shared by the bench; browser e2e tests can use it the same way.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { FAKE_DEFAULTS } from '../test/fakes/fake-upstreams.mjs';

const EDGE_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * @param {{ upstreamUrl: string, token: string, vars?: Record<string, string> }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startEdge({ upstreamUrl, token, vars = {} }) {
  const outdir = mkdtempSync(path.join(tmpdir(), 'director-edge-'));
  // The same bundle `wrangler deploy` would upload.
  const build = spawnSync(path.join(EDGE_DIR, 'node_modules', '.bin', 'wrangler'), ['deploy', '--dry-run', '--outdir', outdir], {
    cwd: EDGE_DIR,
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_HIDE_BANNER: 'true' },
  });
  if (build.status !== 0) throw new Error(`wrangler build failed:\n${build.stdout}\n${build.stderr}`);
  const script = readdirSync(outdir).find((f) => f.endsWith('.js'));

  const mf = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    cf: false,
    // The worker logs a JSON line per request; keep the caller's stdout for its own output.
    handleRuntimeStdio: (stdout, stderr) => {
      stdout.resume();
      stderr.resume();
    },
    modules: true,
    scriptPath: path.join(outdir, script),
    modulesRoot: outdir,
    compatibilityDate: '2026-04-26',
    compatibilityFlags: ['nodejs_compat'],
    durableObjects: { TOKEN_LIMITER: { className: 'TokenLimiter', useSQLite: true } },
    r2Buckets: ['SHARES_BUCKET'],
    d1Databases: ['DB'],
    bindings: {
      ALLOWED_ORIGINS: 'http://127.0.0.1:5173',
      ACCESS_TOKEN_HASHES: createHash('sha256').update(token).digest('hex'),
      GEMINI_API_KEY: FAKE_DEFAULTS.geminiKeys[0],
      GEMINI_BASE_URL: upstreamUrl,
      GEMINI_MODELS: 'gemini-2.5-flash',
      VEO_BASE_URL: upstreamUrl,
      VEO_MODELS: 'veo-3.1-generate-preview',
      RUNWAY_API_KEY: FAKE_DEFAULTS.runwayKey,
      RUNWAY_BASE_URL: upstreamUrl,
      RUNWAY_MODELS: 'gen4_turbo',
      OPENAI_API_KEY: FAKE_DEFAULTS.openaiKey,
      OPENAI_BASE_URL: upstreamUrl,
      OPENAI_VIDEO_MODELS: 'sora-2,sora-2-pro',
      RENDER_BACKEND_URL: upstreamUrl,
      RENDER_BACKEND_TOKEN: FAKE_DEFAULTS.renderToken,
      RATE_LIMIT_PER_MINUTE: '1000000',
      DAILY_QUOTA_UNITS: '1000000',
      ...vars,
    },
  });
  const url = (await mf.ready).toString().replace(/\/$/, '');
  // Shares need their table.
  const db = await mf.getD1Database('DB');
  for (const file of readdirSync(path.join(EDGE_DIR, 'migrations')).sort()) {
    const sql = readFileSync(path.join(EDGE_DIR, 'migrations', file), 'utf8').replace(/--.*$/gm, '');
    for (const statement of sql.split(';').map((s) => s.trim()).filter(Boolean)) await db.prepare(statement).run();
  }
  return {
    url,
    close: async () => {
      await mf.dispose();
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}
