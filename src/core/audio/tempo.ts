import type { OnsetEnvelope } from './onset-envelope.ts';

export interface TempoOptions {
  minBpm: number;
  maxBpm: number;
  /** Centre of the log-normal tempo prior (listeners and annotators favour ~100–130 BPM). */
  priorBpm: number;
  /** Standard deviation of the prior, in octaves. */
  priorOctaves: number;
  /** Grid steps per octave for candidate tempi. */
  stepsPerOctave: number;
}

export const DEFAULT_TEMPO_OPTIONS: TempoOptions = {
  minBpm: 40,
  maxBpm: 240,
  priorBpm: 120,
  priorOctaves: 0.7,
  stepsPerOctave: 48,
};

export interface TempoEstimate {
  /** 0 when the envelope carries no periodicity (silence, too short). */
  bpm: number;
  /** Beat period in frames of the onset envelope (fractional). */
  periodFrames: number;
  /** Normalised autocorrelation at the beat period (−1..1): how strongly the pulse recurs. */
  salience: number;
}

/** Log-spaced BPM candidates from minBpm to maxBpm. */
export function tempoGrid(options: Partial<TempoOptions> = {}): Float64Array {
  const { minBpm, maxBpm, stepsPerOctave } = { ...DEFAULT_TEMPO_OPTIONS, ...options };
  const count = Math.floor(Math.log2(maxBpm / minBpm) * stepsPerOctave) + 1;
  const grid = new Float64Array(count);
  for (let i = 0; i < count; i++) grid[i] = minBpm * 2 ** (i / stepsPerOctave);
  return grid;
}

/**
 * Autocorrelation of `values[from..to)` minus its mean, weighted by a Hann taper, lags 0..maxLag, normalised so
 * that lag 0 is 1 (all zeros when the segment has no energy).
 */
export function autocorrelation(values: ArrayLike<number>, maxLag: number, from = 0, to = values.length): Float64Array {
  const n = Math.max(0, to - from);
  const acf = new Float64Array(maxLag + 1);
  if (n === 0) return acf;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[from + i]!;
  mean /= n;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = (values[from + i]! - mean) * (0.5 - 0.5 * Math.cos((2 * Math.PI * (i + 0.5)) / n));
  for (let lag = 0; lag <= maxLag && lag < n; lag++) {
    let acc = 0;
    for (let i = lag; i < n; i++) acc += x[i]! * x[i - lag]!;
    // Unbiased: divide by the overlap so long lags are not penalised for being long.
    acf[lag] = acc / (n - lag);
  }
  const zero = acf[0]!;
  if (zero > 0) for (let lag = 0; lag <= maxLag; lag++) acf[lag]! /= zero;
  return acf;
}

function sampleAt(acf: Float64Array, lag: number): number {
  if (lag < 0 || lag > acf.length - 1) return 0;
  const i = Math.floor(lag);
  const f = lag - i;
  return i + 1 < acf.length ? acf[i]! * (1 - f) + acf[i + 1]! * f : acf[i]!;
}

/**
 * Periodicity score of each grid tempo: the autocorrelation at the beat period plus its
 * metrical relatives (two and three beats, and the half beat), so a tempo whose bar and
 * sub-beat levels also recur outranks an isolated peak. The half-beat term favours the slower
 * of two octave-related tempi; the prior's width balances that. Negative correlation counts as zero.
 */
export function tempoScores(acf: Float64Array, fps: number, grid: Float64Array): Float64Array {
  const scores = new Float64Array(grid.length);
  for (let i = 0; i < grid.length; i++) {
    const period = (60 * fps) / grid[i]!;
    const at = (lag: number) => Math.max(0, sampleAt(acf, lag));
    scores[i] = at(period) + 0.5 * at(2 * period) + 0.25 * at(3 * period) + 0.25 * at(period / 2);
  }
  return scores;
}

/** Log-normal prior weights over the grid. */
export function tempoPrior(grid: Float64Array, options: Partial<TempoOptions> = {}): Float64Array {
  const { priorBpm, priorOctaves } = { ...DEFAULT_TEMPO_OPTIONS, ...options };
  const prior = new Float64Array(grid.length);
  for (let i = 0; i < grid.length; i++) prior[i] = Math.exp(-0.5 * (Math.log2(grid[i]! / priorBpm) / priorOctaves) ** 2);
  return prior;
}

/**
 * One global tempo for the whole envelope: autocorrelation, metrical enhancement and a
 * log-normal prior, refined to a fractional period by a parabola through the best grid point.
 *
 * @example
 * const { bpm } = estimateTempo(onsetEnvelope(mel));
 */
export function estimateTempo(onset: OnsetEnvelope, options: Partial<TempoOptions> = {}): TempoEstimate {
  const opts = { ...DEFAULT_TEMPO_OPTIONS, ...options };
  const grid = tempoGrid(opts);
  const maxLag = Math.ceil((3 * 60 * onset.fps) / opts.minBpm) + 2;
  const acf = autocorrelation(onset.values, maxLag);
  if (!(acf[0]! > 0) || onset.values.length < (2 * 60 * onset.fps) / opts.maxBpm) {
    return { bpm: 0, periodFrames: 0, salience: 0 };
  }
  const scores = tempoScores(acf, onset.fps, grid);
  const prior = tempoPrior(grid, opts);
  let best = 0;
  for (let i = 0; i < grid.length; i++) {
    scores[i]! *= prior[i]!;
    if (scores[i]! > scores[best]!) best = i;
  }
  if (!(scores[best]! > 0)) return { bpm: 0, periodFrames: 0, salience: 0 };
  const bpm = refinePeak(acf, onset.fps, grid[best]!);
  const periodFrames = (60 * onset.fps) / bpm;
  return { bpm, periodFrames, salience: sampleAt(acf, periodFrames) };
}

/** Parabolic interpolation of the autocorrelation peak nearest the given tempo. */
export function refinePeak(acf: Float64Array, fps: number, bpm: number): number {
  let lag = Math.round((60 * fps) / bpm);
  // Walk uphill to the local maximum (the grid point may sit on the peak's flank).
  for (let step = 0; step < 4; step++) {
    if (lag + 1 < acf.length && acf[lag + 1]! > acf[lag]!) lag++;
    else if (lag - 1 > 0 && acf[lag - 1]! > acf[lag]!) lag--;
    else break;
  }
  if (lag <= 0 || lag + 1 >= acf.length) return bpm;
  const a = acf[lag - 1]!;
  const b = acf[lag]!;
  const c = acf[lag + 1]!;
  const denom = a - 2 * b + c;
  const offset = denom < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / denom)) : 0;
  return (60 * fps) / (lag + offset);
}
