/** A Vite dev server for the TypeScript worker harness (with the type library plugin, as the app has it). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { typeLibraryPlugin } from '../../scripts/vite/type-library-plugin';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const HARNESS_PATH = '/tests/typecheck/harness.html';

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export async function startTypecheckServer(): Promise<{ server: ViteDevServer; baseUrl: string }> {
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    appType: 'mpa',
    // Its own dependency optimizer cache: npm test runs this suite beside the other Vite servers'.
    cacheDir: path.join(ROOT, 'node_modules', '.vite', 'typecheck-tests'),
    plugins: [typeLibraryPlugin()],
    server: { port: 0, host: '127.0.0.1', headers: ISOLATION_HEADERS, hmr: false, watch: null },
    // Pre-bundled: esbuild-wasm's browser build is CommonJS, and the compiler is 9 MB of it.
    optimizeDeps: { entries: ['tests/typecheck/harness.html'], include: ['comlink', 'esbuild-wasm', 'typescript'] },
    worker: { format: 'es' },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('typecheck server: no TCP address');
  return { server, baseUrl: `http://127.0.0.1:${address.port}` };
}

export function launchChromium(extraArgs: string[] = []) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
