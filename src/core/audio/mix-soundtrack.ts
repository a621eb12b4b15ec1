import type { DuckingSettings, LoudnessReport } from '../narration/narration-types.ts';
import { duckingGains, voiceActivity } from './ducking.ts';
import { integratedLoudness, measureLoudness } from './loudness.ts';
import { truePeakLinear } from './true-peak.ts';
import { limitTruePeak } from './true-peak-limiter.ts';

/** One decoded sound on the soundtrack: mono or stereo at the mix's sample rate. */
export interface PcmPart {
  channels: Float32Array[];
  atS: number;
  gainDb: number;
  fadeInS?: number;
  fadeOutS?: number;
}

export interface PcmSoundtrackInput {
  sampleRate: number;
  durationS: number;
  music?: PcmPart;
  voice: PcmPart[];
  clipAudio: PcmPart[];
  ducking: DuckingSettings;
  targetLufs: number;
  truePeakCeilingDbtp: number;
}

export interface PcmSoundtrack {
  /** Stereo, `durationS` long. */
  channels: [Float32Array, Float32Array];
  before: LoudnessReport;
  after: LoudnessReport;
  /** The music's gain, DUCKING_FRAME_RATE frames a second (for a view to draw). */
  duckingGains: Float32Array;
}

export const DUCKING_FRAME_RATE = 100;
/** The limiter aims this far under the ceiling so the re-measured peak lands under it. */
const CEILING_MARGIN_DB = 0.1;
/** Normalisation is repeated when limiting cost loudness: at most this many passes. */
const NORMALISE_PASSES = 4;
const LOUDNESS_TOLERANCE_LU = 0.1;
/** Quiet sources are not raised by more than this (it would only lift noise). */
const MAX_GAIN_DB = 40;

/**
 * The soundtrack of a video from decoded parts: each part placed with its gain and fades, the
 * music ducked under the voice, the sum normalised to `targetLufs` integrated loudness with the
 * true peak limited to `truePeakCeilingDbtp`. Pure: decoding and encoding are the caller's.
 */
export function mixSoundtrackPcm(input: PcmSoundtrackInput): PcmSoundtrack {
  const { sampleRate } = input;
  if (!(sampleRate >= 8000) || !(input.durationS > 0) || !Number.isFinite(input.durationS)) {
    throw new RangeError(`[mix] sampleRate and durationS must be positive, got ${sampleRate} and ${input.durationS}`);
  }
  const length = Math.round(input.durationS * sampleRate);
  const music = bus(length);
  const voice = bus(length);
  const out = bus(length);
  if (input.music) place(music, input.music, sampleRate);
  for (const part of input.voice) place(voice, part, sampleRate);
  for (const part of input.clipAudio) place(out, part, sampleRate);

  const voiceMono = new Float32Array(length);
  for (let i = 0; i < length; i++) voiceMono[i] = 0.5 * (voice[0][i]! + voice[1][i]!);
  const gains = duckingGains(voiceActivity(voiceMono, sampleRate, DUCKING_FRAME_RATE), DUCKING_FRAME_RATE, input.ducking);
  const samplesPerFrame = sampleRate / DUCKING_FRAME_RATE;
  for (let i = 0; i < length; i++) {
    const g = frameGain(gains, i / samplesPerFrame);
    for (let c = 0; c < 2; c++) out[c]![i] = out[c]![i]! + music[c]![i]! * g + voice[c]![i]!;
  }

  const before = measureLoudness(out, sampleRate);
  const after = normalise(out, sampleRate, before, input.targetLufs, input.truePeakCeilingDbtp);
  return { channels: after.channels, before, after: after.report, duckingGains: gains };
}

function bus(length: number): [Float32Array, Float32Array] {
  return [new Float32Array(length), new Float32Array(length)];
}

/** Adds a part to a bus with its gain and linear fades; what falls outside the timeline is cut. */
function place(target: [Float32Array, Float32Array], part: PcmPart, rate: number): void {
  if (part.channels.length === 0 || !Number.isFinite(part.atS)) return;
  const start = Math.round(part.atS * rate);
  const len = part.channels[0]!.length;
  const gain = 10 ** ((Number.isFinite(part.gainDb) ? part.gainDb : 0) / 20);
  const fadeIn = Math.max(0, Math.round((part.fadeInS ?? 0) * rate));
  const fadeOut = Math.max(0, Math.round((part.fadeOutS ?? 0) * rate));
  const left = part.channels[0]!;
  const right = part.channels[1] ?? left;
  const from = Math.max(0, -start);
  const to = Math.min(len, target[0].length - start);
  for (let i = from; i < to; i++) {
    let g = gain;
    if (i < fadeIn) g *= i / fadeIn;
    if (len - i <= fadeOut) g *= (len - i) / fadeOut;
    target[0][start + i] = target[0][start + i]! + left[i]! * g;
    target[1][start + i] = target[1][start + i]! + right[i]! * g;
  }
}

function frameGain(gains: Float32Array, frame: number): number {
  const f = Math.floor(frame);
  if (f >= gains.length - 1) return gains[gains.length - 1] ?? 1;
  const t = frame - f;
  return gains[f]! * (1 - t) + gains[f + 1]! * t;
}

/** Gain to the target, limit, re-measure, and correct the gain while limiting cost loudness. */
function normalise(
  mixed: [Float32Array, Float32Array],
  rate: number,
  before: LoudnessReport,
  targetLufs: number,
  ceilingDbtp: number,
): { channels: [Float32Array, Float32Array]; report: LoudnessReport } {
  if (!Number.isFinite(before.integratedLufs)) {
    // Silence: nothing to normalise, but still respect the ceiling.
    const copy: [Float32Array, Float32Array] = [mixed[0].slice(), mixed[1].slice()];
    limitTruePeak(copy, rate, ceilingDbtp - CEILING_MARGIN_DB);
    return { channels: copy, report: measureLoudness(copy, rate) };
  }
  let gainDb = Math.min(MAX_GAIN_DB, targetLufs - before.integratedLufs);
  let result = mixed;
  for (let pass = 0; pass < NORMALISE_PASSES; pass++) {
    result = applyGain(mixed, gainDb);
    limitTruePeak(result, rate, ceilingDbtp - CEILING_MARGIN_DB);
    // Only loudness inside the loop: the true peak is measured once, at the end.
    const miss = targetLufs - integratedLoudness(result, rate);
    if (Math.abs(miss) <= LOUDNESS_TOLERANCE_LU || gainDb + miss > MAX_GAIN_DB) break;
    gainDb += miss;
  }
  // The limiter's gain curve can leave a hair over the ceiling between samples: trim it.
  const peak = truePeakLinear(result, rate);
  const ceiling = 10 ** (ceilingDbtp / 20);
  if (peak > ceiling) {
    const trim = ceiling / peak;
    for (const ch of result) for (let i = 0; i < ch.length; i++) ch[i] = ch[i]! * trim;
  }
  const integratedLufs = integratedLoudness(result, rate);
  return { channels: result, report: { integratedLufs, truePeakDbtp: 20 * Math.log10(Math.min(peak, ceiling)) } };
}

function applyGain(mixed: [Float32Array, Float32Array], gainDb: number): [Float32Array, Float32Array] {
  const g = 10 ** (gainDb / 20);
  return [mixed[0].map((v) => v * g), mixed[1].map((v) => v * g)];
}
