import type { OnsetEnvelope } from './onset-envelope.ts';

export interface BeatTrackerOptions {
  /**
   * Weight of the timing-regularity penalty against onset evidence. Stiffer than librosa's 100:
   * the fine-band flux carries more off-beat detail, and a firmer grid rides over it.
   */
  tightness: number;
  /** Leading and trailing beats weaker than this fraction of the typical beat strength are dropped. */
  trimRatio: number;
}

export const DEFAULT_BEAT_TRACKER_OPTIONS: BeatTrackerOptions = {
  tightness: 200,
  trimRatio: 0.5,
};

/**
 * Dynamic-programming beat tracker after Ellis (2007): every frame's best score is its onset
 * strength plus the best predecessor one period back, with a log-Gaussian penalty on deviations
 * from the expected period. The period may vary per frame (from a tempo curve), so tempo
 * changes are followed instead of fought.
 *
 * Returns beat positions in (fractional) frames of the onset envelope, in increasing order.
 *
 * @example
 * const frames = trackBeats(onset, curve.bpmPerFrame);
 */
export function trackBeats(
  onset: OnsetEnvelope,
  bpm: number | Float32Array,
  options: Partial<BeatTrackerOptions> = {},
): number[] {
  const opts = { ...DEFAULT_BEAT_TRACKER_OPTIONS, ...options };
  const { values, fps } = onset;
  const n = values.length;
  const periodAt = (t: number): number => {
    const b = typeof bpm === 'number' ? bpm : bpm[t]!;
    return b > 0 ? (60 * fps) / b : 0;
  };
  if (n === 0) return [];
  const typicalPeriod = periodAt(Math.floor(n / 2));
  if (!(typicalPeriod > 1)) return [];

  const local = smoothForBeats(values, typicalPeriod);
  const cumulative = new Float64Array(n);
  const backlink = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const period = periodAt(i);
    const lo = Math.max(0, i - Math.round(2 * period));
    const hi = i - Math.round(period / 2);
    let best = -Infinity;
    let arg = -1;
    for (let tau = lo; tau <= hi; tau++) {
      const r = Math.log((i - tau) / period);
      const v = cumulative[tau]! - opts.tightness * r * r;
      if (v > best) {
        best = v;
        arg = tau;
      }
    }
    // A chain may start anywhere: never carry a negative history into a beat.
    if (arg >= 0 && best > 0) {
      cumulative[i] = local[i]! + best;
      backlink[i] = arg;
    } else {
      cumulative[i] = local[i]!;
    }
  }

  const beats: number[] = [];
  for (let t = lastBeat(cumulative); t >= 0; t = backlink[t]!) beats.push(t);
  beats.reverse();
  const trimmed = trimWeakEnds(beats, local, opts.trimRatio);
  return trimmed.map((t) => refineToPeak(local, t));
}

/** Onset envelope smoothed by a Gaussian of ~1/32 period, as in librosa: tolerates small jitter. */
function smoothForBeats(values: Float32Array, period: number): Float64Array {
  const n = values.length;
  const radius = Math.max(1, Math.round(period / 8));
  const sigma = Math.max(0.5, period / 32);
  const kernel = new Float64Array(2 * radius + 1);
  for (let k = -radius; k <= radius; k++) kernel[k + radius] = Math.exp(-0.5 * (k / sigma) ** 2);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let k = -radius; k <= radius; k++) {
      const j = i + k;
      if (j >= 0 && j < n) acc += values[j]! * kernel[k + radius]!;
    }
    out[i] = acc;
  }
  return out;
}

/** The last local maximum of the cumulative score that is not much weaker than the typical one. */
function lastBeat(cumulative: Float64Array): number {
  const n = cumulative.length;
  const maxima: number[] = [];
  for (let i = 1; i < n - 1; i++) {
    if (cumulative[i]! > cumulative[i - 1]! && cumulative[i]! >= cumulative[i + 1]!) maxima.push(i);
  }
  if (n > 1 && cumulative[n - 1]! > cumulative[n - 2]!) maxima.push(n - 1);
  if (maxima.length === 0) return n - 1;
  const sorted = maxima.map((i) => cumulative[i]!).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  for (let k = maxima.length - 1; k >= 0; k--) if (cumulative[maxima[k]!]! >= 0.5 * median) return maxima[k]!;
  return maxima[maxima.length - 1]!;
}

/** Drops beats at either end that sit on (near) silence: the DP extrapolates through intros and fades. */
function trimWeakEnds(beats: number[], local: Float64Array, ratio: number): number[] {
  if (beats.length === 0) return beats;
  let sumSq = 0;
  for (const b of beats) sumSq += local[b]! ** 2;
  const threshold = ratio * Math.sqrt(sumSq / beats.length);
  let start = 0;
  let end = beats.length;
  while (start < end && local[beats[start]!]! < threshold) start++;
  while (end > start && local[beats[end - 1]!]! < threshold) end--;
  return beats.slice(start, end);
}

/** Sub-frame position of the onset peak at a beat (parabola through three frames). */
function refineToPeak(local: Float64Array, t: number): number {
  if (t <= 0 || t >= local.length - 1) return t;
  const a = local[t - 1]!;
  const b = local[t]!;
  const c = local[t + 1]!;
  const denom = a - 2 * b + c;
  if (!(denom < 0)) return t;
  return t + Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / denom));
}
