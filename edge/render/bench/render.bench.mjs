// Render service benchmarks, JSON lines {name, value, unit, peer?, peerValue?} on stdout.
//   1. webpack bundle of the explainer template: cold, then warm after a one-file edit, then a
//      cache hit (the service's bundle cache).
//   2. a 300-frame 1280x720 render through the service (POST → poll → done) vs bare
//      @remotion/renderer renderMedia on the same bundle, same run. Target overhead <= 15%.
// Run with `npm run bench` (builds dist/ first). Takes about 3 minutes on 2 cores.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeCancelSignal, openBrowser, renderMedia, selectComposition } from '@remotion/renderer';
import { ProjectBundler } from '../dist/bundling/project-bundler.js';
import { loadConfig } from '../dist/config.js';
import { startService } from '../dist/service.js';
import { loadTemplate } from './load-template.mjs';

const FRAMES = 300;
const SIZE = { width: 1280, height: 720, fps: 30 };
const BROWSER = { browserExecutable: '/usr/bin/chromium', chromeMode: 'chrome-for-testing', logLevel: 'error' };
const emit = (line) => process.stdout.write(JSON.stringify(line) + '\n');

const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'director-render-bench-'));
try {
  const { explainerTemplate } = await loadTemplate('explainer');
  const files = explainerTemplate.files({ name: 'Bench', ...SIZE });

  // 1. Bundling, through the service's own bundler (workspace sync + webpack persistent cache).
  const bundler = new ProjectBundler({ workDir, cacheMax: 10, googleFonts: 'local' });
  await bundler.init();
  const project = { entry: 'src/index.ts', files, assets: [] };
  const cold = await bundler.bundle(project);
  cold.release();
  const edited = { ...project, files: { ...files, 'src/scenes/Summary.tsx': files['src/scenes/Summary.tsx'].replace('fontWeight: 800', 'fontWeight: 700') } };
  const warm = await bundler.bundle(edited);
  warm.release();
  const hit = await bundler.bundle(project);
  hit.release();
  emit({ name: 'bundle.explainer.cold', value: cold.ms, unit: 'ms' });
  emit({ name: 'bundle.explainer.warm_after_one_file_edit', value: warm.ms, unit: 'ms', peer: 'cold', peerValue: cold.ms });
  emit({ name: 'bundle.explainer.cache_hit', value: hit.ms, unit: 'ms', peer: 'cold', peerValue: cold.ms });

  // 2. The service, on the same work dir: its first render finds the bundle in the cache.
  const config = loadConfig({ RENDER_PORT: '0', RENDER_BACKEND_TOKEN: 'bench-token-0123456789abcdef', RENDER_WORK_DIR: workDir, RENDER_LOG: 'silent', RENDER_GOOGLE_FONTS: 'local' });
  const service = await startService(config);
  const headers = { Authorization: 'Bearer bench-token-0123456789abcdef', 'Content-Type': 'application/json' };
  const body = { source: { entry: 'src/index.ts', files }, composition: 'Explainer', codec: 'h264', ...SIZE, frameRange: [0, FRAMES - 1] };
  const t0 = performance.now();
  const { render } = await (await fetch(`${service.url}/renders`, { method: 'POST', headers, body: JSON.stringify(body) })).json();
  let view;
  do {
    await new Promise((r) => setTimeout(r, 100));
    view = (await (await fetch(`${service.url}/renders/${render.id}`, { headers })).json()).render;
  } while (!['done', 'failed', 'cancelled'].includes(view.status));
  const serviceSeconds = (performance.now() - t0) / 1000;
  await service.close();
  if (view.status !== 'done') throw new Error(`service render ${view.status}: ${view.error?.message}`);

  // Bare renderer on the very bundle the service used; the composition is selected untimed.
  const serveUrl = cold.dir;
  const browser = await openBrowser('chrome', BROWSER);
  const composition = await selectComposition({ ...BROWSER, serveUrl, id: 'Explainer', puppeteerInstance: browser });
  const t1 = performance.now();
  await renderMedia({ ...BROWSER, serveUrl, composition, codec: 'h264', frameRange: [0, FRAMES - 1], concurrency: 1, outputLocation: path.join(workDir, 'bare.mp4'), puppeteerInstance: browser, cancelSignal: makeCancelSignal().cancelSignal });
  const bareSeconds = (performance.now() - t1) / 1000;
  await browser.close({ silent: true });

  const serviceFps = FRAMES / serviceSeconds;
  const bareFps = FRAMES / bareSeconds;
  const round = (n) => Math.round(n * 100) / 100;
  emit({ name: 'render.720p_300f.service_fps', value: round(serviceFps), unit: 'frames/s', peer: 'bare renderMedia', peerValue: round(bareFps) });
  emit({ name: 'render.720p_300f.service_overhead', value: round((bareFps / serviceFps - 1) * 100), unit: '%', peer: 'target', peerValue: 15 });
} finally {
  await fs.rm(workDir, { recursive: true, force: true });
}
