import { describe, expect, it } from 'vitest';
import { analyzeBeats, bpmFromBeats } from '../../../src/core/audio/analyze-beats';
import { beatFMeasure } from '../../../src/core/audio/f-measure';
import { loudnessVariation } from '../../../src/core/audio/energy';
import { melSpectrogram } from '../../../src/core/audio/mel-spectrogram';
import { onsetEnvelope } from '../../../src/core/audio/onset-envelope';
import { beatTimes, clickTrack, drumLoop, legatoMelody, makeNoise, worstMiss } from './synth';

describe('analyzeBeats on click tracks', () => {
  it.each([80, 100, 120, 135, 160])('finds %i BPM exactly and every beat within 20 ms', (bpm) => {
    const times = beatTimes([{ bpm, beats: Math.round(bpm / 4) }]);
    const result = analyzeBeats(clickTrack(times), 44100);
    expect(Math.abs(result.bpm - bpm)).toBeLessThan(1);
    expect(result.beats.length).toBe(times.length);
    expect(worstMiss(times, result.beats)).toBeLessThan(0.02);
    expect(worstMiss(result.beats, times)).toBeLessThan(0.02);
  });

  it('works at 48 kHz and 22.05 kHz input rates too', () => {
    for (const rate of [48000, 22050]) {
      const times = beatTimes([{ bpm: 110, beats: 24 }]);
      const result = analyzeBeats(clickTrack(times, rate), rate);
      expect(Math.abs(result.bpm - 110)).toBeLessThan(1);
      expect(worstMiss(times, result.beats)).toBeLessThan(0.02);
    }
  });

  it('follows an abrupt tempo change', () => {
    const times = beatTimes([{ bpm: 90, beats: 30 }, { bpm: 130, beats: 44 }]);
    const result = analyzeBeats(clickTrack(times), 44100);
    expect(beatFMeasure(times, result.beats).fMeasure).toBeGreaterThan(0.95);
    // Every beat away from the change itself is within 20 ms.
    const change = times[30]!;
    const steady = times.filter((t) => Math.abs(t - change) > 2.5);
    expect(worstMiss(steady, result.beats)).toBeLessThan(0.02);
    expect(Math.abs(result.bpm - 130)).toBeLessThan(1); // most beats are at 130
  });

  it('follows a gradual accelerando', () => {
    const times = beatTimes(Array.from({ length: 48 }, (_, i) => ({ bpm: 96 + i, beats: 1 })));
    const result = analyzeBeats(clickTrack(times), 44100);
    expect(beatFMeasure(times, result.beats).fMeasure).toBeGreaterThan(0.95);
  });
});

describe('analyzeBeats on a synthetic band', () => {
  it('tracks beats and bar starts of a 4/4 groove', () => {
    const song = drumLoop({ bpm: 112, bars: 16 });
    const result = analyzeBeats(song.pcm, song.sampleRate);
    expect(Math.abs(result.bpm - 112)).toBeLessThan(1);
    expect(beatFMeasure(song.beats, result.beats).fMeasure).toBeGreaterThan(0.95);
    expect(result.beatsPerBar).toBe(4);
    expect(beatFMeasure(song.downbeats, result.downbeats).fMeasure).toBeGreaterThan(0.9);
  });

  it('recognises 3/4', () => {
    const song = drumLoop({ bpm: 138, bars: 20, beatsPerBar: 3 });
    const result = analyzeBeats(song.pcm, song.sampleRate);
    expect(beatFMeasure(song.beats, result.beats).fMeasure).toBeGreaterThan(0.95);
    expect(result.beatsPerBar).toBe(3);
    expect(beatFMeasure(song.downbeats, result.downbeats).fMeasure).toBeGreaterThan(0.9);
  });

  it('puts a section boundary where the arrangement changes and fills the energy curve', () => {
    const song = drumLoop({ bpm: 120, bars: 24, changeAtBar: 12 });
    const result = analyzeBeats(song.pcm, song.sampleRate);
    const change = song.downbeats[12]!;
    expect(result.sections.some((t) => Math.abs(t - change) < 1.1)).toBe(true);
    expect(result.energy.length).toBe(Math.ceil(result.durationSec / result.energyHopSec));
    expect(Math.max(...result.energy)).toBe(1);
    expect(Math.min(...result.energy)).toBeGreaterThanOrEqual(0);
  });
});

describe('analyzeBeats on hostile input', () => {
  const noBeats = (result: ReturnType<typeof analyzeBeats>) => {
    expect(result.bpm).toBe(0);
    expect(result.beats).toEqual([]);
    expect(result.downbeats).toEqual([]);
  };

  it('returns no beats for empty, very short and silent audio', () => {
    noBeats(analyzeBeats(new Float32Array(0), 44100));
    noBeats(analyzeBeats(new Float32Array(4410).fill(0.1), 44100));
    const silent = analyzeBeats(new Float32Array(44100 * 5), 44100);
    noBeats(silent);
    expect(silent.energy.every((v) => v === 0)).toBe(true);
    expect(silent.durationSec).toBe(5);
  });

  it('returns no beats for white noise, brown noise and a steady tone', () => {
    const noise = makeNoise(3);
    noBeats(analyzeBeats(Float32Array.from({ length: 44100 * 8 }, () => 0.3 * noise()), 44100));
    let brown = 0;
    noBeats(analyzeBeats(Float32Array.from({ length: 44100 * 8 }, () => (brown = 0.99 * brown + 0.05 * noise())), 44100));
    noBeats(analyzeBeats(Float32Array.from({ length: 44100 * 8 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / 44100)), 44100));
  });

  it('tracks soft legato music whose onset contrast is as low as noise', () => {
    const { pcm, beats } = legatoMelody(96, 24);
    expect(onsetEnvelope(melSpectrogram(pcm, 22050)).contrast).toBeLessThan(0.7);
    const result = analyzeBeats(pcm, 22050);
    expect(Math.abs(result.bpm - 96)).toBeLessThan(1);
    expect(beatFMeasure(beats, result.beats).fMeasure).toBeGreaterThan(0.95);
  });

  it('survives NaN samples and tracks clicks under noise', () => {
    const times = beatTimes([{ bpm: 128, beats: 32 }]);
    const pcm = clickTrack(times);
    const noise = makeNoise(5);
    for (let i = 0; i < pcm.length; i++) pcm[i]! += 0.05 * noise();
    pcm[1000] = Number.NaN;
    pcm[2000] = Number.POSITIVE_INFINITY;
    const result = analyzeBeats(pcm, 44100);
    expect(beatFMeasure(times, result.beats).fMeasure).toBeGreaterThan(0.95);
  });

  it('rejects an impossible sample rate with a message naming it', () => {
    expect(() => analyzeBeats(new Float32Array(10), 0)).toThrow(/sampleRate.*0/);
  });
});

describe('loudnessVariation', () => {
  it('is 0 for a constant level and grows with swells', () => {
    expect(loudnessVariation([])).toBe(0);
    expect(loudnessVariation([0.8, 0.8, 0.8])).toBeCloseTo(0, 12);
    expect(loudnessVariation([0.5, 1, 0.5, 1])).toBeCloseTo(1 / 3, 6);
  });
});

describe('bpmFromBeats', () => {
  it('uses the median interval', () => {
    expect(bpmFromBeats([0, 0.5, 1, 1.5, 3])).toBe(120);
    expect(bpmFromBeats([1])).toBe(0);
  });
});
