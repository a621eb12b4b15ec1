export interface EnergyCurve {
  /** Loudness per hop, 0 (60 dB or more below the loudest hop, or silence) to 1 (the loudest hop). */
  values: number[];
  hopSec: number;
}

export interface EnergyOptions {
  hopSec: number;
  /** Range mapped onto 0..1 below the loudest hop. */
  rangeDb: number;
}

export const DEFAULT_ENERGY_OPTIONS: EnergyOptions = { hopSec: 0.05, rangeDb: 60 };

/**
 * RMS loudness per hop in dB, mapped to 0..1 relative to the loudest hop: an editor's "how
 * intense is the music here" curve, independent of the file's gain.
 *
 * @example
 * const { values, hopSec } = energyCurve(samples, 22050);
 */
export function energyCurve(samples: Float32Array, sampleRate: number, options: Partial<EnergyOptions> = {}): EnergyCurve {
  const { hopSec, rangeDb } = { ...DEFAULT_ENERGY_OPTIONS, ...options };
  const hop = Math.max(1, Math.round(hopSec * sampleRate));
  const count = Math.ceil(samples.length / hop);
  const db = new Float64Array(count);
  let maxDb = -Infinity;
  for (let h = 0; h < count; h++) {
    const from = h * hop;
    const to = Math.min(samples.length, from + hop);
    let acc = 0;
    for (let i = from; i < to; i++) acc += samples[i]! * samples[i]!;
    const rms = Math.sqrt(acc / Math.max(1, to - from));
    db[h] = rms > 1e-9 ? 20 * Math.log10(rms) : -Infinity;
    if (db[h]! > maxDb) maxDb = db[h]!;
  }
  const values = new Array<number>(count);
  for (let h = 0; h < count; h++) {
    values[h] = Number.isFinite(maxDb) ? Math.max(0, Math.min(1, 1 + (db[h]! - maxDb) / rangeDb)) : 0;
  }
  return { values, hopSec: hop / sampleRate };
}

/**
 * Coefficient of variation of the loudness curve (0 for a constant level). Stationary noise
 * stays within ~0.03; even quiet, legato music swells and breathes above ~0.05.
 */
export function loudnessVariation(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  if (!(mean > 0)) return 0;
  let variance = 0;
  for (const v of values) variance += (v - mean) ** 2;
  return Math.sqrt(variance / values.length) / mean;
}
