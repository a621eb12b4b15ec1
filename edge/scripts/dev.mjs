// `npm run dev`: the edge on http://127.0.0.1:8787 with `wrangler dev`, fully offline.
// By default the paid upstreams are the local fakes (test/fakes, on :8790) and a fixed dev
// access token is accepted. `npm run dev -- --real` uses .dev.vars as-is (real keys; needs network).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAKE_DEFAULTS, startFakeUpstreams } from '../test/fakes/fake-upstreams.mjs';

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

let fakes;
const vars = [];
if (!real) {
  fakes = await startFakeUpstreams({ port: FAKES_PORT });
  const hash = createHash('sha256').update(DEV_TOKEN).digest('hex');
  const set = (name, value) => vars.push('--var', `${name}:${value}`);
  set('ACCESS_TOKEN_HASHES', `dev:${hash}`);
  set('GEMINI_API_KEY', FAKE_DEFAULTS.geminiKeys[0]);
  set('GEMINI_BASE_URL', fakes.url);
  set('VEO_BASE_URL', fakes.url);
  set('RUNWAY_API_KEY', FAKE_DEFAULTS.runwayKey);
  set('RUNWAY_BASE_URL', fakes.url);
  // `npm start` at the repository root runs the real render service and passes it here.
  set('RENDER_BACKEND_URL', process.env.DIRECTOR_RENDER_URL ?? fakes.url);
  set('RENDER_BACKEND_TOKEN', process.env.DIRECTOR_RENDER_TOKEN ?? FAKE_DEFAULTS.renderToken);
}

const child = spawn(
  wrangler,
  ['dev', '--local', '--ip', '127.0.0.1', '--port', String(PORT), '--show-interactive-dev-session=false', '--log-level', 'warn', ...vars],
  { cwd: EDGE_DIR, env: quietEnv, stdio: ['ignore', 'inherit', 'inherit'] },
);

console.log(
  real
    ? `[edge] wrangler dev on http://127.0.0.1:${PORT} with .dev.vars`
    : `[edge] wrangler dev on http://127.0.0.1:${PORT}; fake upstreams on ${fakes.url}\n[edge] access token: ${DEV_TOKEN}  (curl -H "Authorization: Bearer ${DEV_TOKEN}" http://127.0.0.1:${PORT}/api/providers)`,
);

const stop = async () => {
  child.kill('SIGTERM');
  await fakes?.close();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', async (code) => {
  await fakes?.close();
  process.exit(code ?? 0);
});
