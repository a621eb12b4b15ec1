// `npm start`: set up, build, and serve Director on a fixed localhost port with COOP/COEP,
// with the local edge (wrangler dev + fake providers, offline) beside it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildApp, ensureDependencies, ROOT } from './lib/setup.mjs';

ensureDependencies();
buildApp();
const { preview } = await import('vite');
const server = await preview({ root: ROOT, logLevel: 'warn' });
const url = server.resolvedUrls?.local[0] ?? 'http://localhost:4173/';

const edge = spawn(process.execPath, [path.join(ROOT, 'edge', 'scripts', 'dev.mjs')], { cwd: path.join(ROOT, 'edge'), stdio: 'inherit' });
edge.on('exit', (code) => code && console.error(`[director] the local edge stopped (exit ${code}); the app keeps working offline.`));

console.log(`\n  Director is running at ${url}\n  Local edge: http://127.0.0.1:8787 (fake providers; Settings → access token: director-dev-token)\n  (Ctrl+C stops both)\n`);
const stop = async () => {
  edge.kill('SIGTERM');
  await server.close();
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop());
