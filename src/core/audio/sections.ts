import type { MelSpectrogram } from './mel-spectrogram.ts';

export interface SectionOptions {
  /** Checkerboard kernel half-width in units (beats, or blocks when there are no beats). */
  kernelUnits: number;
  /** Boundaries closer than this many units are merged (the stronger one wins). */
  minUnits: number;
  /** A novelty peak must exceed mean + this many standard deviations. */
  threshold: number;
  /** Bands the spectrum is pooled into: timbre and register, not exact pitch. */
  pooledBands: number;
  /** Block length used when there is no beat grid. */
  blockSec: number;
}

export const DEFAULT_SECTION_OPTIONS: SectionOptions = {
  kernelUnits: 16,
  minUnits: 16,
  threshold: 0.5,
  pooledBands: 16,
  blockSec: 0.5,
};

/**
 * Section boundaries (Foote 2000): a self-similarity matrix of pooled log-mel features per beat,
 * a Gaussian-tapered checkerboard kernel along its diagonal, and the peaks of that novelty curve.
 * Units are beats so boundaries fall on beats, ready for cutting. Returns boundary times in
 * seconds, excluding the start and end of the audio.
 *
 * @example
 * const boundaries = sectionBoundaries(mel, beatFrames);
 */
export function sectionBoundaries(
  mel: MelSpectrogram,
  beatFrames: readonly number[],
  options: Partial<SectionOptions> = {},
): number[] {
  const opts = { ...DEFAULT_SECTION_OPTIONS, ...options };
  const { frames, fps } = mel;
  let units: number[] = [...beatFrames];
  if (units.length < 4 * opts.kernelUnits) {
    units = [];
    const step = Math.max(1, Math.round(opts.blockSec * fps));
    for (let t = 0; t < frames; t += step) units.push(t);
  }
  const count = units.length;
  if (count < 2 * opts.kernelUnits + 2) return [];

  const features = pooledFeatures(mel, units, opts.pooledBands);
  const novelty = new Float64Array(count);
  const w = opts.kernelUnits;
  const sigma = w / 2;
  for (let c = 1; c < count; c++) {
    let acc = 0;
    let weight = 0;
    for (let i = -w; i < w; i++) {
      const a = c + i;
      if (a < 0 || a >= count) continue;
      for (let j = -w; j < w; j++) {
        const b = c + j;
        if (b < 0 || b >= count || b === a) continue;
        // +1 within a side, -1 across the centre; Gaussian taper keeps the far corners quiet.
        const sign = (i < 0) === (j < 0) ? 1 : -1;
        const g = Math.exp(-((i + 0.5) ** 2 + (j + 0.5) ** 2) / (2 * sigma * sigma));
        acc += sign * g * cosine(features[a]!, features[b]!);
        weight += g;
      }
    }
    novelty[c] = weight > 0 ? acc / weight : 0;
  }

  let mean = 0;
  for (let i = 0; i < count; i++) mean += novelty[i]!;
  mean /= count;
  let variance = 0;
  for (let i = 0; i < count; i++) variance += (novelty[i]! - mean) ** 2;
  const limit = mean + opts.threshold * Math.sqrt(variance / count);

  const peaks: number[] = [];
  for (let c = opts.minUnits; c < count - opts.minUnits / 2; c++) {
    const v = novelty[c]!;
    if (v <= limit) continue;
    let isPeak = true;
    for (let d = 1; d <= opts.minUnits / 2 && isPeak; d++) {
      if ((c - d >= 0 && novelty[c - d]! > v) || (c + d < count && novelty[c + d]! >= v)) isPeak = false;
    }
    if (isPeak) peaks.push(c);
  }
  // Enforce the minimum spacing, keeping stronger peaks first.
  const chosen: number[] = [];
  for (const p of [...peaks].sort((a, b) => novelty[b]! - novelty[a]!)) {
    if (chosen.every((q) => Math.abs(q - p) >= opts.minUnits)) chosen.push(p);
  }
  return chosen.sort((a, b) => a - b).map((u) => units[u]! / fps);
}

function pooledFeatures(mel: MelSpectrogram, units: readonly number[], pooled: number): Float64Array[] {
  const { data, bands, frames } = mel;
  const out: Float64Array[] = [];
  for (let k = 0; k < units.length; k++) {
    const start = Math.max(0, Math.round(units[k]!));
    const end = Math.min(frames, Math.max(start + 1, Math.round(units[k + 1] ?? frames)));
    const f = new Float64Array(pooled);
    for (let t = start; t < end; t++) {
      for (let b = 0; b < bands; b++) f[Math.floor((b * pooled) / bands)]! += data[t * bands + b]!;
    }
    // Remove the mean so cosine similarity compares spectral shape, not overall level alone.
    let mean = 0;
    for (let i = 0; i < pooled; i++) mean += f[i]!;
    mean /= pooled;
    for (let i = 0; i < pooled; i++) f[i]! -= mean;
    out.push(f);
  }
  return out;
}

function cosine(a: Float64Array, b: Float64Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : aa === bb ? 1 : 0;
}
