// `npm run dev`: the edge on http://127.0.0.1:8787 with `wrangler dev`, and a fixed dev access token.
// Providers whose key is in the environment (GEMINI_API_KEY, VEO_API_KEY, RUNWAY_API_KEY) are the
// real APIs; the others are the local demo providers (local/, on :8790: real clips and images made
// with ffmpeg, labelled LOCAL DEMO), so with no keys it runs fully offline.
// `npm run dev -- --real` uses .dev.vars as-is instead (real keys; needs network).
// Ports: EDGE_PORT (8787), LOCAL_PROVIDERS_PORT (8790). `npm start` also passes DIRECTOR_RENDER_URL,
// DIRECTOR_RENDER_TOKEN and DIRECTOR_APP_ORIGINS.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalProviders } from '../local/local-providers.mjs';
import { planProviders } from '../local/provider-plan.mjs';

const EDGE_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const PORT = Number(process.env.EDGE_PORT || 8787);
const LOCAL_PORT = Number(process.env.LOCAL_PROVIDERS_PORT || 8790);
const DEV_TOKEN = 'director-dev-token';
/** The app origins wrangler.toml allows, plus the ones `npm start` serves the app on. */
const APP_ORIGINS = ['http://localhost:4173', 'http://127.0.0.1:4173', 'http://localhost:5173', 'http://127.0.0.1:5173'];
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
let secretsDir;
const args = [];
const notes = [];
if (!real) {
  const plan = planProviders(process.env);
  if (plan.local.length) {
    local = await startLocalProviders({ port: LOCAL_PORT });
    if (!local.videoMaker.ok) notes.push(local.videoMaker.message);
  }
  const set = (name, value) => args.push('--var', `${name}:${value}`);
  set('ACCESS_TOKEN_HASHES', `dev:${createHash('sha256').update(DEV_TOKEN).digest('hex')}`);
  for (const [name, value] of Object.entries(plan.vars(local?.url))) set(name, value);
  set('ALLOWED_ORIGINS', [...new Set([...APP_ORIGINS, ...(process.env.DIRECTOR_APP_ORIGINS ?? '').split(',').filter(Boolean)])].join(','));
  // The render service (edge/render) on its default port; `npm start` passes the one it runs.
  set('RENDER_BACKEND_URL', process.env.DIRECTOR_RENDER_URL ?? 'http://127.0.0.1:8788');
  // Keys go to wrangler in a file only it reads (mode 0600, removed on exit), never on a command line.
  secretsDir = mkdtempSync(path.join(tmpdir(), 'director-edge-secrets-'));
  const envFile = path.join(secretsDir, 'dev.env');
  const secrets = { ...plan.secrets(), RENDER_BACKEND_TOKEN: process.env.DIRECTOR_RENDER_TOKEN ?? 'director-dev-render-token' };
  writeFileSync(envFile, Object.entries(secrets).map(([name, value]) => `${name}=${JSON.stringify(value)}`).join('\n') + '\n', { mode: 0o600 });
  args.push('--env-file', envFile);
  notes.unshift(...plan.summary);
}

const child = spawn(
  wrangler,
  ['dev', '--local', '--ip', '127.0.0.1', '--port', String(PORT), '--show-interactive-dev-session=false', '--log-level', 'warn', ...args],
  { cwd: EDGE_DIR, env: quietEnv, stdio: ['ignore', 'inherit', 'inherit'] },
);

console.log(
  real
    ? `[edge] wrangler dev on http://127.0.0.1:${PORT} with .dev.vars`
    : [
        `[edge] wrangler dev on http://127.0.0.1:${PORT}${local ? `; local demo providers on ${local.url}` : ''}`,
        ...notes.map((line) => `[edge] ${line}`),
        `[edge] access token: ${DEV_TOKEN}  (curl -H "Authorization: Bearer ${DEV_TOKEN}" http://127.0.0.1:${PORT}/api/providers)`,
      ].join('\n'),
);

const cleanUp = async () => {
  if (secretsDir) rmSync(secretsDir, { recursive: true, force: true });
  await local?.close();
};
const stop = async () => {
  child.kill('SIGTERM');
  await cleanUp();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', async (code) => {
  await cleanUp();
  process.exit(code ?? 0);
});
