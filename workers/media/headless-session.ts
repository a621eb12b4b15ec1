/**
 * Node side of the CLI's media commands: runs the app's own media/audio workers in headless
 * Debian Chromium (playwright-core), so `director frame` and `director beats` take exactly the
 * app's code paths (mediabunny/WebCodecs, ffmpeg.wasm fallback, analyzeBeats).
 * The workers are bundled once with esbuild-wasm into .cache/media-headless/ (~13 s; rebuilt only
 * when a file they are built from is newer) and served with ffmpeg.wasm from a local server.
 */
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { fixedUrlSources, type WasmManifest } from '../../src/core/wasm/wasm-manifest';

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html', '.map': 'application/json' };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const PAGE = '<!doctype html><meta charset="utf-8"><title>director media</title><script type="module" src="/assets/headless-page.js"></script>';

/** The repository root: the nearest folder above this module holding workers/media.worker.ts. */
export function findRepoRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'workers', 'media.worker.ts')) && existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`[director] cannot find the repository root above ${from}`);
  }
}

const newestMtime = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
    const full = path.join(dir, e.name);
    return Math.max(t, e.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }, 0);

/** Bundles the page and both workers (single files each) unless the cached bundle is current. */
async function bundleWorkers(root: string): Promise<string> {
  const out = path.join(root, '.cache', 'media-headless');
  const stamp = path.join(out, 'headless-page.js');
  // Only what the bundle is built from: other engineers' edits elsewhere must not force a rebuild.
  const sources = Math.max(
    ...['workers/media.worker.ts', 'workers/audio.worker.ts'].map((f) => statSync(path.join(root, f)).mtimeMs),
    ...['workers/media', 'src/core/media', 'src/core/audio'].map((d) => newestMtime(path.join(root, d))),
  );
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return out;
  const esbuild = await import('esbuild-wasm');
  mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: {
      'headless-page': path.join(root, 'workers/media/headless-page.ts'),
      'media.worker': path.join(root, 'workers/media.worker.ts'),
      'audio.worker': path.join(root, 'workers/audio.worker.ts'),
    },
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: out,
    logLevel: 'error',
  });
  writeFileSync(path.join(out, 'README.txt'), 'Built by workers/media/headless-session.ts for the director CLI; safe to delete.\n');
  return out;
}

function serveFile(res: import('node:http').ServerResponse, file: string) {
  res.writeHead(200, { ...ISOLATION_HEADERS, 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Length': statSync(file).size });
  createReadStream(file).pipe(res);
}

/** Static routes: the bundle, the app's wasm at its URLs (wasm/manifest.json), ffmpeg.wasm's class worker, and the one input file. */
function startServer(root: string, bundle: string, inputFile: string): Promise<Server> {
  const wasm = fixedUrlSources(JSON.parse(readFileSync(path.join(root, 'wasm', 'manifest.json'), 'utf8')) as WasmManifest);
  const routes: [string, string][] = [
    ['/assets/', bundle],
    ['/ffmpeg-class/', path.join(root, 'node_modules/@ffmpeg/ffmpeg/dist/esm')],
  ];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      res.writeHead(200, { ...ISOLATION_HEADERS, 'Content-Type': 'text/html' });
      res.end(PAGE);
      return;
    }
    if (url.pathname === '/input') return serveFile(res, inputFile);
    const wasmSource = wasm.get(url.pathname);
    if (wasmSource) return serveFile(res, path.join(root, wasmSource));
    for (const [prefix, dir] of routes) {
      if (!url.pathname.startsWith(prefix)) continue;
      const file = path.join(dir, path.normalize(url.pathname.slice(prefix.length)).replace(/^(\.\.[/\\])+/, ''));
      if (file.startsWith(dir) && existsSync(file) && statSync(file).isFile()) return serveFile(res, file);
    }
    res.writeHead(404, ISOLATION_HEADERS);
    res.end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

export interface HeadlessMediaSession {
  page: Page;
  close(): Promise<void>;
}

/**
 * Opens the headless page with `inputFile` served at /input.
 *
 * @example
 * const session = await openHeadlessMedia('/tmp/song.mp3');
 * try { await session.page.evaluate(() => window.directorMedia.beats('song.mp3')); } finally { await session.close(); }
 */
export async function openHeadlessMedia(inputFile: string): Promise<HeadlessMediaSession> {
  if (!existsSync(inputFile) || !statSync(inputFile).isFile()) throw new Error(`[director] no such file: ${inputFile}`);
  const root = findRepoRoot();
  const bundle = await bundleWorkers(root);
  const server = await startServer(root, bundle, inputFile);
  let browser: Browser | null = null;
  try {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: process.env.DIRECTOR_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.title === 'director media ready', null, { timeout: 30_000 });
    const opened = browser;
    return {
      page,
      async close() {
        await opened.close();
        server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    server.close();
    throw error;
  }
}
