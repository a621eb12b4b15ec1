import { kaiser } from './kaiser-window';
/**
 * True peak per ITU-R BS.1770-4 Annex 2: the signal is oversampled (4x below 96 kHz, 2x below
 * 192 kHz) with a low-pass interpolator and the largest absolute value is the peak. Our
 * interpolator is a Kaiser-windowed sinc, 12 taps per phase like the standard's 48-tap example,
 * each phase normalised to unity gain so a constant signal reads exactly its level.
 */
const TAPS_PER_PHASE = 12;
const KAISER_BETA = 6;

const filterCache = new Map<number, Float64Array[]>();

export function oversamplingFactor(sampleRate: number): number {
  return sampleRate < 96_000 ? 4 : sampleRate < 192_000 ? 2 : 1;
}

/** phases[p][k]: weight of x[n + TAPS/2 - k] for the point p/factor after x[n]. */
function interpolationPhases(factor: number): Float64Array[] {
  const cached = filterCache.get(factor);
  if (cached) return cached;
  const half = TAPS_PER_PHASE / 2;
  const phases: Float64Array[] = [];
  for (let p = 0; p < factor; p++) {
    const taps = new Float64Array(TAPS_PER_PHASE);
    let sum = 0;
    for (let k = 0; k < TAPS_PER_PHASE; k++) {
      // Distance in input samples from the interpolated point to x[n + half - k].
      const t = p / factor - half + k;
      taps[k] = sinc(t) * kaiser(t / half, KAISER_BETA);
      sum += taps[k]!;
    }
    for (let k = 0; k < TAPS_PER_PHASE; k++) taps[k] = taps[k]! / sum;
    phases.push(taps);
  }
  filterCache.set(factor, phases);
  return phases;
}

function sinc(x: number): number {
  return x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
}

/**
 * For each sample n, the largest absolute value of the signal between n and n+1 (the sample
 * itself and the interpolated points after it). The meter takes the maximum; the limiter
 * uses it per sample to know where the intersample peaks are.
 */
export function intersamplePeaks(samples: Float32Array, sampleRate: number): Float32Array {
  const factor = oversamplingFactor(sampleRate);
  const len = samples.length;
  const out = new Float32Array(len);
  for (let n = 0; n < len; n++) out[n] = Math.abs(samples[n]!);
  if (factor === 1) return out;
  // All phases' taps in one flat array: the hot loop reads only typed arrays and locals.
  const phases = interpolationPhases(factor);
  const T = TAPS_PER_PHASE;
  const half = T / 2;
  const flat = new Float64Array(factor * T);
  phases.forEach((taps, p) => flat.set(taps, p * T));
  const inner = (n: number): number => {
    let peak = out[n]!;
    for (let p = 1; p < factor; p++) {
      const o = p * T;
      let acc = 0;
      // Taps cover x[n - half + 1 .. n + half], newest first; outside the signal is silence.
      for (let k = 0; k < T; k++) {
        const idx = n + half - k;
        if (idx >= 0 && idx < len) acc += flat[o + k]! * samples[idx]!;
      }
      const a = acc < 0 ? -acc : acc;
      if (a > peak) peak = a;
    }
    return peak;
  };
  const first = Math.min(len, half - 1);
  const last = Math.max(first, len - half);
  for (let n = 0; n < first; n++) out[n] = inner(n);
  for (let n = first; n < last; n++) {
    const base = n + half;
    let peak = out[n]!;
    for (let o = T; o < factor * T; o += T) {
      let acc = 0;
      for (let k = 0; k < T; k++) acc += flat[o + k]! * samples[base - k]!;
      const a = acc < 0 ? -acc : acc;
      if (a > peak) peak = a;
    }
    out[n] = peak;
  }
  for (let n = last; n < len; n++) out[n] = inner(n);
  return out;
}

/** Samples per stretch the meter decides to interpolate or skip. */
const METER_CHUNK = 256;

/**
 * The true peak of all channels, linear (1 = 0 dBTP). An interpolated point cannot exceed the
 * largest nearby sample times the sum of the taps' magnitudes, so stretches whose samples are too
 * quiet to beat the peak found so far are skipped; the ones interpolated give the exact values.
 */
export function truePeakLinear(channels: readonly Float32Array[], sampleRate: number): number {
  let peak = 0;
  for (const ch of channels) for (let n = 0; n < ch.length; n++) if (Math.abs(ch[n]!) > peak) peak = Math.abs(ch[n]!);
  const factor = oversamplingFactor(sampleRate);
  if (factor === 1 || peak === 0) return peak;
  const bound = Math.max(...interpolationPhases(factor).map((taps) => taps.reduce((a, t) => a + Math.abs(t), 0)));
  const margin = TAPS_PER_PHASE / 2;
  for (const ch of channels) {
    for (let start = 0; start < ch.length; start += METER_CHUNK) {
      const end = Math.min(ch.length, start + METER_CHUNK);
      const from = Math.max(0, start - margin);
      const to = Math.min(ch.length, end + margin);
      let local = 0;
      for (let n = from; n < to; n++) if (Math.abs(ch[n]!) > local) local = Math.abs(ch[n]!);
      if (local * bound <= peak) continue;
      // With `margin` samples either side, the stretch's own points see every tap they need.
      const peaks = intersamplePeaks(ch.subarray(from, to), sampleRate);
      for (let n = start - from; n < end - from; n++) if (peaks[n]! > peak) peak = peaks[n]!;
    }
  }
  return peak;
}
