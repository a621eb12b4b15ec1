import { describe, expect, it } from 'vitest';
import { atBeatLevel } from '../../../src/core/audio/beat-level';
import { beatsKind } from '../../../src/core/graph/kinds/analysis-kinds';

// 120 bpm, 4/4, bars starting on beats 1, 5, 9 (indices 1, 5, 9: the grid starts on an upbeat).
const beats = Array.from({ length: 12 }, (_, i) => 0.25 + i * 0.5);
const grid = { bpm: 120, beats, downbeats: [beats[1]!, beats[5]!, beats[9]!], beatsPerBar: 4 };

describe('atBeatLevel', () => {
  it('keeps the detected grid as it is', () => {
    expect(atBeatLevel(grid, 'detected')).toBe(grid);
  });

  it('doubles by adding the half-beats', () => {
    const fast = atBeatLevel(grid, 'double');
    expect(fast.bpm).toBeCloseTo(240, 6);
    expect(fast.beats).toHaveLength(23);
    expect(fast.beats[1]).toBeCloseTo(0.5, 9);
    expect(fast.downbeats).toEqual(grid.downbeats);
    expect(fast.beatsPerBar).toBe(4);
  });

  it('halves on the phase that holds the bars, so cuts still land on the one', () => {
    const slow = atBeatLevel(grid, 'half');
    expect(slow.bpm).toBeCloseTo(60, 6);
    expect(slow.beats).toEqual([beats[1], beats[3], beats[5], beats[7], beats[9], beats[11]]);
    expect(slow.downbeats).toEqual(grid.downbeats);
  });

  it('halves from the first beat when there are no downbeats, and leaves tiny grids alone', () => {
    expect(atBeatLevel({ ...grid, downbeats: [] }, 'half').beats[0]).toBe(beats[0]);
    const one = { bpm: 0, beats: [1], downbeats: [] };
    expect(atBeatLevel(one, 'double')).toBe(one);
  });

  it('is a Beats node setting that defaults to the detected level', () => {
    expect(beatsKind.params.parse({}).level).toBe('detected');
    expect(beatsKind.params.safeParse({ level: 'triple' }).success).toBe(false);
  });
});
