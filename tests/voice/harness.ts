/**
 * Browser side of the voice tests and benchmark: the app's own narrate / listVoices /
 * renderSoundtrack (real voice and audio workers). Exposed as `window.voiceHarness`; results are
 * plain JSON numbers so Playwright can carry them back.
 */
import { measureLoudness } from '../../src/core/audio/loudness';
import { decodeWavChannels, encodeWav } from '../../src/core/audio/wav';
import type { WordTiming } from '../../src/core/narration/narration-types';
import { renderSoundtrack } from '../../src/app/audio/soundtrack';
import { listVoices, narrate } from '../../src/app/voice/narrate';

type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };
const attempt = async <T>(run: () => Promise<T>): Promise<Outcome<T>> => {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
};

/** Median pitch of the voiced frames (autocorrelation, 60–400 Hz), for checking the pitch setting. */
function medianPitchHz(pcm: Float32Array, rate: number): number {
  const frame = 1024;
  const found: number[] = [];
  for (let s = 0; s + frame < pcm.length; s += 1024) {
    let energy = 0;
    for (let i = 0; i < frame; i++) energy += pcm[s + i]! ** 2;
    if (energy / frame < 1e-3) continue;
    let best = 0;
    let lag = 0;
    for (let l = Math.floor(rate / 400); l < rate / 60; l++) {
      let c = 0;
      for (let i = 0; i < frame - l; i++) c += pcm[s + i]! * pcm[s + i + l]!;
      if (c > best) [best, lag] = [c, l];
    }
    if (lag) found.push(rate / lag);
  }
  found.sort((a, b) => a - b);
  return found[Math.floor(found.length / 2)] ?? 0;
}

const rms = (x: Float32Array) => Math.sqrt(x.reduce((a, v) => a + v * v, 0) / Math.max(1, x.length));

/** Amplitude of one frequency between two times (one DFT bin). */
function amplitudeAt(x: Float32Array, rate: number, freq: number, fromS: number, toS: number): number {
  let re = 0;
  let im = 0;
  const a = Math.round(fromS * rate);
  const b = Math.round(toS * rate);
  for (let n = a; n < b; n++) {
    re += x[n]! * Math.cos((2 * Math.PI * freq * n) / rate);
    im += x[n]! * Math.sin((2 * Math.PI * freq * n) / rate);
  }
  return (2 * Math.hypot(re, im)) / (b - a);
}

async function speak(text: string, voice = 'en-us', speed = 1, pitch = 0) {
  const start = performance.now();
  const narration = await narrate(text, { provider: 'offline', voice, speed, pitch });
  const ms = performance.now() - start;
  const wav = decodeWavChannels(new Uint8Array(await narration.wav.arrayBuffer()))!;
  return { narration, pcm: wav.channels[0]!, sampleRate: wav.sampleRate, ms };
}

const harness = {
  async narrate(text: string, voice?: string, speed?: number, pitch?: number) {
    return attempt(async () => {
      const { narration, pcm, sampleRate, ms } = await speak(text, voice, speed, pitch);
      return { durationS: narration.durationS, wavDurationS: pcm.length / sampleRate, sampleRate, rms: rms(pcm), pitchHz: medianPitchHz(pcm, sampleRate), words: narration.words as WordTiming[], provider: narration.provider, ms };
    });
  },

  async voices() {
    return attempt(() => listVoices('offline'));
  },

  /** Music (a 220 Hz + 330 Hz bed) under two narrated parts; reports the music's level alone and under the voice. */
  async soundtrack() {
    return attempt(async () => {
      const first = await speak('The river carries sand to the sea, and the delta grows each year.');
      const second = await speak('Scientists measure it from space, a few metres at a time.');
      const musicRate = 44_100;
      const durationS = 16;
      const bed = Float32Array.from({ length: durationS * musicRate }, (_, n) => 0.12 * Math.sin((2 * Math.PI * 220 * n) / musicRate) + 0.08 * Math.sin((2 * Math.PI * 330 * n) / musicRate));
      const music = new Blob([encodeWav([bed, bed], musicRate)], { type: 'audio/wav' });
      const voiceAt = [2, 2 + first.narration.durationS + 3];
      const start = performance.now();
      const result = await renderSoundtrack({
        durationS,
        music: { audio: music, atS: 0, gainDb: 0, fadeInS: 0.5, fadeOutS: 1 },
        voice: [
          { audio: first.narration.wav, atS: voiceAt[0]!, gainDb: 0 },
          { audio: second.narration.wav, atS: voiceAt[1]!, gainDb: 0 },
        ],
        clipAudio: [],
        ducking: { depthDb: 12, attackS: 0.2, releaseS: 0.6 },
        targetLufs: -14,
        truePeakCeilingDbtp: -1,
      });
      const ms = performance.now() - start;
      const out = decodeWavChannels(new Uint8Array(await result.wav.arrayBuffer()))!;
      const left = out.channels[0]!;
      const firstEnd = voiceAt[0]! + first.narration.durationS;
      const secondEnd = voiceAt[1]! + second.narration.durationS;
      // Speech has little energy exactly at 220 Hz; the bin measures the music alone.
      const musicOnly = amplitudeAt(left, out.sampleRate, 220, 0.6, voiceAt[0]! - 0.4);
      const betweenParts = amplitudeAt(left, out.sampleRate, 220, firstEnd + 1, voiceAt[1]! - 0.4);
      const underFirst = amplitudeAt(left, out.sampleRate, 220, voiceAt[0]! + 0.3, firstEnd - 0.3);
      const underSecond = amplitudeAt(left, out.sampleRate, 220, voiceAt[1]! + 0.3, secondEnd - 0.3);
      const remeasured = measureLoudness(out.channels, out.sampleRate);
      return {
        ms,
        sampleRate: out.sampleRate,
        channels: out.channels.length,
        durationS: left.length / out.sampleRate,
        before: result.before,
        after: result.after,
        remeasured,
        duckDb: { first: 20 * Math.log10(underFirst / musicOnly), second: 20 * Math.log10(underSecond / musicOnly), between: 20 * Math.log10(betweenParts / musicOnly) },
      };
    });
  },

  async soundtrackFromNonsense() {
    return attempt(() =>
      renderSoundtrack({
        durationS: 3,
        music: { audio: new Blob(['this is not audio']), atS: 0, gainDb: 0 },
        voice: [],
        clipAudio: [],
        ducking: { depthDb: 12, attackS: 0.2, releaseS: 0.6 },
        targetLufs: -14,
        truePeakCeilingDbtp: -1,
      }),
    );
  },
};

declare global {
  interface Window {
    voiceHarness: typeof harness;
  }
}
window.voiceHarness = harness;
document.title = 'voice harness ready';
