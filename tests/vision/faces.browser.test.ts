/**
 * The vision worker in real headless Chromium: MediaPipe detection, ONNX embeddings (wasm EP),
 * identity separation on labelled public photos, and parity with face-api's tfjs implementation.
 * Run: npx vitest run --config tests/vision/vitest.config.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SAME_PERSON_THRESHOLD,
  calibrateThreshold,
  cosineSimilarity,
  labelledPairs,
  makeCharacterProfile,
  ratesAt,
  scoreCharacterConsistency,
} from '../../src/core/vision';
import { FIXTURES_PATH, HARNESS_PATH, ROOT, buildModels, launchChromium, startVisionServer } from './vision-server.mjs';

interface Labels {
  identities: Record<string, string[]>;
  groups: Record<string, number>;
  groupMembers: Record<string, string[]>;
  noFace: string[];
}
const labels: Labels = JSON.parse(readFileSync(path.join(ROOT, 'tests/vision/fixtures/labels.json'), 'utf8'));
const fixture = (name: string) => `${FIXTURES_PATH}/${name}`;

let stop: () => Promise<void>;
let browser: Browser;
let page: Page;
let baseUrl: string;
let tfjsWasmUrl: string | null;
const pageErrors: string[] = [];

async function openHarness(b: Browser): Promise<Page> {
  const p = await b.newPage();
  p.on('pageerror', (e) => pageErrors.push(e.message));
  await p.goto(baseUrl + HARNESS_PATH);
  await p.waitForFunction(() => document.title === 'vision harness ready', null, { timeout: 60_000 });
  return p;
}

const analyze = (name: string) => page.evaluate((url) => window.harness.analyze(url), fixture(name));

beforeAll(async () => {
  buildModels();
  const started = await startVisionServer();
  baseUrl = started.baseUrl;
  tfjsWasmUrl = started.tfjsWasmUrl;
  browser = await launchChromium();
  stop = async () => {
    await browser.close();
    await started.server.close();
  };
  page = await openHarness(browser);
});

afterAll(async () => {
  await stop?.();
});

describe('vision worker', () => {
  it('loads both models, on the wasm execution provider when there is no WebGPU adapter', async () => {
    const info = await page.evaluate(() => window.harness.initVision());
    expect(info.executionProvider).toBe('wasm');
    expect(info.executionProviderReason).toMatch(/WebGPU|navigator\.gpu/);
  });

  it('finds every face in group photos', async () => {
    for (const [name, count] of Object.entries(labels.groups)) {
      const result = await analyze(name);
      expect(result.faces.length, name).toBe(count);
      expect(result.issues, name).toEqual(['several_faces']);
      for (const face of result.faces) {
        expect(face.embedding?.length, name).toBe(128);
        expect(face.score).toBeGreaterThanOrEqual(0.6);
      }
    }
  });

  it('finds no face in photos without people', async () => {
    for (const name of labels.noFace) {
      const result = await analyze(name);
      expect(result.faces, name).toEqual([]);
      expect(result.issues, name).toEqual(['no_face']);
    }
  });

  it('reports tiny, blank and one-pixel images instead of failing', async () => {
    // The three-people photo at 1/8 size: faces of ~16 px, found and flagged, or not found.
    const tiny = await page.evaluate(() => window.harness.analyzeScaled('/tests/vision/fixtures/group-three-people.jpg', 131, 108));
    for (const face of tiny.faces) expect(face.issues.some((i) => i === 'small' || i === 'too_small_to_identify')).toBe(true);
    const blank = await page.evaluate(() => window.harness.analyzeScaled(null, 640, 480));
    expect(blank.issues).toEqual(['no_face']);
    const onePixel = await page.evaluate(() => window.harness.analyzeScaled(null, 1, 1));
    expect(onePixel.issues).toEqual(['no_face']);
    // The worker still works after them.
    expect((await analyze('obama-1.jpg')).faces).toHaveLength(1);
  });

  it('scores same-person pairs above the threshold and different-person pairs below', async () => {
    const items: { identity: string; value: number[] }[] = [];
    for (const [identity, files] of Object.entries(labels.identities)) {
      for (const file of files) {
        const result = await analyze(file);
        expect(result.faces.length, file).toBeGreaterThan(0);
        const largest = [...result.faces].sort((a, b) => b.box[2] - a.box[2])[0]!;
        items.push({ identity, value: largest.embedding! });
      }
    }
    const pairs = labelledPairs(items, cosineSimilarity);
    const atDefault = ratesAt(pairs, SAME_PERSON_THRESHOLD);
    const calibrated = calibrateThreshold(pairs, 'equal-error');
    console.info(`[vision] ${pairs.length} pairs; at ${SAME_PERSON_THRESHOLD}: FAR ${atDefault.far}, FRR ${atDefault.frr}; calibrated ${calibrated.threshold.toFixed(3)}`);
    for (const p of pairs) {
      const what = `${items[p.a]!.identity} vs ${items[p.b]!.identity}: ${p.similarity.toFixed(3)}`;
      if (p.same) expect(p.similarity, what).toBeGreaterThanOrEqual(SAME_PERSON_THRESHOLD);
      else expect(p.similarity, what).toBeLessThan(SAME_PERSON_THRESHOLD);
    }
  });

  it('recognises a character across shots and reports frames without them', async () => {
    const refs: Float32Array[] = [];
    for (const file of labels.identities.obama!.slice(0, 2)) refs.push(Float32Array.from((await analyze(file)).faces[0]!.embedding!));
    const obama = makeCharacterProfile('obama', refs);
    const frames = [];
    for (const [i, file] of ['group-obama-biden.jpg', 'obama-4.jpg', 'biden-2.jpg', 'no-face-coffee.jpg'].entries()) {
      frames.push({ at: i, faces: (await analyze(file)).faces });
    }
    const report = scoreCharacterConsistency(obama, frames, SAME_PERSON_THRESHOLD);
    expect(report.frames.map((f) => f.status)).toEqual(['match', 'match', 'other_faces', 'no_face']);
    expect(report.score).toBeCloseTo(2 / 3);
  });

  it('ONNX embeddings match face-api (tfjs) on the same aligned chips: cosine >= 0.999', async () => {
    const backend = await page.evaluate((wasm) => window.harness.initFaceApi(wasm), tfjsWasmUrl);
    console.info(`[vision] face-api reference backend: ${backend}`);
    const worst: number[] = [];
    for (const name of ['group-three-people.jpg', 'kit-harington-2.jpg', 'rose-leslie-1.jpg']) {
      const ours = await page.evaluate((url) => window.harness.chipsAndDescriptors(url), fixture(name));
      const reference = await page.evaluate(([chips, count]) => window.harness.faceApiDescriptorsOfChips(chips, count), [ours.chips, ours.count] as const);
      ours.descriptors.forEach((d, i) => {
        worst.push(cosineSimilarity(d, reference[i]!));
        // embedFaces (chips made inside the worker) and embedChips agree exactly.
        expect(cosineSimilarity(d, ours.viaEmbedFaces[i]!)).toBeGreaterThan(0.99999);
      });
    }
    console.info(`[vision] ONNX vs tfjs cosine over ${worst.length} faces: min ${Math.min(...worst).toFixed(7)} (1 - min = ${(1 - Math.min(...worst)).toExponential(2)})`);
    expect(Math.min(...worst)).toBeGreaterThanOrEqual(0.999);
  });
});

describe('vision worker with only a software WebGPU adapter', () => {
  it('stays on wasm (fallback adapters are far slower), and the forced WebGPU path agrees with it', async () => {
    const gpuBrowser = await launchChromium(['--enable-unsafe-webgpu']);
    try {
      const p = await openHarness(gpuBrowser);
      const auto = await p.evaluate(() => window.harness.initVision());
      expect(auto.executionProvider).toBe('wasm');
      expect(auto.executionProviderReason).toMatch(/fallback|no WebGPU adapter/);
      const onWasm = await p.evaluate((url) => window.harness.chipsAndDescriptors(url), fixture('obama-2.jpg'));
      if (auto.executionProviderReason.includes('fallback')) {
        const forced = await p.evaluate(() => window.harness.initVision({ executionProvider: 'webgpu' }));
        expect(forced.executionProvider).toBe('webgpu');
        const onGpu = await p.evaluate(([chips]) => window.harness.embedChipsOnly(chips, 1), [onWasm.chips] as const);
        expect(cosineSimilarity(onGpu[0]!, onWasm.descriptors[0]!)).toBeGreaterThanOrEqual(0.999);
      }
    } finally {
      await gpuBrowser.close();
    }
  }, 120_000);

  it('says plainly when the face models cannot be loaded, after trying twice', { timeout: 60_000 }, async () => {
    const p = await openHarness(browser);
    try {
      const outcome = await p.evaluate(() =>
        window.harness.initVision({ assetsBaseUrl: 'http://127.0.0.1:9/models/', helper: false }).then(
          () => 'loaded',
          (e: Error) => e.message,
        ),
      );
      expect(outcome).toMatch(/^The face models could not be loaded: /);
    } finally {
      await p.close();
    }
  });

  it('finishes a photo on its own thread when the helper thread crashes, then works without it', { timeout: 120_000 }, async () => {
    const p = await openHarness(browser);
    try {
      await p.evaluate(async () => {
        await window.harness.initVision({ helper: true, helperScriptUrl: window.harness.crashingHelperUrl() });
      });
      await p.waitForFunction(() => window.harness.helperEvents().includes('ready'), null, { timeout: 30_000 });
      const photo = fixture('group-faceapi-sample1.jpg');
      const started = Date.now();
      const first = await p.evaluate((url) => window.harness.analyze(url), photo);
      expect(Date.now() - started).toBeLessThan(15_000);
      // The helper was handed a share and crashed; the faces are all there anyway.
      expect(await p.evaluate(() => window.harness.helperEvents())).toContain('passes');
      expect(first.faces).toHaveLength(labels.groups['group-faceapi-sample1.jpg']!);
      expect(first.faces.every((f) => f.embedding?.length === 128)).toBe(true);
      const again = await p.evaluate((url) => window.harness.analyze(url), photo);
      expect(again.faces).toHaveLength(first.faces.length);
      expect(await p.evaluate(() => window.harness.helperEvents().filter((e) => e !== 'ready'))).toHaveLength(1);
    } finally {
      await p.close();
    }
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
