// Voice and loudness benchmark.
// 1. Offline voice real-time factor (synthesis time / audio duration) for ~60 s of narration: the
//    app's narrate() in headless Chromium (voice worker: eSpeak NG wasm + word alignment + WAV).
//    Peer: the same eSpeak NG wasm run directly in Node in the same run (synthesis only, no
//    alignment, no worker hop), so the gap is what the app adds around the engine.
// 2. Integrated loudness + true peak of 3 min of stereo 48 kHz with core's measureLoudness (Node,
//    loaded through Vite as the app bundles it). Peer: Debian ffmpeg's ebur128 filter (peak=true)
//    on the same samples as a float WAV, wall time including process start and file read.
//    ffmpeg.wasm's ebur128 is not the peer: the app's ffmpeg.wasm build runs in a worker only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'vite';
import { HARNESS_PATH, launchChromium, startVoiceServer } from '../voice/voice-server.mjs';

const RUNS = 3;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (v, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** About 165 words: close to a minute of narration at 165 words a minute, with its pauses. */
const NARRATION = [
  'Volcanoes form where molten rock rises through cracks in the crust, and when pressure builds, the ground begins to swell.',
  'Scientists watch that swelling with satellites; a change of a few centimetres can warn a town days ahead of an eruption.',
  'In 1991, the warnings at Mount Pinatubo saved thousands of lives, because people left their homes in time.',
  'Today, networks of seismometers listen for the small earthquakes that come before the big ones.',
  'Gas sensors sniff for sulphur dioxide, and drones fly over craters that no person could safely approach.',
  'None of these tools can say exactly when a volcano will erupt, but together they turn surprises into forecasts.',
  'The next time you see a quiet mountain on the horizon, remember that someone, somewhere, is listening to it breathe.',
  'Some of those listeners are volunteers, who keep a simple instrument in a garden shed and send its readings every night.',
  'Their data joins the satellites and the sensors, and the picture of the mountain grows a little sharper every year.',
].join(' ');

export async function runVoiceBench({ root, emit }) {
  await offlineVoice(emit);
  await loudness(root, emit);
}

async function offlineVoice(emit) {
  const { server, baseUrl } = await startVoiceServer();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(baseUrl + HARNESS_PATH);
    await page.waitForFunction(() => document.title === 'voice harness ready', null, { timeout: 60_000 });
    const runs = [];
    // The first call compiles the 18 MB wasm; it is reported apart.
    for (let i = 0; i < RUNS + 1; i++) {
      const out = await page.evaluate(([text]) => window.voiceHarness.narrate(text), [NARRATION]);
      if (!out.ok) throw new Error(out.message);
      runs.push(out.value);
    }
    const audioS = runs[1].durationS;
    const appRtf = median(runs.slice(1).map((r) => r.ms / 1000 / r.durationS));

    const { default: ESpeakNg } = await import('espeak-ng');
    const nodeTimes = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const start = performance.now();
      await ESpeakNg({ arguments: ['-v', 'en-us', '-s', '165', '-p', '50', '-w', '/out.wav', NARRATION], print: () => {}, printErr: () => {} });
      if (i > 0) nodeTimes.push(performance.now() - start);
    }
    emit({
      name: `offline voice real-time factor, ${round(audioS)} s of narration (eSpeak NG in the voice worker, median of ${RUNS} after the first)`,
      value: round(appRtf, 3),
      unit: 'x real time (lower is faster)',
      peer: 'eSpeak NG wasm run directly in Node, synthesis only',
      peerValue: round(median(nodeTimes) / 1000 / audioS, 3),
      firstCallMs: round(runs[0].ms),
      note: "the peer is the package's own API: each call instantiates (and Node compiles) the wasm; the app compiles it once per worker",
      words: runs[1].words.length,
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

async function loudness(root, emit) {
  const vite = await createServer({ root, logLevel: 'silent', server: { middlewareMode: true }, appType: 'custom' });
  const dir = mkdtempSync(path.join(tmpdir(), 'voice-bench-'));
  try {
    const { measureLoudness } = await vite.ssrLoadModule('/src/core/audio/loudness.ts');
    const { encodeWav } = await vite.ssrLoadModule('/src/core/audio/wav.ts');
    const rate = 48_000;
    const seconds = 180;
    // Music-like: two tones with a slow swell and seeded noise, left and right differing.
    let state = 1;
    const noise = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
    const left = new Float32Array(seconds * rate);
    const right = new Float32Array(seconds * rate);
    for (let n = 0; n < left.length; n++) {
      const swell = 0.5 + 0.5 * Math.sin((2 * Math.PI * n) / (rate * 20));
      left[n] = swell * (0.2 * Math.sin((2 * Math.PI * 220 * n) / rate) + 0.05 * noise());
      right[n] = swell * (0.2 * Math.sin((2 * Math.PI * 330 * n) / rate) + 0.05 * noise());
    }
    const file = path.join(dir, 'three-minutes.wav');
    writeFileSync(file, encodeWav([left, right], rate, 'float32'));

    const ours = [];
    let report;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      report = measureLoudness([left, right], rate);
      ours.push(performance.now() - start);
    }
    const theirs = [];
    let ffmpegI = null;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const run = spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128=peak=true', '-f', 'null', '-'], { encoding: 'utf8' });
      theirs.push(performance.now() - start);
      ffmpegI = Number(/I:\s+(-?[\d.]+) LUFS/.exec(run.stderr.slice(run.stderr.lastIndexOf('Summary')))?.[1]);
    }
    emit({
      name: `loudness (integrated + true peak) of ${seconds / 60} min stereo 48 kHz, core measureLoudness in Node (median of ${RUNS})`,
      value: round(median(ours)),
      unit: 'ms',
      peer: 'Debian ffmpeg ebur128=peak=true (process wall time)',
      peerValue: round(median(theirs)),
      integratedLufs: round(report.integratedLufs, 2),
      ffmpegIntegratedLufs: ffmpegI,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await vite.close();
  }
}
