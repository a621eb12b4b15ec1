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

function kaiser(x: number, beta: number): number {
  if (Math.abs(x) > 1) return 0;
  return besselI0(beta * Math.sqrt(1 - x * x)) / besselI0(beta);
}

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 30; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}

/**
 * For each sample n, the largest absolute value of the signal between n and n+1 (the sample
 * itself and the interpolated points after it). The meter takes the maximum; the limiter
 * uses it per sample to know where the intersample peaks are.
 */
export function intersamplePeaks(samples: Float32Array, sampleRate: number): Float32Array {
  const factor = oversamplingFactor(sampleRate);
  const out = new Float32Array(samples.length);
  if (factor === 1) {
    for (let n = 0; n < samples.length; n++) out[n] = Math.abs(samples[n]!);
    return out;
  }
  const phases = interpolationPhases(factor);
  const half = TAPS_PER_PHASE / 2;
  const len = samples.length;
  for (let n = 0; n < len; n++) {
    let peak = Math.abs(samples[n]!);
    const fast = n - half + 1 >= 0 && n + half < len;
    for (let p = 1; p < factor; p++) {
      const taps = phases[p]!;
      let acc = 0;
      // Taps cover x[n - half + 1 .. n + half], oldest last.
      if (fast) {
        for (let k = 0; k < TAPS_PER_PHASE; k++) acc += taps[k]! * samples[n + half - k]!;
      } else {
        for (let k = 0; k < TAPS_PER_PHASE; k++) {
          const idx = n + half - k;
          if (idx >= 0 && idx < len) acc += taps[k]! * samples[idx]!;
        }
      }
      const a = Math.abs(acc);
      if (a > peak) peak = a;
    }
    out[n] = peak;
  }
  return out;
}

/** The true peak of all channels, linear (1 = 0 dBTP). */
export function truePeakLinear(channels: readonly Float32Array[], sampleRate: number): number {
  let peak = 0;
  for (const ch of channels) {
    const peaks = intersamplePeaks(ch, sampleRate);
    for (let n = 0; n < peaks.length; n++) if (peaks[n]! > peak) peak = peaks[n]!;
  }
  return peak;
}
