import { bpmFromBeats } from './bpm-from-beats.ts';
import { trackBeats, type BeatTrackerOptions } from './beat-tracker.ts';
import { estimateDownbeats } from './downbeats.ts';
import { energyCurve, loudnessVariation } from './energy.ts';
import { melSpectrogram, type MelSpectrogramOptions } from './mel-spectrogram.ts';
import { chooseMetricalLevel, framesAtLevel, metricalLevelFeatures } from './metrical-level.ts';
import { countOnsetPeaks, onsetEnvelope, type OnsetEnvelopeOptions } from './onset-envelope.ts';
import { decimateForAnalysis } from './resample.ts';
import { sectionBoundaries } from './sections.ts';
import { estimateTempo, type TempoOptions } from './tempo.ts';
import { tempoCurve, type TempoCurveOptions } from './tempo-curve.ts';

// Kept here too: callers imported it from this module before it had its own.
export { bpmFromBeats };

export interface BeatAnalysis {
  /** Tempo from the median inter-beat interval; 0 when no beat was found. */
  bpm: number;
  /**
   * Beat times in seconds, increasing. Empty (with bpm 0) for silence, steady tones, noise
   * (onset contrast below 0.7), fewer than 4 clear onsets, or less than 1.5 s of audio.
   */
  beats: number[];
  /** Bar starts in seconds (a subset of `beats`). */
  downbeats: number[];
  /** 3 or 4; 0 when unknown. */
  beatsPerBar: number;
  /** Loudness curve, 0..1, one value per `energyHopSec`. */
  energy: number[];
  energyHopSec: number;
  /** Section boundaries in seconds (start and end of the audio excluded), on beats when there are any. */
  sections: number[];
  durationSec: number;
}

export interface AnalyzeBeatsOptions {
  mel: Partial<MelSpectrogramOptions>;
  onset: Partial<OnsetEnvelopeOptions>;
  /** Global tempo search (range and prior). */
  tempo: Partial<TempoOptions>;
  /** Local tempo tracking; its prior is centred on the global tempo unless given here. */
  tempoCurve: Partial<TempoCurveOptions>;
  tracker: Partial<BeatTrackerOptions>;
  /** Shift applied to every beat, in seconds: compensates the onset detector's latency. */
  latencySec: number;
  /** Move the grid to the level the drums suggest (see metrical-level.ts); off: as tracked. */
  levelFromDrums: boolean;
}

export const DEFAULT_ANALYZE_OPTIONS: AnalyzeBeatsOptions = {
  mel: {},
  onset: {},
  tempo: {},
  tempoCurve: {},
  tracker: {},
  latencySec: 0,
  levelFromDrums: true,
};

/** Shortest input for which a beat grid is attempted. */
const MIN_DURATION_SEC = 1.5;
/**
 * Flux contrast below this is noise-like (white/brown noise measure 0.38–0.5, most music > 1),
 * but soft classical music measures 0.45–0.8 too, so low contrast alone does not reject it.
 */
const MIN_ONSET_CONTRAST = 0.7;
/** A recurring pulse this strong (normalised autocorrelation) is rhythm, whatever the contrast. */
const MIN_NOISE_FREE_SALIENCE = 0.15;
/** Loudness that varies this much (see loudnessVariation) is music, not stationary noise. */
const MIN_LOUDNESS_VARIATION = 0.05;
/** A pulse needs at least this many clear onsets to be a pulse at all. */
const MIN_ONSET_PEAKS = 4;

/**
 * Beats, tempo, downbeats, energy and sections of mono PCM. Pure and synchronous: run it in a
 * worker for long files. Never throws for odd audio: silence, noise or very short input give
 * `bpm: 0` and empty `beats`/`downbeats` (energy is still filled in when there are samples).
 *
 * @example
 * const { bpm, beats } = analyzeBeats(channelData, 44100);
 */
export function analyzeBeats(
  pcm: Float32Array,
  sampleRate: number,
  options: Partial<AnalyzeBeatsOptions> = {},
): BeatAnalysis {
  if (!(sampleRate > 0) || !Number.isFinite(sampleRate)) {
    throw new RangeError(`[audio/analyzeBeats] sampleRate must be a positive number, got ${sampleRate}`);
  }
  const opts = { ...DEFAULT_ANALYZE_OPTIONS, ...options };
  const durationSec = pcm.length / sampleRate;
  const clean = sanitize(pcm);
  const { samples, sampleRate: rate } = decimateForAnalysis(clean, sampleRate);
  const energy = energyCurve(samples, rate);
  const empty: BeatAnalysis = {
    bpm: 0,
    beats: [],
    downbeats: [],
    beatsPerBar: 0,
    energy: energy.values,
    energyHopSec: energy.hopSec,
    sections: [],
    durationSec,
  };
  if (durationSec < MIN_DURATION_SEC) return empty;

  const mel = melSpectrogram(samples, rate, opts.mel);
  const onset = onsetEnvelope(mel, opts.onset);
  if (countOnsetPeaks(onset) < MIN_ONSET_PEAKS) return { ...empty, sections: sectionBoundaries(mel, []) };
  const global = estimateTempo(onset, opts.tempo);
  if (global.bpm === 0 || isNoiseLike(onset.contrast, global.salience, energy.values)) {
    return { ...empty, sections: sectionBoundaries(mel, []) };
  }

  // Centre the local tempo prior on the global estimate so the curve keeps its metrical level.
  const curve = tempoCurve(onset, { ...opts.tempo, priorBpm: global.bpm, priorOctaves: 0.5, ...opts.tempoCurve });
  const tracked = trackBeats(onset, curve.bpmPerFrame, opts.tracker);
  const level = opts.levelFromDrums ? chooseMetricalLevel(metricalLevelFeatures(mel, tracked)) : 'detected';
  const frames = framesAtLevel(tracked, level, onset.values);
  const beats = frames.map((f) => Math.max(0, f / onset.fps + opts.latencySec));
  if (beats.length < 2) return { ...empty, sections: sectionBoundaries(mel, []) };

  const { indices, beatsPerBar } = estimateDownbeats(mel, frames);
  return {
    bpm: bpmFromBeats(beats),
    beats,
    downbeats: indices.map((i) => beats[i]!),
    beatsPerBar,
    energy: energy.values,
    energyHopSec: energy.hopSec,
    sections: sectionBoundaries(mel, frames),
    durationSec,
  };
}

/** Stationary noise: small onset contrast, no recurring pulse and a flat loudness. */
function isNoiseLike(contrast: number, salience: number, energy: readonly number[]): boolean {
  if (contrast >= MIN_ONSET_CONTRAST) return false;
  return salience < MIN_NOISE_FREE_SALIENCE && loudnessVariation(energy) < MIN_LOUDNESS_VARIATION;
}

/** NaN and infinities (from broken decoders) become silence instead of poisoning every sum. */
function sanitize(pcm: Float32Array): Float32Array {
  for (let i = 0; i < pcm.length; i++) {
    if (!Number.isFinite(pcm[i]!)) {
      const copy = Float32Array.from(pcm);
      for (let j = i; j < copy.length; j++) if (!Number.isFinite(copy[j]!)) copy[j] = 0;
      return copy;
    }
  }
  return pcm;
}
