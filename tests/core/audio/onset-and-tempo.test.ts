import { describe, expect, it } from 'vitest';
import { melSpectrogram } from '../../../src/core/audio/mel-spectrogram';
import { onsetEnvelope } from '../../../src/core/audio/onset-envelope';
import { decimateForAnalysis } from '../../../src/core/audio/resample';
import { autocorrelation, estimateTempo } from '../../../src/core/audio/tempo';
import { tempoCurve } from '../../../src/core/audio/tempo-curve';
import { beatTimes, clickTrack } from './synth';

const envelopeOf = (pcm: Float32Array, sampleRate = 44100) => {
  const { samples, sampleRate: rate } = decimateForAnalysis(pcm, sampleRate);
  return onsetEnvelope(melSpectrogram(samples, rate));
};

describe('decimateForAnalysis', () => {
  it('halves 44.1/48/96 kHz down to at most 24 kHz and keeps low frequencies', () => {
    expect(decimateForAnalysis(new Float32Array(100), 44100).sampleRate).toBe(22050);
    expect(decimateForAnalysis(new Float32Array(100), 96000).sampleRate).toBe(24000);
    expect(decimateForAnalysis(new Float32Array(100), 16000).sampleRate).toBe(16000);
    const tone = Float32Array.from({ length: 4410 }, (_, i) => Math.sin((2 * Math.PI * 1000 * i) / 44100));
    const { samples } = decimateForAnalysis(tone, 44100);
    let peak = 0;
    for (let i = 100; i < samples.length - 100; i++) peak = Math.max(peak, Math.abs(samples[i]!));
    expect(peak).toBeGreaterThan(0.97);
    expect(peak).toBeLessThan(1.03);
  });
});

describe('onsetEnvelope', () => {
  it('peaks within 20 ms of every click', () => {
    const times = beatTimes([{ bpm: 100, beats: 12 }]);
    const onset = envelopeOf(clickTrack(times));
    expect(onset.fps).toBeCloseTo(100, 0);
    for (const t of times) {
      const centre = Math.round(t * onset.fps);
      let best = centre;
      for (let f = centre - 5; f <= centre + 5; f++) if (onset.values[f]! > onset.values[best]!) best = f;
      expect(Math.abs(best / onset.fps - t)).toBeLessThan(0.02);
      expect(onset.values[best]).toBeGreaterThan(3);
    }
    expect(onset.contrast).toBeGreaterThan(1);
  });

  it('is all zeros for silence', () => {
    const onset = envelopeOf(new Float32Array(44100 * 3));
    expect(onset.values.every((v) => v === 0)).toBe(true);
    expect(onset.contrast).toBe(0);
  });
});

describe('tempo', () => {
  it('autocorrelation is 1 at lag 0 and peaks at the period of a pulse train', () => {
    const x = Array.from({ length: 400 }, (_, i) => (i % 25 === 0 ? 1 : 0));
    const acf = autocorrelation(x, 60);
    expect(acf[0]).toBeCloseTo(1, 12);
    const best = acf.indexOf(Math.max(...acf.slice(10)));
    expect(best).toBe(25);
  });

  it.each([72, 96, 120, 150, 160])('estimates %i BPM from a click track within 2 BPM', (bpm) => {
    const onset = envelopeOf(clickTrack(beatTimes([{ bpm, beats: Math.round(bpm / 5) }])));
    const { bpm: estimate, salience } = estimateTempo(onset);
    expect(Math.abs(estimate - bpm)).toBeLessThan(2);
    expect(salience).toBeGreaterThan(0.3);
  });

  it('returns 0 BPM when there is nothing to measure', () => {
    expect(estimateTempo({ values: new Float32Array(1000), fps: 100, contrast: 0 }).bpm).toBe(0);
    expect(estimateTempo({ values: new Float32Array(10), fps: 100, contrast: 0 }).bpm).toBe(0);
  });

  it('follows a tempo change with the local tempo curve', () => {
    const onset = envelopeOf(clickTrack(beatTimes([{ bpm: 90, beats: 30 }, { bpm: 130, beats: 44 }])));
    const curve = tempoCurve(onset, { priorBpm: 110, priorOctaves: 0.5 });
    const at = (sec: number) => curve.bpmPerFrame[Math.round(sec * onset.fps)]!;
    expect(Math.abs(at(6) - 90)).toBeLessThan(4);
    expect(Math.abs(at(36) - 130)).toBeLessThan(5);
  });
});
