import type { MelSpectrogram } from './mel-spectrogram.ts';

export interface DownbeatEstimate {
  /** Indices into the beat list that start a bar. */
  indices: number[];
  /** 3 or 4 (0 when there are too few beats to tell). */
  beatsPerBar: number;
}

export interface DownbeatOptions {
  meters: readonly number[];
  /** Added to the score of 4/4, the common case, so ambiguous music defaults to it. */
  fourFourBias: number;
  /** Upper edge of the "kick drum" bands in Hz. */
  bassMaxHz: number;
}

export const DEFAULT_DOWNBEAT_OPTIONS: DownbeatOptions = {
  meters: [3, 4],
  fourFourBias: 0.1,
  bassMaxHz: 180,
};

/**
 * Meter and bar phase from beat-synchronous evidence: bass onsets (kick drums land on the one),
 * harmonic change between consecutive beats (chords change at bar lines) and overall onset
 * strength. For each meter and phase, the contrast between the beats on that phase and the rest
 * is measured; the best pair wins.
 *
 * @example
 * const { indices, beatsPerBar } = estimateDownbeats(mel, beatFrames);
 */
export function estimateDownbeats(
  mel: MelSpectrogram,
  beatFrames: readonly number[],
  options: Partial<DownbeatOptions> = {},
): DownbeatEstimate {
  const opts = { ...DEFAULT_DOWNBEAT_OPTIONS, ...options };
  const count = beatFrames.length;
  if (count < 6) return { indices: count > 0 ? [0] : [], beatsPerBar: 0 };
  const { data, bands, frames } = mel;
  let bassBands = 0;
  while (bassBands < bands && mel.bandHz[bassBands]! <= opts.bassMaxHz) bassBands++;
  bassBands = Math.max(1, bassBands);

  // Mean spectrum of each beat span and the bass/overall rise at each beat.
  const spans: Float64Array[] = [];
  const bassRise = new Float64Array(count);
  const fullRise = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const start = Math.max(0, Math.round(beatFrames[k]!));
    // The last beat has no successor: give it the previous beat's length.
    const next = k + 1 < count ? beatFrames[k + 1]! : 2 * beatFrames[k]! - beatFrames[k - 1]!;
    const end = Math.min(frames, Math.max(start + 1, Math.round(next)));
    const mean = new Float64Array(bands);
    for (let t = start; t < end; t++) for (let b = 0; b < bands; b++) mean[b]! += data[t * bands + b]!;
    for (let b = 0; b < bands; b++) mean[b]! /= Math.max(1, end - start);
    spans.push(mean);
    bassRise[k] = rise(mel, start, 0, bassBands);
    fullRise[k] = rise(mel, start, 0, bands);
  }
  const change = new Float64Array(count);
  for (let k = 1; k < count; k++) {
    let acc = 0;
    for (let b = 0; b < bands; b++) acc += Math.abs(spans[k]![b]! - spans[k - 1]![b]!);
    change[k] = acc / bands;
  }
  change[0] = change[1]!;
  const feature = new Float64Array(count);
  const zb = zScores(bassRise);
  const zc = zScores(change);
  const zf = zScores(fullRise);
  for (let k = 0; k < count; k++) feature[k] = zb[k]! + zc[k]! + 0.5 * zf[k]!;

  let bestScore = -Infinity;
  let bestMeter = 4;
  let bestPhase = 0;
  for (const meter of opts.meters) {
    for (let phase = 0; phase < meter; phase++) {
      let on = 0;
      let onN = 0;
      let off = 0;
      let offN = 0;
      for (let k = 0; k < count; k++) {
        if (k % meter === phase) {
          on += feature[k]!;
          onN++;
        } else {
          off += feature[k]!;
          offN++;
        }
      }
      const score = on / Math.max(1, onN) - off / Math.max(1, offN) + (meter === 4 ? opts.fourFourBias : 0);
      if (score > bestScore) {
        bestScore = score;
        bestMeter = meter;
        bestPhase = phase;
      }
    }
  }
  const indices: number[] = [];
  for (let k = bestPhase; k < count; k += bestMeter) indices.push(k);
  return { indices, beatsPerBar: bestMeter };
}

/** Largest per-band increase (summed over bands lo..hi) in the few frames around a beat. */
function rise(mel: MelSpectrogram, frame: number, lo: number, hi: number): number {
  const { data, bands, frames } = mel;
  let best = 0;
  for (let t = Math.max(2, frame - 2); t <= Math.min(frames - 1, frame + 2); t++) {
    let acc = 0;
    for (let b = lo; b < hi; b++) {
      const d = data[t * bands + b]! - data[(t - 2) * bands + b]!;
      if (d > 0) acc += d;
    }
    if (acc > best) best = acc;
  }
  return best / Math.max(1, hi - lo);
}

function zScores(values: Float64Array): Float64Array {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i]!;
  mean /= Math.max(1, n);
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (values[i]! - mean) ** 2;
  const std = Math.sqrt(variance / Math.max(1, n));
  const out = new Float64Array(n);
  if (std > 1e-12) for (let i = 0; i < n; i++) out[i] = (values[i]! - mean) / std;
  return out;
}
