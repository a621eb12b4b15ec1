// `npm run dev`: the edge on http://127.0.0.1:8787 with `wrangler dev`, fully offline.
// By default the providers are the local demo providers (local/, on :8790: real clips and images
// made with ffmpeg, labelled LOCAL DEMO) and a fixed dev access token is accepted.
// `npm run dev -- --real` uses .dev.vars as-is (real keys; needs network).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCAL_PROVIDER_KEY, startLocalProviders } from '../local/local-providers.mjs';

const EDGE_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const PORT = 8787;
const FAKES_PORT = 8790;
const DEV_TOKEN = 'director-dev-token';
const real = process.argv.includes('--real');

const quietEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CI: process.env.CI ?? '1', // non-interactive: no prompts, no hotkey bar
};
const wrangler = path.join(EDGE_DIR, 'node_modules', '.bin', 'wrangler');

// Local D1 needs its tables before the first share.
const migrate = spawnSync(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local'], { cwd: EDGE_DIR, env: quietEnv, encoding: 'utf8' });
if (migrate.status !== 0) {
  console.error(migrate.stdout, migrate.stderr);
  process.exit(migrate.status ?? 1);
}

let local;
const vars = [];
if (!real) {
  local = await startLocalProviders({ port: FAKES_PORT });
  if (!local.videoMaker.ok) console.warn(`[edge] ${local.videoMaker.message}`);
  const hash = createHash('sha256').update(DEV_TOKEN).digest('hex');
  const set = (name, value) => vars.push('--var', `${name}:${value}`);
  set('ACCESS_TOKEN_HASHES', `dev:${hash}`);
  set('GEMINI_API_KEY', LOCAL_PROVIDER_KEY);
  set('GEMINI_BASE_URL', local.url);
  set('VEO_BASE_URL', local.url);
  set('RUNWAY_API_KEY', LOCAL_PROVIDER_KEY);
  set('RUNWAY_BASE_URL', local.url);
  set('LOCAL_PROVIDERS', 'gemini,veo,runway');
  // The render service (edge/render) on its default port; `npm start` passes the one it runs.
  set('RENDER_BACKEND_URL', process.env.DIRECTOR_RENDER_URL ?? 'http://127.0.0.1:8788');
  set('RENDER_BACKEND_TOKEN', process.env.DIRECTOR_RENDER_TOKEN ?? 'director-dev-render-token');
}

const child = spawn(
  wrangler,
  ['dev', '--local', '--ip', '127.0.0.1', '--port', String(PORT), '--show-interactive-dev-session=false', '--log-level', 'warn', ...vars],
  { cwd: EDGE_DIR, env: quietEnv, stdio: ['ignore', 'inherit', 'inherit'] },
);

console.log(
  real
    ? `[edge] wrangler dev on http://127.0.0.1:${PORT} with .dev.vars`
    : `[edge] wrangler dev on http://127.0.0.1:${PORT}; local demo providers on ${local.url}\n[edge] access token: ${DEV_TOKEN}  (curl -H "Authorization: Bearer ${DEV_TOKEN}" http://127.0.0.1:${PORT}/api/providers)`,
);

const stop = async () => {
  child.kill('SIGTERM');
  await local?.close();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', async (code) => {
  await local?.close();
  process.exit(code ?? 0);
});
