// Faces benchmark: our detect+embed (MediaPipe + ONNX, wasm EP, in the vision worker) against
// @vladmandic/face-api's full pipeline (SSD MobileNet v1 + 68 landmarks + descriptor, tfjs wasm
// backend) on the same photos in the same run; plus identity error rates on the labelled set.
// Standalone: node tests/vision/faces.bench.mjs   (prints JSON lines {name, value, unit, peer, peerValue})
// From scripts/bench.mjs: import { runFacesBench } and pass { root, emit }.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES_PATH, HARNESS_PATH, ROOT, buildModels, launchChromium, startVisionServer } from './vision-server.mjs';

const ROUNDS = 3;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (v, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Error rates of one method's embeddings on the labelled photos (largest face of each). */
function identityRates(core, items, threshold) {
  const pairs = core.labelledPairs(items, core.cosineSimilarity);
  const calibrated = core.calibrateThreshold(pairs, 'equal-error');
  return { atThreshold: threshold === null ? calibrated : core.ratesAt(pairs, threshold), calibrated, pairs: pairs.length };
}

export async function runFacesBench({ root = ROOT, emit }) {
  buildModels();
  const labels = JSON.parse(readFileSync(path.join(root, 'tests/vision/fixtures/labels.json'), 'utf8'));
  const photos = readdirSync(path.join(root, 'tests/vision/fixtures')).filter((f) => f.endsWith('.jpg')).sort();
  const { server, baseUrl, tfjsWasmUrl } = await startVisionServer();
  const browser = await launchChromium();
  try {
    const core = await server.ssrLoadModule('/src/core/vision/index.ts');
    const page = await browser.newPage();
    await page.goto(baseUrl + HARNESS_PATH);
    await page.waitForFunction(() => document.title === 'vision harness ready', null, { timeout: 60_000 });
    const t0 = Date.now();
    const info = await page.evaluate(() => window.harness.initVision());
    const oursLoadMs = Date.now() - t0;
    const t1 = Date.now();
    const backend = await page.evaluate((wasm) => window.harness.initFaceApi(wasm), tfjsWasmUrl);
    const peerLoadMs = Date.now() - t1;
    const peer = `@vladmandic/face-api 1.7.15 (tfjs ${backend})`;
    emit({ name: 'faces: models loaded', value: oursLoadMs, unit: 'ms', peer, peerValue: peerLoadMs, executionProvider: info.executionProvider, threads: info.threads });

    // Warm both up once on every photo (first runs pay for shape-specific planning).
    const ours = new Map();
    const theirs = new Map();
    for (const photo of photos) {
      const url = `${FIXTURES_PATH}/${photo}`;
      ours.set(photo, { runs: [], result: await page.evaluate((u) => window.harness.visionAnalyzeTimed(u), url) });
      theirs.set(photo, { runs: [], result: await page.evaluate((u) => window.harness.faceApiAnalyze(u), url) });
    }
    for (let r = 0; r < ROUNDS; r++) {
      for (const photo of photos) {
        const url = `${FIXTURES_PATH}/${photo}`;
        ours.get(photo).runs.push((await page.evaluate((u) => window.harness.visionAnalyzeTimed(u), url)).ms);
        theirs.get(photo).runs.push((await page.evaluate((u) => window.harness.faceApiAnalyze(u), url)).ms);
      }
    }
    const perPhoto = (m) => photos.map((p) => median(m.get(p).runs));
    const oursMs = perPhoto(ours);
    const theirsMs = perPhoto(theirs);
    emit({ name: 'faces: detect+embed per photo (median of photos)', value: round(median(oursMs)), unit: 'ms', peer, peerValue: round(median(theirsMs)), photos: photos.length, rounds: ROUNDS });
    emit({ name: 'faces: detect+embed per photo (mean)', value: round(oursMs.reduce((a, b) => a + b, 0) / photos.length), unit: 'ms', peer, peerValue: round(theirsMs.reduce((a, b) => a + b, 0) / photos.length) });
    emit({ name: 'faces: speed-up over face-api (median photo)', value: round(median(theirsMs) / median(oursMs), 2), unit: 'x', peer: null, peerValue: null });
    // The photo where we lead least: multi-face photos pay one embedding per face.
    const ratios = photos.map((p, i) => ({ photo: p, faces: ours.get(p).result.faces.length, ratio: theirsMs[i] / oursMs[i] }));
    const worst = ratios.reduce((a, b) => (b.ratio < a.ratio ? b : a));
    emit({ name: 'faces: speed-up over face-api (slowest photo)', value: round(worst.ratio, 2), unit: 'x', peer: null, peerValue: null, photo: worst.photo, faces: worst.faces });
    const big = 'group-faceapi-sample1.jpg';
    emit({ name: 'faces: detect+embed, 1920x1280 group photo (3 faces)', value: round(median(ours.get(big).runs)), unit: 'ms', peer, peerValue: round(median(theirs.get(big).runs)) });

    // Detection: faces found in the group photos and none in photos without people.
    const expected = Object.entries(labels.groups);
    const countRight = (m) => expected.filter(([p, n]) => m.get(p).result.faces.length === n).length + labels.noFace.filter((p) => m.get(p).result.faces.length === 0).length;
    emit({ name: 'faces: photos with the right face count', value: countRight(ours), unit: `of ${expected.length + labels.noFace.length}`, peer, peerValue: countRight(theirs) });

    // Identity: FAR / FRR on all pairs of the labelled single-person photos.
    const items = (m) =>
      Object.entries(labels.identities).flatMap(([identity, files]) =>
        files.map((f) => ({ identity, value: [...m.get(f).result.faces].sort((a, b) => b.box[2] - a.box[2])[0].embedding })),
      );
    const oursRates = identityRates(core, items(ours), core.SAME_PERSON_THRESHOLD);
    const theirsRates = identityRates(core, items(theirs), null); // face-api at its own best (equal-error) cosine threshold
    const pct = (v) => round(100 * v, 2);
    emit({ name: 'faces: false accept rate', value: pct(oursRates.atThreshold.far), unit: '%', peer, peerValue: pct(theirsRates.atThreshold.far), threshold: core.SAME_PERSON_THRESHOLD, peerThreshold: round(theirsRates.calibrated.threshold, 4), pairs: oursRates.pairs });
    emit({ name: 'faces: false reject rate', value: pct(oursRates.atThreshold.frr), unit: '%', peer, peerValue: pct(theirsRates.atThreshold.frr) });
    const margin = (m) => {
      const pairs = core.labelledPairs(items(m), core.cosineSimilarity);
      return Math.min(...pairs.filter((p) => p.same).map((p) => p.similarity)) - Math.max(...pairs.filter((p) => !p.same).map((p) => p.similarity));
    };
    emit({ name: 'faces: identity margin (worst same - worst different cosine)', value: round(margin(ours), 4), unit: 'cosine', peer, peerValue: round(margin(theirs), 4) });
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const emit = ({ name, value, unit, peer = null, peerValue = null, ...extra }) => console.log(JSON.stringify({ name, value, unit, peer, peerValue, ...extra }));
  await runFacesBench({ emit });
}
