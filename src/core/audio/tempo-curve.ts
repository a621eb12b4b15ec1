import type { OnsetEnvelope } from './onset-envelope.ts';
import { DEFAULT_TEMPO_OPTIONS, autocorrelation, tempoGrid, tempoPrior, tempoScores, type TempoOptions } from './tempo.ts';

export interface TempoCurveOptions extends TempoOptions {
  /** Autocorrelation window; long enough for a few bars, short enough to follow changes. */
  windowSec: number;
  hopSec: number;
  /** Cost of moving one grid step between neighbouring windows (log-likelihood units). */
  stepPenalty: number;
}

export const DEFAULT_TEMPO_CURVE_OPTIONS: TempoCurveOptions = {
  ...DEFAULT_TEMPO_OPTIONS,
  windowSec: 8,
  hopSec: 1,
  stepPenalty: 0.25,
};

export interface TempoCurve {
  /** Tempo in BPM for every onset frame (0 everywhere when no pulse was found). */
  bpmPerFrame: Float32Array;
  /** Tempo of each analysis window and the window centres in frames. */
  windowBpm: Float64Array;
  windowCentres: Float64Array;
}

/**
 * Local tempo over time: a tempogram (windowed autocorrelation with metrical enhancement and
 * the tempo prior) decoded by Viterbi, so the path stays on one metrical level and moves only
 * when the music does. Used to give the beat tracker a period that can change mid-track.
 *
 * @example
 * const curve = tempoCurve(onset);
 */
export function tempoCurve(onset: OnsetEnvelope, options: Partial<TempoCurveOptions> = {}): TempoCurve {
  const opts = { ...DEFAULT_TEMPO_CURVE_OPTIONS, ...options };
  const { values, fps } = onset;
  const n = values.length;
  const grid = tempoGrid(opts);
  const prior = tempoPrior(grid, opts);
  const states = grid.length;
  const win = Math.max(8, Math.round(opts.windowSec * fps));
  const hop = Math.max(1, Math.round(opts.hopSec * fps));
  const maxLag = Math.ceil((3 * 60 * fps) / opts.minBpm) + 2;

  const centres: number[] = [];
  if (n > 0) {
    if (n <= win) centres.push(n / 2);
    else for (let c = win / 2; c <= n - win / 2 + hop - 1; c += hop) centres.push(Math.min(c, n - win / 2));
  }
  const windows = centres.length;
  const emissions: Float64Array[] = [];
  for (const c of centres) {
    const from = Math.max(0, Math.round(c - win / 2));
    const to = Math.min(n, from + win);
    const acf = autocorrelation(values, Math.min(maxLag, to - from - 1), from, to);
    const scores = tempoScores(acf, fps, grid);
    let max = 0;
    for (let i = 0; i < states; i++) {
      scores[i]! *= prior[i]!;
      if (scores[i]! > max) max = scores[i]!;
    }
    const e = new Float64Array(states);
    // Log of the normalised score with a floor: a silent window is flat, so it neither votes nor blocks.
    for (let i = 0; i < states; i++) e[i] = Math.log((max > 0 ? scores[i]! / max : 1) + 0.05);
    emissions.push(e);
  }

  const windowBpm = new Float64Array(windows);
  if (windows > 0) {
    const path = viterbi(emissions, states, opts.stepPenalty);
    for (let w = 0; w < windows; w++) windowBpm[w] = grid[path[w]!]!;
  }
  const bpmPerFrame = new Float32Array(n);
  for (let t = 0; t < n; t++) bpmPerFrame[t] = interpolate(centres, windowBpm, t);
  return { bpmPerFrame, windowBpm, windowCentres: Float64Array.from(centres) };
}

/** Max-sum decoding with a linear cost per grid step between consecutive windows. */
function viterbi(emissions: Float64Array[], states: number, stepPenalty: number): Int32Array {
  const windows = emissions.length;
  const back = new Int32Array(windows * states);
  let score = Float64Array.from(emissions[0]!);
  for (let w = 1; w < windows; w++) {
    const next = new Float64Array(states);
    const e = emissions[w]!;
    for (let j = 0; j < states; j++) {
      let best = -Infinity;
      let arg = j;
      for (let i = 0; i < states; i++) {
        const v = score[i]! - stepPenalty * Math.abs(i - j);
        if (v > best) {
          best = v;
          arg = i;
        }
      }
      next[j] = best + e[j]!;
      back[w * states + j] = arg;
    }
    score = next;
  }
  const path = new Int32Array(windows);
  let last = 0;
  for (let j = 1; j < states; j++) if (score[j]! > score[last]!) last = j;
  path[windows - 1] = last;
  for (let w = windows - 1; w > 0; w--) path[w - 1] = back[w * states + path[w]!]!;
  return path;
}

function interpolate(xs: number[], ys: Float64Array, x: number): number {
  if (xs.length === 0) return 0;
  if (x <= xs[0]!) return ys[0]!;
  if (x >= xs[xs.length - 1]!) return ys[ys.length - 1]!;
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  const f = (x - xs[lo]!) / (xs[hi]! - xs[lo]!);
  // Interpolate in log-tempo so a change between octaves passes through musical values.
  return Math.exp(Math.log(ys[lo]!) * (1 - f) + Math.log(ys[hi]!) * f);
}
