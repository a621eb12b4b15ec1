/** Synthetic drum loops for the beat tests: kick (low thump), snare (noise + body), hi-hat (short hiss). */
export type Drum = 'kick' | 'snare' | 'hat';

export interface DrumHit {
  /** Seconds from the start. */
  at: number;
  drum: Drum;
  gain?: number;
}

export function renderDrums(hits: readonly DrumHit[], durationSec: number, sampleRate = 22_050): Float32Array {
  const pcm = new Float32Array(Math.round(durationSec * sampleRate));
  let seed = 12345;
  const noise = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296) * 2 - 1;
  for (const { at, drum, gain = 1 } of hits) {
    const start = Math.round(at * sampleRate);
    const length = Math.round((drum === 'hat' ? 0.03 : drum === 'snare' ? 0.12 : 0.18) * sampleRate);
    let previous = 0;
    for (let i = 0; i < length && start + i < pcm.length; i++) {
      const t = i / sampleRate;
      let v: number;
      if (drum === 'kick') v = Math.sin(2 * Math.PI * (55 + 60 * Math.exp(-t / 0.02)) * t) * Math.exp(-t / 0.06);
      else if (drum === 'snare') {
        const n = noise();
        v = (0.7 * (n - previous) + 0.4 * Math.sin(2 * Math.PI * 190 * t)) * Math.exp(-t / 0.04);
        previous = n;
      } else {
        const n = noise();
        v = 0.5 * (n - previous) * Math.exp(-t / 0.008);
        previous = n;
      }
      pcm[start + i]! += gain * 0.6 * v;
    }
  }
  return pcm;
}

/**
 * A 4/4 groove at `bpm`: kick on beats 1 and 3, snare on 2 and 4, hi-hats on every eighth note
 * (`hatGain` loud hats pull a tracker towards the eighth-note pulse).
 */
export function backbeatGroove(bpm: number, bars: number, options: { hatGain?: number; start?: number } = {}): { hits: DrumHit[]; beats: number[]; durationSec: number } {
  const beat = 60 / bpm;
  const start = options.start ?? 0.25;
  const hits: DrumHit[] = [];
  const beats: number[] = [];
  for (let i = 0; i < bars * 4; i++) {
    const t = start + i * beat;
    beats.push(t);
    hits.push({ at: t, drum: i % 2 === 0 ? 'kick' : 'snare' });
    hits.push({ at: t, drum: 'hat', gain: options.hatGain ?? 0.5 });
    hits.push({ at: t + beat / 2, drum: 'hat', gain: options.hatGain ?? 0.5 });
  }
  return { hits, beats, durationSec: start + bars * 4 * beat + 0.5 };
}
