/** A Vite dev server for the voice harness (the voice and audio workers as the app runs them). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { launchChromium } from '../media/media-server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const HARNESS_PATH = '/tests/voice/harness.html';
export { launchChromium };

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** @returns {Promise<{ server: import('vite').ViteDevServer, baseUrl: string }>} */
export async function startVoiceServer() {
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    appType: 'mpa',
    cacheDir: path.join(ROOT, 'node_modules', '.vite', 'voice-tests'),
    server: { port: 0, host: '127.0.0.1', headers: ISOLATION_HEADERS, hmr: false, watch: null },
    optimizeDeps: { entries: ['tests/voice/harness.html'], include: ['comlink', 'dexie'] },
    worker: { format: 'es' },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('voice server: no TCP address');
  return { server, baseUrl: `http://127.0.0.1:${address.port}` };
}
