// `npm start`: set up, build, and serve Director with COOP/COEP, with the local edge (wrangler dev:
// real providers for the keys given, local demo providers for the rest) and the render service.
//
//   npm start [-- --no-build]     --no-build serves the existing dist/ (and edge/render/dist/)
//   APP_PORT (4173), EDGE_PORT (8787), RENDER_PORT (8788), LOCAL_PROVIDERS_PORT (8790)
//   GEMINI_API_KEY, VEO_API_KEY, RUNWAY_API_KEY: use the real APIs for those providers
//   PEXELS_API_KEY, PIXABAY_API_KEY: stock footage search for Auto-pilot (no local stand-in)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { localEdgeConfigPlugin } from './lib/local-edge-config-plugin.mjs';
import { buildApp, ensureChromium, ensureDependencies, ensureFfmpeg, ROOT, run } from './lib/setup.mjs';

const noBuild = process.argv.includes('--no-build');
const port = (name, fallback) => {
  const value = Number(process.env[name] || fallback);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) throw new Error(`${name} must be a port number, got "${process.env[name]}"`);
  return value;
};
const APP_PORT = port('APP_PORT', 4173);
const EDGE_PORT = port('EDGE_PORT', 8787);
const RENDER_PORT = port('RENDER_PORT', 8788);
const LOCAL_PROVIDERS_PORT = port('LOCAL_PROVIDERS_PORT', 8790);
const EDGE_URL = `http://127.0.0.1:${EDGE_PORT}`;
const RENDER_URL = `http://127.0.0.1:${RENDER_PORT}`;
const DEV_TOKEN = 'director-dev-token';
const RENDER_TOKEN = 'director-dev-render-token';
const RENDER_DIR = path.join(ROOT, 'edge', 'render');

ensureDependencies();
// Not required to open the app: without them it still works, and says what to install.
ensureChromium({ required: false });
ensureFfmpeg({ required: false });
if (!noBuild) {
  buildApp();
  run('npm', ['run', 'build', '--silent'], { cwd: RENDER_DIR });
} else if (!existsSync(path.join(ROOT, 'dist', 'index.html')) || !existsSync(path.join(RENDER_DIR, 'dist', 'main.js'))) {
  throw new Error('--no-build needs an earlier build (dist/ and edge/render/dist/): run `npm start` once without it');
}

const { preview } = await import('vite');
// A fresh browser profile reads the local edge and its token from /director-local.json.
const server = await preview({
  root: ROOT,
  logLevel: 'warn',
  preview: { port: APP_PORT, strictPort: true },
  plugins: [localEdgeConfigPlugin({ edgeUrl: EDGE_URL, accessToken: DEV_TOKEN })],
});
const appUrl = server.resolvedUrls?.local[0] ?? `http://localhost:${APP_PORT}/`;
// vite's preview exits the process on SIGTERM by itself (code 143); stopping is ours to do (below),
// so the services stop first and we exit 0.
process.removeAllListeners('SIGTERM');

/** Each service in its own process group, so stopping it stops everything it started. */
const services = [
  {
    name: 'render service',
    health: `${RENDER_URL}/health`,
    // vite's preview() set NODE_ENV=production in this process; this local render service is a
    // development deployment (it uses the development token), so it must not inherit that.
    child: spawn(process.execPath, ['dist/main.js'], {
      cwd: RENDER_DIR,
      stdio: 'inherit',
      detached: true,
      env: { ...process.env, NODE_ENV: 'development', RENDER_PORT: String(RENDER_PORT), RENDER_BACKEND_TOKEN: RENDER_TOKEN },
    }),
  },
  {
    name: 'edge',
    health: `${EDGE_URL}/api/health`,
    child: spawn(process.execPath, [path.join(ROOT, 'edge', 'scripts', 'dev.mjs')], {
      cwd: path.join(ROOT, 'edge'),
      stdio: 'inherit',
      detached: true,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        EDGE_PORT: String(EDGE_PORT),
        LOCAL_PROVIDERS_PORT: String(LOCAL_PROVIDERS_PORT),
        DIRECTOR_RENDER_URL: RENDER_URL,
        DIRECTOR_RENDER_TOKEN: RENDER_TOKEN,
        DIRECTOR_APP_ORIGINS: `http://localhost:${APP_PORT},http://127.0.0.1:${APP_PORT}`,
      },
    }),
  },
];

let stopping = false;
for (const service of services) {
  service.child.once('exit', (code, signal) => {
    if (!stopping) console.error(`[director] the ${service.name} stopped (${signal ?? `exit ${code}`}); the app keeps working, and says so where it needs it.`);
  });
}

console.log(`\n  Director is running at ${appUrl}\n  Local edge: ${EDGE_URL} (access token ${DEV_TOKEN}; a fresh browser profile uses it by itself)\n  Render service: ${RENDER_URL}\n  (Ctrl+C stops everything)\n`);
void reportReady();

/** Says once when every service answers its health route, or which one does not within two minutes. */
async function reportReady() {
  const deadline = Date.now() + 120_000;
  const pending = new Set(services);
  while (pending.size && Date.now() < deadline && !stopping) {
    for (const service of pending) {
      const ok = await fetch(service.health).then((r) => r.ok, () => false);
      if (ok) pending.delete(service);
    }
    if (pending.size) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (stopping) return;
  if (pending.size) console.error(`[director] not answering after 2 minutes: ${[...pending].map((s) => `${s.name} (${s.health})`).join(', ')}`);
  else console.log('[director] ready: the app, the edge and the render service are all up.');
}

const signalGroup = (child, signal) => {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
};

/** True while any process of the child's group (the service and what it started) is alive. */
const groupAlive = (child) => {
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
};

const stop = async () => {
  if (stopping) return;
  stopping = true;
  for (const { child } of services) signalGroup(child, 'SIGTERM');
  // Wait until every process of every group is gone; after ten seconds the rest is ended (and an
  // unreaped zombie, which no signal ends, does not keep us waiting past twelve).
  const started = Date.now();
  while (services.some(({ child }) => groupAlive(child)) && Date.now() - started < 12_000) {
    if (Date.now() - started > 10_000) services.forEach(({ child }) => signalGroup(child, 'SIGKILL'));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await server.close();
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop());
