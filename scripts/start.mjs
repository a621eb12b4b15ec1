// `npm start`: set up, build, and serve Director on a fixed localhost port with COOP/COEP,
// with the local edge (wrangler dev + fake providers, offline) and the render service beside it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { localEdgeConfigPlugin } from './lib/local-edge-config-plugin.mjs';
import { buildApp, ensureChromium, ensureDependencies, ensureFfmpeg, ROOT } from './lib/setup.mjs';

ensureDependencies();
// Not required to open the app: without them it still works, and says what to install.
ensureChromium({ required: false });
ensureFfmpeg({ required: false });
buildApp();
const { preview } = await import('vite');
// A fresh browser profile reads the local edge and its token from /director-local.json.
const server = await preview({ root: ROOT, logLevel: 'warn', plugins: [localEdgeConfigPlugin({ edgeUrl: 'http://127.0.0.1:8787', accessToken: 'director-dev-token' })] });
const url = server.resolvedUrls?.local[0] ?? 'http://localhost:4173/';

const RENDER_PORT = '8788';
const RENDER_TOKEN = 'director-dev-render-token';
// vite's preview() sets NODE_ENV=production in this process; the local render service is a
// development deployment (it uses the development token), so it must not inherit that.
const children = [
  spawn('npm', ['start', '--silent'], { cwd: path.join(ROOT, 'edge', 'render'), stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development', RENDER_PORT, RENDER_BACKEND_TOKEN: RENDER_TOKEN } }),
  spawn(process.execPath, [path.join(ROOT, 'edge', 'scripts', 'dev.mjs')], {
    cwd: path.join(ROOT, 'edge'),
    stdio: 'inherit',
    env: { ...process.env, DIRECTOR_RENDER_URL: `http://127.0.0.1:${RENDER_PORT}`, DIRECTOR_RENDER_TOKEN: RENDER_TOKEN },
  }),
];
for (const child of children) child.on('exit', (code) => code && console.error(`[director] a local service stopped (exit ${code}); the app keeps working offline.`));

console.log(`\n  Director is running at ${url}\n  Local edge: http://127.0.0.1:8787 (fake AI providers, real render service on :${RENDER_PORT})\n  A fresh browser profile uses this edge with the access token director-dev-token\n  (Ctrl+C stops everything)\n`);
const stop = async () => {
  for (const child of children) child.kill('SIGTERM');
  await server.close();
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop());
