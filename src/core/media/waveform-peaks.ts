export interface WaveformPeaks {
  /** Lowest sample of each bucket (-1..1 for normal audio). */
  min: Float32Array;
  /** Highest sample of each bucket. */
  max: Float32Array;
  /** Seconds covered by one bucket. */
  bucketSec: number;
  durationSec: number;
}

/**
 * Min/max per bucket: what a waveform view draws (one vertical line per bucket). Buckets split the
 * samples as evenly as possible; with fewer samples than buckets, some buckets repeat a sample.
 *
 * @example
 * const { min, max } = waveformPeaks(pcm, 22050, 800);
 */
export function waveformPeaks(pcm: Float32Array, sampleRate: number, buckets: number): WaveformPeaks {
  if (!Number.isInteger(buckets) || buckets < 1) {
    throw new RangeError(`[media/waveformPeaks] buckets must be a positive integer, got ${buckets}`);
  }
  if (!(sampleRate > 0)) throw new RangeError(`[media/waveformPeaks] sampleRate must be positive, got ${sampleRate}`);
  const min = new Float32Array(buckets);
  const max = new Float32Array(buckets);
  const n = pcm.length;
  for (let b = 0; b < buckets && n > 0; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.max(from + 1, Math.floor(((b + 1) * n) / buckets));
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = from; i < to && i < n; i++) {
      const v = pcm[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    min[b] = Number.isFinite(lo) ? lo : 0;
    max[b] = Number.isFinite(hi) ? hi : 0;
  }
  const durationSec = n / sampleRate;
  return { min, max, bucketSec: durationSec / buckets, durationSec };
}
