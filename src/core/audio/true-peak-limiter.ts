import { intersamplePeaks } from './true-peak.ts';

/** Gain may fall 6 dB per millisecond ahead of a peak and recover 6 dB per 100 ms after it. */
const ATTACK_DB_PER_S = 6000;
const RELEASE_DB_PER_S = 60;

/**
 * Keeps the true peak of linked channels at or under `ceilingDbtp` with a look-ahead gain curve:
 * the gain each sample needs is found from the oversampled peaks, then the curve falls early
 * (attack) and recovers slowly (release) so the limiting does not click. Works in place.
 */
export function limitTruePeak(channels: Float32Array[], sampleRate: number, ceilingDbtp: number): void {
  const n = Math.min(...channels.map((c) => c.length));
  if (n === 0) return;
  const ceiling = 10 ** (ceilingDbtp / 20);
  const needDb = new Float64Array(n);
  let anyOver = false;
  for (const ch of channels) {
    const peaks = intersamplePeaks(ch, sampleRate);
    for (let i = 0; i < n; i++) {
      // The peak between i and i+1 depends on both samples: both must come down.
      const p = Math.max(peaks[i]!, i > 0 ? peaks[i - 1]! : 0);
      if (p > ceiling) {
        anyOver = true;
        needDb[i] = Math.min(needDb[i]!, 20 * Math.log10(ceiling / p));
      }
    }
  }
  if (!anyOver) return;
  const attack = ATTACK_DB_PER_S / sampleRate;
  const release = RELEASE_DB_PER_S / sampleRate;
  for (let i = n - 2; i >= 0; i--) needDb[i] = Math.min(needDb[i]!, needDb[i + 1]! + attack);
  for (let i = 1; i < n; i++) needDb[i] = Math.min(needDb[i]!, needDb[i - 1]! + release);
  for (const ch of channels) {
    for (let i = 0; i < n; i++) if (needDb[i]! < 0) ch[i] = ch[i]! * 10 ** (needDb[i]! / 20);
  }
}
