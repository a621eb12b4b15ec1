/** A Vite dev server for the media harness, serving ffmpeg.wasm's core from our origin like the app. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const HARNESS_PATH = '/tests/media/harness.html';
export const FIXTURES_PATH = '/tests/media/fixtures';
/** Where the app serves node_modules/@ffmpeg/core/dist/esm/ (see the report: the build must copy it there). */
export const FFMPEG_CORE_PATH = '/wasm/ffmpeg/';

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

const CONTENT_TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm' };

/** Serves the ffmpeg core files untouched (Vite must not transform the emscripten glue). */
function ffmpegCorePlugin() {
  const dir = path.join(ROOT, 'node_modules/@ffmpeg/core/dist/esm');
  return {
    name: 'director-test-ffmpeg-core',
    configureServer(server) {
      server.middlewares.use(FFMPEG_CORE_PATH, (req, res, next) => {
        const file = path.join(dir, path.basename((req.url ?? '').split('?')[0]));
        if (!existsSync(file)) return next();
        res.writeHead(200, { ...ISOLATION_HEADERS, 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Length': statSync(file).size });
        createReadStream(file).pipe(res);
      });
    },
  };
}

/** @returns {Promise<{ server: import('vite').ViteDevServer, baseUrl: string }>} */
export async function startMediaServer() {
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    appType: 'mpa',
    // Its own dependency optimizer cache: npm test runs this suite beside the other Vite servers'.
    cacheDir: path.join(ROOT, 'node_modules', '.vite', 'media-tests'),
    plugins: [ffmpegCorePlugin()],
    server: { port: 0, host: '127.0.0.1', headers: ISOLATION_HEADERS, hmr: false, watch: null },
    // As PLATFORM.md says: @ffmpeg/* must not be pre-bundled (its worker URL would break).
    optimizeDeps: { entries: ['tests/media/harness.html'], exclude: ['@ffmpeg/ffmpeg', '@ffmpeg/util', '@ffmpeg/core'], include: ['comlink', 'mediabunny'] },
    worker: { format: 'es' },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('media server: no TCP address');
  return { server, baseUrl: `http://127.0.0.1:${address.port}` };
}

/** @param {string[]} extraArgs */
export function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
