// `npm start`: set up, build, and serve Director on a fixed localhost port with COOP/COEP.
import { ensureDependencies, buildApp, ROOT } from './lib/setup.mjs';

ensureDependencies();
buildApp();
const { preview } = await import('vite');
const server = await preview({ root: ROOT, logLevel: 'warn' });
const url = server.resolvedUrls?.local[0] ?? 'http://localhost:4173/';
console.log(`\n  Director is running at ${url}\n  (Ctrl+C stops it)\n`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close().then(() => process.exit(0)));
