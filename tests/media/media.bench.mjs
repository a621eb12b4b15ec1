// Media benchmark: last-frame extraction (mediabunny vs ffmpeg.wasm, in the real media worker),
// audio decode ms per minute (same two engines), and beat tracking ms per minute of audio with
// music-tempo (npm, Beatroot) as the peer on the same signal in the same run.
// Standalone: node tests/media/media.bench.mjs   (prints JSON lines {name, value, unit, peer, peerValue})
// From scripts/bench.mjs: import { runMediaBench } and pass { root, emit }.
// The peer is optional: add music-tempo@1.0.3 as a devDependency, or point MUSIC_TEMPO_DIR at any
// install of it; without it the beats lines carry peer: null.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES_PATH, HARNESS_PATH, ROOT, launchChromium, startMediaServer } from './media-server.mjs';

const ROUNDS = 7;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (v, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** music-tempo's constructor, or null when it is not installed. */
function loadMusicTempo(root) {
  const candidates = [path.join(root, 'package.json'), process.env.MUSIC_TEMPO_DIR && path.join(process.env.MUSIC_TEMPO_DIR, 'package.json')].filter(Boolean);
  for (const from of candidates) {
    try {
      if (!existsSync(from)) continue;
      const require = createRequire(from);
      return { MusicTempo: require('music-tempo'), version: require('music-tempo/package.json').version };
    } catch {
      /* try the next place */
    }
  }
  return null;
}

/** Three minutes of a 128 BPM groove with a tempo step to 100 BPM at 2:00 (and the true beat times). */
function syntheticSong(sampleRate, seconds = 180) {
  const pcm = new Float32Array(Math.round(sampleRate * seconds));
  const beats = [];
  let seed = 7;
  const noise = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  for (let t = 0.25; t < seconds; t += t < 120 ? 60 / 128 : 60 / 100) beats.push(t);
  beats.forEach((t, k) => {
    const start = Math.round(t * sampleRate);
    const kick = k % 4 === 0 ? 1 : 0.6;
    for (let i = 0; i < sampleRate * 0.12 && start + i < pcm.length; i++) {
      const env = Math.exp(-i / (sampleRate * 0.03));
      pcm[start + i] += kick * env * Math.sin((2 * Math.PI * 60 * i) / sampleRate) + 0.3 * env * noise();
    }
  });
  for (let i = 0; i < pcm.length; i++) pcm[i] = 0.5 * pcm[i] + 0.1 * Math.sin((2 * Math.PI * 220 * i) / sampleRate) + 0.02 * noise();
  return { pcm, beats };
}

async function timed(page, fn, arg, rounds = ROUNDS) {
  const ms = [];
  let last;
  for (let i = 0; i < rounds + 1; i++) {
    last = await page.evaluate(fn, arg);
    if (!last.ok) throw new Error(`media bench: ${last.code}: ${last.message}`);
    if (i > 0) ms.push(last.value.ms); // the first round warms up (module load, ffmpeg.wasm load)
  }
  return { ms: median(ms), last: last.value };
}

export async function runMediaBench({ root = ROOT, emit }) {
  const { server, baseUrl } = await startMediaServer();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(baseUrl + HARNESS_PATH);
    await page.waitForFunction(() => document.title === 'media harness ready', null, { timeout: 60_000 });
    const clip = `${FIXTURES_PATH}/clip.mp4`;
    const song = `${FIXTURES_PATH}/clicks.mp3`;

    // Frames: the exact last frame of a 2 s 160x120 H.264 clip, as PNG, in the media worker.
    const t0 = Date.now();
    const cold = await page.evaluate((url) => window.mediaHarness.frameVersus(url, 'last', [], 'ffmpeg'), clip);
    const ffmpegColdMs = Date.now() - t0;
    if (!cold.ok) throw new Error(`media bench: ${cold.message}`);
    const viaMediabunny = await timed(page, ([url]) => window.mediaHarness.frameVersus(url, 'last', [], 'mediabunny'), [clip]);
    const viaFfmpeg = await timed(page, ([url]) => window.mediaHarness.frameVersus(url, 'last', [], 'ffmpeg'), [clip]);
    emit({ name: 'frames.last_frame_ms', value: round(viaMediabunny.ms), unit: 'ms', peer: 'ffmpeg.wasm 0.12.10 (same worker)', peerValue: round(viaFfmpeg.ms) });
    emit({ name: 'frames.ffmpeg_first_call_ms', value: ffmpegColdMs, unit: 'ms', peer: null, peerValue: null, note: 'includes loading the 32 MB ffmpeg core' });

    // Audio decode: a 4 s stereo MP3 to mono 22.05 kHz, scaled to one minute.
    const decodeMb = await timed(page, ([url]) => window.mediaHarness.decode(url, 22050, 'mediabunny'), [song]);
    const decodeFf = await timed(page, ([url]) => window.mediaHarness.decode(url, 22050, 'ffmpeg'), [song]);
    const minutes = decodeMb.last.durationSec / 60;
    emit({ name: 'audio.decode_ms_per_min', value: round(decodeMb.ms / minutes), unit: 'ms/min', peer: 'ffmpeg.wasm 0.12.10 (same worker)', peerValue: round(decodeFf.ms / minutes), note: 'from a 4 s mp3: per-call overhead is included' });

    // Beats: analyzeBeats in Node (vite ssr) and in the audio worker, music-tempo in Node, same signal.
    const audio = await server.ssrLoadModule('/src/core/audio/index.ts');
    const song22 = syntheticSong(22050);
    const ours = [];
    let analysis;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      analysis = audio.analyzeBeats(song22.pcm, 22050);
      ours.push(performance.now() - start);
    }
    const ourF = audio.beatFMeasure(song22.beats, analysis.beats).fMeasure;
    const peer = loadMusicTempo(root);
    let peerMs = null;
    let peerF = null;
    if (peer) {
      const song44 = syntheticSong(44100);
      const runs = [];
      let result;
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        result = new peer.MusicTempo(song44.pcm);
        runs.push(performance.now() - start);
      }
      peerMs = median(runs) / 3;
      peerF = round(audio.beatFMeasure(song44.beats, result.beats.map(Number)).fMeasure, 3);
    }
    const peerName = peer ? `music-tempo ${peer.version} (Node)` : null;
    emit({ name: 'beats.ms_per_min', value: round(median(ours) / 3), unit: 'ms/min', peer: peerName, peerValue: peerMs === null ? null : round(peerMs), note: 'Node, 3 min synthetic 128->100 BPM' });
    emit({ name: 'beats.synthetic_f_measure', value: round(ourF, 3), unit: 'F (±70 ms)', peer: peerName, peerValue: peerF });
    // Drum grooves (kick on 1 and 3, snare on 2 and 4, eighth-note hats; two with loud hats) from 70 to 180 BPM: the
    // tempo octave a listener taps, which periodicity alone gets wrong at the slow and fast ends.
    const drums = await server.ssrLoadModule('/tests/core/audio/drum-loop.ts');
    const grooveF = { ours: [], peer: [] };
    for (const [bpm, hatGain] of [[70], [90], [120], [150], [180], [160, 1.5], [180, 1.5]]) {
      const groove = drums.backbeatGroove(bpm, 8, hatGain ? { hatGain } : {});
      const pcm = drums.renderDrums(groove.hits, groove.durationSec, 44100);
      grooveF.ours.push(audio.beatFMeasure(groove.beats, audio.analyzeBeats(pcm, 44100).beats).fMeasure);
      if (peer) grooveF.peer.push(audio.beatFMeasure(groove.beats, new peer.MusicTempo(pcm).beats.map(Number)).fMeasure);
    }
    const meanOf = (v) => v.reduce((a, b) => a + b, 0) / v.length;
    emit({ name: 'beats.drum_grooves_f_measure', value: round(meanOf(grooveF.ours), 3), unit: 'F (±70 ms)', peer: peerName, peerValue: peer ? round(meanOf(grooveF.peer), 3) : null, note: '7 backbeat grooves, 70-180 BPM, two with loud hi-hats' });
    const inWorker = await page.evaluate(() => window.mediaHarness.beatsOfClicks(180, 60 / 128));
    if (inWorker.ok) emit({ name: 'beats.worker_ms_per_min', value: round(inWorker.value.analyzeMs / 3), unit: 'ms/min', peer: null, peerValue: null, note: 'audio worker, Chromium, 3 min of clicks' });
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runMediaBench({ root: ROOT, emit: (line) => console.log(JSON.stringify({ peer: null, peerValue: null, ...line })) });
}
