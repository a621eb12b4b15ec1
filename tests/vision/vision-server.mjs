/** A Vite dev server for the vision harness, and the browser launch the vision tests and bench share. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const HARNESS_PATH = '/tests/vision/harness.html';
export const FIXTURES_PATH = '/tests/vision/fixtures';

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/**
 * tfjs's wasm backend binaries for the face-api reference. @tensorflow/tfjs-backend-wasm is not a
 * dependency of the repo yet; TFJS_WASM_DIR may point at any install of version 4.22.0.
 */
/** @returns {string | null} */
export function tfjsWasmDir() {
  const candidates = [process.env.TFJS_WASM_DIR, path.join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist')];
  return candidates.find((dir) => dir && existsSync(path.join(dir, 'tfjs-backend-wasm-simd.wasm'))) ?? null;
}

/** Runs models/build-models.mjs and wasm/stage-wasm.mjs (fast when up to date); the worker needs their outputs. */
export function buildModels() {
  for (const script of ['models/build-models.mjs', 'wasm/stage-wasm.mjs']) {
    const run = spawnSync(process.execPath, [path.join(ROOT, script)], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${script} failed:\n${run.stdout}\n${run.stderr}`);
  }
}

/** @returns {Promise<{ server: import('vite').ViteDevServer, baseUrl: string, tfjsWasmUrl: string | null }>} */
export async function startVisionServer() {
  const wasmDir = tfjsWasmDir();
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    appType: 'mpa',
    // Its own dependency optimizer cache: npm test runs this suite beside the other Vite servers'.
    cacheDir: path.join(ROOT, 'node_modules', '.vite', 'vision-tests'),
    server: { port: 0, host: '127.0.0.1', headers: ISOLATION_HEADERS, fs: { allow: [ROOT, ...(wasmDir ? [wasmDir] : [])] }, hmr: false, watch: null },
    // onnxruntime-web finds its wasm through wasmPaths; pre-bundling it gains nothing.
    optimizeDeps: { entries: ['tests/vision/harness.html'], exclude: ['onnxruntime-web'], include: ['comlink', '@mediapipe/tasks-vision', '@vladmandic/face-api'] },
    worker: { format: 'es' },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vision server: no TCP address');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return { server, baseUrl, tfjsWasmUrl: wasmDir ? `${baseUrl}/@fs${wasmDir}/` : null };
}

/** @param {string[]} extraArgs */
export function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
