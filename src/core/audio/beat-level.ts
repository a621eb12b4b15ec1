import { bpmFromBeats } from './bpm-from-beats.ts';

/**
 * Which pulse to cut on. People tap the same song at different metrical levels (annotated
 * corpora disagree with each other by exactly 2x on ~20 % of songs), so the tracker's choice is
 * a default, not a truth: `double` adds the half-beats, `half` keeps every other beat.
 */
export const BEAT_LEVELS = ['detected', 'double', 'half'] as const;
export type BeatLevel = (typeof BEAT_LEVELS)[number];

export interface BeatGrid {
  bpm: number;
  beats: number[];
  downbeats: number[];
}

/**
 * The same grid at another metrical level. Halving keeps the beats in step with the bars (the
 * phase holding most downbeats), so cuts still land on the "one"; downbeats stay as they were.
 *
 * @example
 * const { bpm, beats } = atBeatLevel(analysis, 'half');
 */
export function atBeatLevel<T extends BeatGrid>(grid: T, level: BeatLevel): T {
  if (level === 'detected' || grid.beats.length < 2) return grid;
  if (level === 'double') {
    const beats: number[] = [];
    for (let i = 0; i < grid.beats.length; i++) {
      beats.push(grid.beats[i]!);
      if (i + 1 < grid.beats.length) beats.push((grid.beats[i]! + grid.beats[i + 1]!) / 2);
    }
    return { ...grid, beats, bpm: bpmFromBeats(beats) };
  }
  const phase = downbeatPhase(grid);
  const beats = grid.beats.filter((_, i) => i % 2 === phase);
  const kept = new Set(beats);
  return { ...grid, beats, downbeats: grid.downbeats.filter((d) => kept.has(d)), bpm: bpmFromBeats(beats) };
}

/** 0 or 1: the parity of beat indices that most downbeats fall on (0 when there are none). */
function downbeatPhase(grid: BeatGrid): number {
  const index = new Map(grid.beats.map((b, i) => [b, i]));
  let odd = 0;
  let even = 0;
  for (const d of grid.downbeats) {
    const i = index.get(d);
    if (i === undefined) continue;
    if (i % 2) odd++;
    else even++;
  }
  return odd > even ? 1 : 0;
}
