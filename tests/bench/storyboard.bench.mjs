// Storyboard benchmarks: planning a 300-clip batch and reordering in Node (core), and opening a
// 300-clip storyboard and moving a clip in the app (Chromium). No peer tool exposes these.
import { chromium } from 'playwright-core';
import { createServer, preview } from 'vite';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const round = (v, d = 1) => Math.round(v * 10 ** d) / 10 ** d;
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** 12 scenes of 25 clips, built with the app's own edits. */
async function bigBoard(vite) {
  const sb = await vite.ssrLoadModule('/src/core/storyboard/index.ts');
  let board = sb.emptyStoryboard();
  board = { ...board, styles: [{ id: 'style', name: 'Film', prefix: 'Cinematic 35mm.', suffix: 'Warm grade.', negativePrompt: 'text' }] };
  for (let s = 0; s < 12; s++) {
    board = sb.addScene(board, { id: `scene-${s}`, title: `Scene ${s + 1}` });
    for (let c = 0; c < 25; c++) board = sb.addClip(board, `scene-${s}`, { id: `clip-${s}-${c}`, prompt: `Shot ${s}.${c}: a lighthouse keeper climbs the stairs`, styleId: c % 2 ? 'style' : undefined, cutSeconds: 2 });
  }
  return { sb, board };
}

export async function runStoryboardBench({ root, emit }) {
  const vite = await createServer({ root, logLevel: 'silent', server: { middlewareMode: true }, appType: 'custom' });
  let board;
  try {
    const built = await bigBoard(vite);
    board = built.board;
    const { sb } = built;
    const { planAndCheck } = await vite.ssrLoadModule('/src/core/graph/plan.ts');
    const { makeMemoryCacheStore } = await vite.ssrLoadModule('/src/core/graph/cache-store.ts');
    const plans = [];
    const moves = [];
    for (let i = 0; i < 12; i++) {
      const start = performance.now();
      const graph = sb.storyboardGraph(board);
      const clips = sb.allClips(board);
      sb.estimateBatch(clips, () => false);
      const plan = await planAndCheck(graph, makeMemoryCacheStore(), { targets: clips.map((c) => sb.clipNodeId(c.id)) });
      plans.push(performance.now() - start);
      if (!plan.ok || plan.value.toRun.length !== 600) throw new Error(`a 300-clip batch should plan 600 nodes (prompt + video each), got ${plan.ok ? plan.value.toRun.length : plan.message}`);
      const t0 = performance.now();
      sb.moveClip(board, 'clip-11-24', 'scene-0', 0);
      moves.push(performance.now() - t0);
    }
    emit({ name: 'storyboard: plan a 300-clip batch (graph, estimate, cache check; median)', value: round(median(plans.slice(2)), 2), unit: 'ms', cold: round(plans[0]), target: '< 100' });
    emit({ name: 'storyboard: reorder a clip in a 300-clip board, core edit (median)', value: round(median(moves.slice(2)), 3), unit: 'ms' });
  } finally {
    await vite.close();
  }

  const port = Number(process.env.BENCH_PORT ?? 4321);
  const server = await preview({ root, logLevel: 'silent', preview: { port, strictPort: true } });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://localhost:${port}/`);
    await page.getByRole('button', { name: 'New project' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/canvas$/);
    const id = page.url().match(/projects\/([^/]+)/)[1];
    await page.evaluate(
      ({ id, board }) =>
        new Promise((resolve) => {
          const open = indexedDB.open('director');
          open.onsuccess = () => {
            const tx = open.result.transaction('storyboards', 'readwrite');
            tx.objectStore('storyboards').put({ id: crypto.randomUUID(), projectId: id, board, updatedAt: Date.now() });
            tx.oncomplete = resolve;
          };
        }),
      { id, board },
    );
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const opens = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`http://localhost:${port}/projects/${id}/canvas`);
      await page.getByRole('link', { name: 'Storyboard', exact: true }).waitFor();
      const start = Date.now();
      await page.getByRole('link', { name: 'Storyboard', exact: true }).click();
      await page.locator('[data-testid=clip-card]').nth(299).waitFor({ timeout: 60_000 });
      opens.push(Date.now() - start);
    }
    emit({ name: 'storyboard: open a 300-clip storyboard (click to 300 cards drawn, median of 3)', value: median(opens), unit: 'ms', first: opens[0], target: '< 1500' });
    await page.locator('[data-testid=clip-card]').nth(1).click();
    const reorders = [];
    for (let i = 0; i < 8; i++) {
      // Key event to the next frame after the board shows the move (Alt+arrows move the focused clip).
      reorders.push(
        await page.evaluate(
          (left) =>
            new Promise((resolve) => {
              const before = document.querySelector('[data-testid=clip-card]').getAttribute('data-clip-id');
              const t0 = performance.now();
              document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: left ? 'ArrowLeft' : 'ArrowRight', altKey: true, bubbles: true }));
              const check = () => (document.querySelector('[data-testid=clip-card]').getAttribute('data-clip-id') !== before ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(check));
              check();
            }),
          i % 2 === 0,
        ),
      );
    }
    emit({ name: 'storyboard: reorder a clip by keyboard in a 300-clip board (key to next frame, median)', value: round(median(reorders)), unit: 'ms', target: '< 50' });
  } finally {
    await browser.close();
    await server.close();
  }
}
