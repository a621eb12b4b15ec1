import { describe, expect, it } from 'vitest';
import { intersamplePeaks, truePeakLinear } from '../../../src/core/audio/true-peak';

/** Seeded noise bursts at several levels, with one high-frequency peak in a quiet stretch. */
function signal(seed: number, length: number): Float32Array {
  let state = seed;
  const rand = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const x = Float32Array.from({ length }, (_, n) => rand() * (0.05 + 0.6 * ((Math.floor(n / 3000) % 4) / 3)));
  for (let n = 0; n < 64; n++) x[5000 + n] = 0.7 * Math.sin((Math.PI / 2) * n + Math.PI / 4);
  return x;
}

describe('truePeakLinear', () => {
  it('skips quiet stretches yet finds exactly the peak of the full oversampled signal', () => {
    for (const [seed, rate] of [[1, 48_000], [2, 44_100], [3, 96_000], [4, 192_000]] as const) {
      const channels = [signal(seed, 20_000), signal(seed + 10, 20_000)];
      const exhaustive = Math.max(...channels.map((c) => Math.max(...intersamplePeaks(c, rate))));
      expect(truePeakLinear(channels, rate)).toBe(exhaustive);
    }
    expect(truePeakLinear([new Float32Array(100)], 48_000)).toBe(0);
  });
});
