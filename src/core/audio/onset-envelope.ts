import type { MelSpectrogram } from './mel-spectrogram.ts';

export interface OnsetEnvelope {
  /** Onset strength per frame, >= 0 and scaled to unit standard deviation (all zeros for silence). */
  values: Float32Array;
  fps: number;
  /**
   * Coefficient of variation (std / mean) of the raw flux. Noise and steady tones change a
   * little everywhere (low contrast); music with attacks changes a lot at few instants.
   * 0 when nothing changes at all.
   */
  contrast: number;
}

export interface OnsetEnvelopeOptions {
  /** Frames between the compared spectra; ~20 ms catches soft attacks as well as hard ones. */
  lagFrames: number;
  /**
   * Bands either side for the max filter (SuperFlux): vibrato and glides stop looking like
   * onsets, but broadband drum hits lose flux too. Off by default: plain flux tracked real music
   * better (mean F 0.80 vs 0.77 on 105 annotated clips); worth 1 for vibrato-heavy solo audio.
   */
  maxFilterBands: number;
  /** Length of the moving average removed from the flux, in seconds (a high-pass, as in Ellis 2007). */
  detrendSec: number;
}

export const DEFAULT_ONSET_OPTIONS: OnsetEnvelopeOptions = {
  lagFrames: 2,
  maxFilterBands: 0,
  detrendSec: 1.0,
};

/**
 * Spectral-flux onset strength of a log-mel spectrogram: the summed increase of each band over
 * the (frequency max-filtered) spectrum `lagFrames` earlier, high-passed and standardised.
 *
 * @example
 * const onset = onsetEnvelope(melSpectrogram(samples, sr));
 */
export function onsetEnvelope(mel: MelSpectrogram, options: Partial<OnsetEnvelopeOptions> = {}): OnsetEnvelope {
  const opts = { ...DEFAULT_ONSET_OPTIONS, ...options };
  const { data, frames, bands, fps } = mel;
  const flux = new Float32Array(frames);
  const lag = Math.max(1, opts.lagFrames);
  const reach = Math.max(0, opts.maxFilterBands);
  for (let t = lag; t < frames; t++) {
    const row = t * bands;
    const prev = (t - lag) * bands;
    let acc = 0;
    for (let b = 0; b < bands; b++) {
      let ref = data[prev + b]!;
      for (let d = 1; d <= reach; d++) {
        if (b - d >= 0 && data[prev + b - d]! > ref) ref = data[prev + b - d]!;
        if (b + d < bands && data[prev + b + d]! > ref) ref = data[prev + b + d]!;
      }
      const diff = data[row + b]! - ref;
      if (diff > 0) acc += diff;
    }
    flux[t] = acc / bands;
  }
  let mean = 0;
  for (let t = 0; t < frames; t++) mean += flux[t]!;
  mean /= Math.max(1, frames);
  let variance = 0;
  for (let t = 0; t < frames; t++) variance += (flux[t]! - mean) ** 2;
  const std = Math.sqrt(variance / Math.max(1, frames));
  // Below ~1e-4 log units per band nothing audible changes: rounding noise must not become rhythm.
  if (!(mean > 1e-4)) return { values: new Float32Array(frames), fps, contrast: 0 };
  const values = scaleToUnitStd(highPass(flux, Math.max(1, Math.round(opts.detrendSec * fps))));
  return { values, fps, contrast: std / mean };
}

/** Removes a centred moving average so slow loudness changes do not read as rhythm. */
export function highPass(values: Float32Array, window: number): Float32Array {
  const n = values.length;
  const out = new Float32Array(n);
  if (n === 0) return out;
  const half = Math.floor(window / 2);
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + values[i]!;
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - half);
    const hi = Math.min(n, i + half + 1);
    const mean = (prefix[hi]! - prefix[lo]!) / (hi - lo);
    // Keep only what rises above the local mean: negative values carry no onset evidence.
    out[i] = Math.max(0, values[i]! - mean);
  }
  return out;
}

/**
 * Divides by the standard deviation (the mean is kept, so values stay non-negative: the beat
 * tracker adds them up as evidence); a constant input becomes all zeros.
 */
export function scaleToUnitStd(values: Float32Array): Float32Array {
  const n = values.length;
  const out = new Float32Array(n);
  if (n === 0) return out;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i]!;
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (values[i]! - mean) ** 2;
  const std = Math.sqrt(variance / n);
  if (!(std > 1e-9)) return out;
  for (let i = 0; i < n; i++) out[i] = values[i]! / std;
  return out;
}

/** Local maxima of the envelope above `threshold` (in units of its standard deviation). */
export function countOnsetPeaks(onset: OnsetEnvelope, threshold = 1): number {
  const v = onset.values;
  let count = 0;
  for (let t = 1; t < v.length - 1; t++) if (v[t]! > threshold && v[t]! > v[t - 1]! && v[t]! >= v[t + 1]!) count++;
  return count;
}
