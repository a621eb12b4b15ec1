/** Deterministic test signals for the beat tracker (no fixtures needed). */

/** Small LCG so noise is identical on every run. */
export function makeNoise(seed = 1): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state / 4294967296) * 2 - 1;
  };
}

/** Beat times for back-to-back constant-tempo segments, starting at `start` seconds. */
export function beatTimes(segments: { bpm: number; beats: number }[], start = 0.5): number[] {
  const times: number[] = [];
  let t = start;
  for (const { bpm, beats } of segments) {
    for (let i = 0; i < beats; i++) {
      times.push(t);
      t += 60 / bpm;
    }
  }
  return times;
}

/** Adds a decaying sine burst at `time` (a click, or a tonal hit at low frequency). */
export function addBurst(pcm: Float32Array, sampleRate: number, time: number, freq: number, gain: number, decaySec: number): void {
  const start = Math.round(time * sampleRate);
  const length = Math.round(decaySec * 6 * sampleRate);
  for (let i = 0; i < length && start + i < pcm.length; i++) {
    if (start + i < 0) continue;
    pcm[start + i]! += gain * Math.sin((2 * Math.PI * freq * i) / sampleRate) * Math.exp(-i / (decaySec * sampleRate));
  }
}

/** A metronome: accented first beat of each 4, silence in between. */
export function clickTrack(times: number[], sampleRate = 44100, tailSec = 1): Float32Array {
  const pcm = new Float32Array(Math.round(((times.at(-1) ?? 0) + tailSec) * sampleRate));
  times.forEach((t, k) => addBurst(pcm, sampleRate, t, k % 4 === 0 ? 1500 : 1000, 0.8, 0.004));
  return pcm;
}

/**
 * A small band: kick on the downbeat (and the "and" of 3 in 4/4), snare on the backbeats,
 * noise hi-hats on every eighth, and a sustained chord that changes every bar. Music-like
 * enough to exercise tempo octaves, downbeats and sections.
 */
export function drumLoop(options: {
  bpm: number;
  bars: number;
  beatsPerBar?: number;
  sampleRate?: number;
  start?: number;
  /** Bar index from which the chord voicing and hi-hat brightness change (a "chorus"). */
  changeAtBar?: number;
}): { pcm: Float32Array; beats: number[]; downbeats: number[]; sampleRate: number } {
  const { bpm, bars, beatsPerBar = 4, sampleRate = 44100, start = 0.25, changeAtBar = Infinity } = options;
  const period = 60 / bpm;
  const beats: number[] = [];
  const downbeats: number[] = [];
  const total = bars * beatsPerBar;
  for (let k = 0; k < total; k++) {
    beats.push(start + k * period);
    if (k % beatsPerBar === 0) downbeats.push(start + k * period);
  }
  const pcm = new Float32Array(Math.round((start + total * period + 1) * sampleRate));
  const noise = makeNoise(7);
  const roots = [110, 146.83, 130.81, 98];
  for (let bar = 0; bar < bars; bar++) {
    const barStart = start + bar * beatsPerBar * period;
    const chorus = bar >= changeAtBar;
    // Chord: root, fifth and octave, held for the bar with a soft attack.
    const root = roots[bar % roots.length]! * (chorus ? 2 : 1);
    const from = Math.round(barStart * sampleRate);
    const to = Math.min(pcm.length, Math.round((barStart + beatsPerBar * period) * sampleRate));
    for (let i = from; i < to; i++) {
      const t = (i - from) / sampleRate;
      const env = Math.min(1, t / 0.05) * 0.08;
      pcm[i]! += env * (Math.sin(2 * Math.PI * root * t) + 0.6 * Math.sin(2 * Math.PI * root * 1.5 * t) + 0.4 * Math.sin(2 * Math.PI * root * 2 * t));
    }
    for (let b = 0; b < beatsPerBar; b++) {
      const t = barStart + b * period;
      if (b === 0) addBurst(pcm, sampleRate, t, 55, 0.9, 0.06); // kick
      else if (beatsPerBar === 4 && b === 2) addBurst(pcm, sampleRate, t, 55, 0.5, 0.05);
      if (beatsPerBar === 4 ? b % 2 === 1 : b > 0) {
        // snare: noise burst plus body
        const s = Math.round(t * sampleRate);
        for (let i = 0; i < 0.12 * sampleRate && s + i < pcm.length; i++) pcm[s + i]! += 0.35 * noise() * Math.exp(-i / (0.03 * sampleRate));
        addBurst(pcm, sampleRate, t, 190, 0.25, 0.03);
      }
      for (const half of [0, 0.5]) {
        const h = Math.round((t + half * period) * sampleRate);
        const gain = chorus ? 0.2 : 0.1;
        for (let i = 0; i < 0.03 * sampleRate && h + i < pcm.length; i++) {
          // crude high-pass: difference of noise samples
          pcm[h + i]! += gain * (noise() - noise()) * Math.exp(-i / (0.008 * sampleRate));
        }
      }
    }
  }
  return { pcm, beats, downbeats, sampleRate };
}

/**
 * Soft, legato music: one harmonic note per beat with a 30 ms attack, ringing into the next,
 * loudness swelling over 12 beats, and a little hiss. Its spectral flux has a contrast below
 * that of noise, yet its pulse is plain.
 */
export function legatoMelody(bpm: number, count: number, sampleRate = 22050): { pcm: Float32Array; beats: number[] } {
  const period = 60 / bpm;
  const beats = beatTimes([{ bpm, beats: count }]);
  const pcm = new Float32Array(Math.round(((beats.at(-1) ?? 0) + 1.5) * sampleRate));
  const notes = [220, 247, 262, 294, 330, 294, 262, 247];
  beats.forEach((t0, k) => {
    const freq = notes[k % notes.length]!;
    const swell = 0.6 + 0.4 * Math.sin((2 * Math.PI * k) / 12);
    const from = Math.round(t0 * sampleRate);
    const to = Math.min(pcm.length, Math.round((t0 + 1.5 * period) * sampleRate));
    for (let i = from; i < to; i++) {
      const t = (i - from) / sampleRate;
      const env = 0.2 * swell * Math.min(1, t / 0.03) * Math.exp(-t / 0.5);
      pcm[i]! += env * (Math.sin(2 * Math.PI * freq * t) + 0.5 * Math.sin(4 * Math.PI * freq * t) + 0.25 * Math.sin(6 * Math.PI * freq * t));
    }
  });
  const noise = makeNoise(9);
  for (let i = 0; i < pcm.length; i++) pcm[i]! += 0.01 * noise();
  return { pcm, beats };
}

/** Largest distance from each reference time to its nearest estimate, in seconds. */
export function worstMiss(reference: number[], estimated: number[]): number {
  let worst = 0;
  for (const r of reference) {
    let best = Infinity;
    for (const e of estimated) best = Math.min(best, Math.abs(e - r));
    worst = Math.max(worst, best);
  }
  return worst;
}
