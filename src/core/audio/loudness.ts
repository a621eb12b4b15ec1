import type { LoudnessReport } from '../narration/narration-types.ts';
import { kWeightedSquares } from './k-weighting.ts';
import { truePeakLinear } from './true-peak.ts';

/** Gating block 400 ms, moved in 100 ms steps (75 % overlap). */
const BLOCK_STEPS = 4;
const ABSOLUTE_GATE_LUFS = -70;
const RELATIVE_GATE_LU = -10;

/**
 * Integrated loudness (ITU-R BS.1770-4 / EBU R128) and true peak of a programme.
 * Channels are weighted 1.0, except the surrounds of a 5.1 layout (L R C LFE Ls Rs): the LFE
 * is left out and Ls/Rs count 1.41. Silence or anything under 400 ms reads -Infinity LUFS.
 *
 * @example measureLoudness([left, right], 48000) // { integratedLufs: -23.0, truePeakDbtp: -20.0 }
 */
export function measureLoudness(channels: Float32Array[], sampleRate: number): LoudnessReport {
  if (!(sampleRate >= 8000 && sampleRate <= 384_000)) {
    throw new RangeError(`[loudness] sampleRate must be 8000..384000 Hz, got ${sampleRate}`);
  }
  if (channels.length === 0) return { integratedLufs: -Infinity, truePeakDbtp: -Infinity };
  const blockPowers = gatingBlockPowers(channels, sampleRate);
  const peak = truePeakLinear(channels, sampleRate);
  return { integratedLufs: integrate(blockPowers), truePeakDbtp: peak > 0 ? 20 * Math.log10(peak) : -Infinity };
}

/** Integrated loudness alone (no true peak): for loops that only need to know how loud. */
export function integratedLoudness(channels: Float32Array[], sampleRate: number): number {
  return channels.length === 0 ? -Infinity : integrate(gatingBlockPowers(channels, sampleRate));
}

/** Weighted mean-square power of every 400 ms gating block, from 100 ms sub-block sums. */
export function gatingBlockPowers(channels: readonly Float32Array[], sampleRate: number): Float64Array {
  const step = Math.round(sampleRate / 10);
  const length = Math.min(...channels.map((c) => c.length));
  const steps = Math.floor(length / step);
  const stepSums = new Float64Array(steps);
  channels.forEach((channel, c) => {
    const weight = channelWeight(c, channels.length);
    if (weight === 0) return;
    const squares = kWeightedSquares(channel, sampleRate);
    for (let s = 0; s < steps; s++) {
      let sum = 0;
      for (let n = s * step, end = n + step; n < end; n++) sum += squares[n]!;
      stepSums[s] = stepSums[s]! + weight * sum;
    }
  });
  const blocks = Math.max(0, steps - BLOCK_STEPS + 1);
  const powers = new Float64Array(blocks);
  for (let b = 0; b < blocks; b++) {
    let sum = 0;
    for (let s = b; s < b + BLOCK_STEPS; s++) sum += stepSums[s]!;
    powers[b] = sum / (step * BLOCK_STEPS);
  }
  return powers;
}

function channelWeight(index: number, count: number): number {
  if (count !== 6) return 1;
  return [1, 1, 1, 0, 1.41, 1.41][index]!;
}

const lufs = (power: number) => -0.691 + 10 * Math.log10(power);

/** The two-stage gate: blocks above -70 LUFS, then those within 10 LU of their mean. */
function integrate(powers: Float64Array): number {
  const meanAbove = (threshold: number) => {
    let sum = 0;
    let count = 0;
    for (const p of powers) {
      if (p > 0 && lufs(p) > threshold) {
        sum += p;
        count++;
      }
    }
    return count === 0 ? 0 : sum / count;
  };
  const absoluteMean = meanAbove(ABSOLUTE_GATE_LUFS);
  if (absoluteMean === 0) return -Infinity;
  const relativeGate = lufs(absoluteMean) + RELATIVE_GATE_LU;
  const gatedMean = meanAbove(Math.max(ABSOLUTE_GATE_LUFS, relativeGate));
  return gatedMean === 0 ? -Infinity : lufs(gatedMean);
}
