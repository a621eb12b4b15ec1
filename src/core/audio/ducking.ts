import type { DuckingSettings } from '../narration/narration-types.ts';

/**
 * Music gain per frame (linear) under a voice: down by `depthDb` times the voice activity.
 * Offline mixing can look ahead, so the music starts going down `attackS` before the voice
 * and is fully down when the first word lands; after the voice it comes back up over `releaseS`.
 * The ramps are straight lines in decibels, as a fader would move.
 *
 * @example duckingGains(activity, 100, { depthDb: 12, attackS: 0.2, releaseS: 0.6 })
 */
export function duckingGains(voiceActivity: Float32Array, frameRate: number, s: DuckingSettings): Float32Array {
  if (!(frameRate > 0) || !(s.depthDb >= 0) || !(s.attackS >= 0) || !(s.releaseS >= 0)) {
    throw new RangeError(`[ducking] frameRate, depthDb, attackS and releaseS must be non-negative numbers, got ${frameRate}, ${JSON.stringify(s)}`);
  }
  const n = voiceActivity.length;
  const db = new Float64Array(n);
  for (let i = 0; i < n; i++) db[i] = -s.depthDb * Math.min(1, Math.max(0, voiceActivity[i] || 0));
  // Largest change per frame; zero time means a jump.
  const attackStep = s.attackS > 0 ? s.depthDb / (s.attackS * frameRate) : Infinity;
  const releaseStep = s.releaseS > 0 ? s.depthDb / (s.releaseS * frameRate) : Infinity;
  // Backwards: going down may not be faster than the attack, so the fall starts early.
  for (let i = n - 2; i >= 0; i--) db[i] = Math.min(db[i]!, db[i + 1]! + attackStep);
  // Forwards: coming back up may not be faster than the release.
  for (let i = 1; i < n; i++) db[i] = Math.min(db[i]!, db[i - 1]! + releaseStep);
  const gains = new Float32Array(n);
  for (let i = 0; i < n; i++) gains[i] = 10 ** (db[i]! / 20);
  return gains;
}

/**
 * Voice activity per frame (0..1) from a voice bus: a frame whose RMS is above `thresholdDb`
 * is speech; gaps shorter than `holdS` (between words) count as speech so the music does not
 * pump up between every word.
 */
export function voiceActivity(samples: Float32Array, sampleRate: number, frameRate: number, thresholdDb = -45, holdS = 0.35): Float32Array {
  const hop = sampleRate / frameRate;
  const frames = Math.ceil(samples.length / hop);
  const active = new Float32Array(frames);
  const threshold = 10 ** (thresholdDb / 20);
  for (let f = 0; f < frames; f++) {
    const start = Math.floor(f * hop);
    const end = Math.min(samples.length, Math.floor((f + 1) * hop));
    let sum = 0;
    for (let i = start; i < end; i++) sum += samples[i]! * samples[i]!;
    active[f] = end > start && Math.sqrt(sum / (end - start)) > threshold ? 1 : 0;
  }
  // Bridge short gaps between active frames.
  const hold = Math.round(holdS * frameRate);
  let lastActive = -Infinity;
  for (let f = 0; f < frames; f++) {
    if (active[f] === 1) {
      if (f - lastActive > 1 && f - lastActive <= hold) active.fill(1, lastActive + 1, f);
      lastActive = f;
    }
  }
  return active;
}
