/**
 * Fits a cut to music: clip lengths are scaled so the cut lasts as long as the music (or a
 * chosen section), then every cut point moves to the nearest beat that keeps each clip within
 * its shortest and longest length. All maths in whole frames, so cuts land on frames.
 */

export interface FitClip {
  id: string;
  /** The length the person asked for. */
  seconds: number;
  minSeconds: number;
  /** The generated length: a clip cannot play longer than its video. */
  maxSeconds: number;
}

export interface FitRequest {
  clips: readonly FitClip[];
  /** Beat (or downbeat) times in seconds, from the start of the music. */
  grid: readonly number[];
  fps: number;
  /** The section of the music the cut covers, in seconds (default: all of it). */
  start?: number;
  end: number;
}

export interface FitResult {
  /** Frames per clip, in order. */
  frames: number[];
  /** Cut points in seconds from the section start (one per clip boundary). */
  cuts: number[];
  totalSeconds: number;
  /** How many inner cut points landed on a beat. */
  onBeat: number;
  warnings: string[];
}

export function fitToMusic(request: FitRequest): FitResult {
  const { clips, fps } = request;
  const warnings: string[] = [];
  if (clips.length === 0) return { frames: [], cuts: [], totalSeconds: 0, onBeat: 0, warnings: ['There are no clips to fit.'] };
  const start = request.start ?? 0;
  const lo = clips.map((c) => Math.max(1, Math.round(c.minSeconds * fps)));
  const hi = clips.map((c, i) => Math.max(lo[i]!, Math.round(c.maxSeconds * fps)));
  const wanted = clips.map((c, i) => clamp(Math.round(c.seconds * fps), lo[i]!, hi[i]!));
  const sectionFrames = Math.round((request.end - start) * fps);
  const total = clamp(sectionFrames, sum(lo), sum(hi));
  if (total > sectionFrames) warnings.push(`The clips cannot be shorter than ${(total / fps).toFixed(1)} s together; the cut runs past the music.`);
  if (total < sectionFrames) warnings.push(`The clips are ${(total / fps).toFixed(1)} s at most together; the cut ends before the music does.`);

  const scaled = scaleToTotal(wanted, lo, hi, total);
  const grid = request.grid.map((t) => Math.round((t - start) * fps)).filter((f) => f > 0 && f < total);
  const frames: number[] = [];
  let at = 0;
  let onBeat = 0;
  let ideal = 0;
  for (let i = 0; i < clips.length - 1; i++) {
    ideal += scaled[i]!;
    // The cut must leave room for the clips after it, within their own limits.
    const restLo = sum(lo.slice(i + 1));
    const restHi = sum(hi.slice(i + 1));
    const earliest = Math.max(at + lo[i]!, total - restHi);
    const latest = Math.min(at + hi[i]!, total - restLo);
    const beat = nearest(grid, ideal, earliest, latest);
    const cut = beat ?? clamp(ideal, earliest, latest);
    if (beat !== undefined) onBeat++;
    frames.push(cut - at);
    at = cut;
  }
  frames.push(total - at);
  const innerCuts = clips.length - 1;
  if (grid.length && onBeat < innerCuts) warnings.push(`${innerCuts - onBeat} of ${innerCuts} cuts could not land on a beat within the clips' lengths.`);
  const cuts = frames.slice(0, -1).reduce<number[]>((acc, f) => [...acc, (acc.at(-1) ?? 0) + f], []).map((f) => f / fps);
  return { frames, cuts, totalSeconds: total / fps, onBeat, warnings };
}

/** Scales lengths to sum to `total`, keeping each within its bounds (water-filling). */
export function scaleToTotal(wanted: readonly number[], lo: readonly number[], hi: readonly number[], total: number): number[] {
  const out = [...wanted];
  const fixed = new Set<number>();
  for (let round = 0; round < wanted.length + 1; round++) {
    const free = out.map((_, i) => i).filter((i) => !fixed.has(i));
    const remaining = total - sum(out.filter((_, i) => fixed.has(i)));
    const base = sum(free.map((i) => wanted[i]!));
    if (!free.length) break;
    let clamped = false;
    for (const i of free) {
      const v = base > 0 ? (wanted[i]! * remaining) / base : remaining / free.length;
      const c = clamp(v, lo[i]!, hi[i]!);
      if (c !== v) {
        fixed.add(i);
        clamped = true;
      }
      out[i] = c;
    }
    if (!clamped) break;
  }
  // Whole frames that still add up: hand the rounding left-overs to clips with room.
  const rounded = out.map((v) => Math.round(v));
  let diff = total - sum(rounded);
  for (let i = 0; diff !== 0 && i < rounded.length * 2; i++) {
    const k = i % rounded.length;
    const step = Math.sign(diff);
    if (rounded[k]! + step >= lo[k]! && rounded[k]! + step <= hi[k]!) {
      rounded[k]! += step;
      diff -= step;
    }
  }
  return rounded;
}

function nearest(grid: readonly number[], target: number, min: number, max: number): number | undefined {
  let best: number | undefined;
  for (const g of grid) if (g >= min && g <= max && (best === undefined || Math.abs(g - target) < Math.abs(best - target))) best = g;
  return best;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const clamp = (v: number, a: number, b: number) => Math.min(b, Math.max(a, v));
