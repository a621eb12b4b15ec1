import { RealFft } from './fft.ts';

export interface MelSpectrogramOptions {
  /** Analysis frames per second (the hop is rounded to whole samples). */
  framesPerSecond: number;
  /** Window length in seconds (rounded to the nearest power of two in samples). */
  windowSec: number;
  /** 128 rather than 64: narrow bands keep a soft attack on one partial from being averaged away. */
  bands: number;
  minHz: number;
  maxHz: number;
}

export const DEFAULT_MEL_OPTIONS: MelSpectrogramOptions = {
  framesPerSecond: 100,
  windowSec: 0.046,
  bands: 128,
  minHz: 30,
  maxHz: 11_000,
};

/** Log-compressed mel spectrogram, row-major: frame t, band b at `data[t * bands + b]`. */
export interface MelSpectrogram {
  data: Float32Array;
  frames: number;
  bands: number;
  /** Exact frame rate: sampleRate / hop. Frame t is centred on sample t * hop. */
  fps: number;
  hop: number;
  /** Centre frequency of each band in Hz. */
  bandHz: Float64Array;
}

const hzToMel = (hz: number): number => 2595 * Math.log10(1 + hz / 700);
const melToHz = (mel: number): number => 700 * (10 ** (mel / 2595) - 1);

interface SparseFilter {
  start: number;
  weights: Float32Array;
}

/** Triangular mel filters over FFT bins, stored sparsely because each touches few bins. */
function melFilters(bands: number, fftSize: number, sampleRate: number, minHz: number, maxHz: number) {
  const nyquist = sampleRate / 2;
  const top = Math.min(maxHz, nyquist);
  const lo = hzToMel(Math.min(minHz, top / 2));
  const hi = hzToMel(top);
  const edges = new Float64Array(bands + 2);
  for (let i = 0; i < bands + 2; i++) edges[i] = melToHz(lo + ((hi - lo) * i) / (bands + 1));
  const binHz = sampleRate / fftSize;
  const filters: SparseFilter[] = [];
  const centres = new Float64Array(bands);
  for (let b = 0; b < bands; b++) {
    const left = edges[b]!;
    const centre = edges[b + 1]!;
    const right = edges[b + 2]!;
    centres[b] = centre;
    // Low bands are narrower than one bin: widen them so every band sees at least one bin.
    const first = Math.floor(left / binHz);
    const last = Math.max(first + 1, Math.ceil(right / binHz));
    const weights = new Float32Array(last - first + 1);
    let total = 0;
    for (let k = first; k <= last; k++) {
      const hz = k * binHz;
      let w = hz <= centre ? (hz - left) / Math.max(centre - left, 1e-9) : (right - hz) / Math.max(right - centre, 1e-9);
      if (last - first <= 2) w = 1;
      w = Math.max(0, w);
      weights[k - first] = w;
      total += w;
    }
    if (total > 0) for (let i = 0; i < weights.length; i++) weights[i]! /= total;
    filters.push({ start: first, weights });
  }
  return { filters, centres };
}

/**
 * Mel spectrogram of mono PCM with log(1 + C·x) compression. The signal is normalised by its
 * peak first, so the result does not depend on the playback gain.
 *
 * @example
 * const mel = melSpectrogram(samples, 22050);
 */
export function melSpectrogram(
  samples: Float32Array,
  sampleRate: number,
  options: Partial<MelSpectrogramOptions> = {},
): MelSpectrogram {
  const opts = { ...DEFAULT_MEL_OPTIONS, ...options };
  const hop = Math.max(1, Math.round(sampleRate / opts.framesPerSecond));
  const fps = sampleRate / hop;
  const fftSize = 2 ** Math.max(6, Math.round(Math.log2(opts.windowSec * sampleRate)));
  const frames = samples.length === 0 ? 0 : Math.floor(samples.length / hop) + 1;
  const { filters, centres } = melFilters(opts.bands, fftSize, sampleRate, opts.minHz, opts.maxHz);
  const data = new Float32Array(frames * opts.bands);

  let peak = 0;
  for (let i = 0; i < samples.length; i++) {
    const a = Math.abs(samples[i]!);
    if (a > peak) peak = a;
  }
  const gain = peak > 0 ? 1 / peak : 0;

  const fft = new RealFft(fftSize);
  const window = new Float32Array(fftSize);
  // The peak normalisation is folded into the analysis window's weights.
  for (let i = 0; i < fftSize; i++) window[i] = gain * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / fftSize));
  const frame = new Float32Array(fftSize);
  const power = new Float32Array(fft.bins);
  const halfWin = fftSize / 2;
  // Compression constant: magnitudes of a full-scale signal are ~fftSize/4, so this maps the
  // useful dynamic range (~80 dB) onto the log1p curve.
  const compress = 1000 / (fftSize / 4);

  // Flatten the sparse filters so the per-frame loop touches only typed arrays.
  const starts = new Int32Array(opts.bands);
  const lengths = new Int32Array(opts.bands);
  const offsets = new Int32Array(opts.bands);
  let totalWeights = 0;
  for (let b = 0; b < opts.bands; b++) {
    const f = filters[b]!;
    starts[b] = Math.min(f.start, fft.bins - 1);
    lengths[b] = Math.max(0, Math.min(f.weights.length, fft.bins - f.start));
    offsets[b] = totalWeights;
    totalWeights += f.weights.length;
  }
  const weights = new Float32Array(totalWeights);
  for (let b = 0; b < opts.bands; b++) weights.set(filters[b]!.weights, offsets[b]!);

  const n = samples.length;
  for (let t = 0; t < frames; t++) {
    const start = t * hop - halfWin;
    if (start >= 0 && start + fftSize <= n) {
      for (let i = 0; i < fftSize; i++) frame[i] = samples[start + i]! * window[i]!;
    } else {
      for (let i = 0; i < fftSize; i++) {
        const j = start + i;
        frame[i] = j >= 0 && j < n ? samples[j]! * window[i]! : 0;
      }
    }
    fft.powerSpectrum(frame, power);
    const row = t * opts.bands;
    for (let b = 0; b < opts.bands; b++) {
      let acc = 0;
      const first = starts[b]!;
      const offset = offsets[b]!;
      const len = lengths[b]!;
      for (let k = 0; k < len; k++) acc += weights[offset + k]! * power[first + k]!;
      data[row + b] = Math.log1p(compress * Math.sqrt(acc));
    }
  }
  return { data, frames, bands: opts.bands, fps, hop, bandHz: centres };
}
