/** Analysis never needs more than this much bandwidth: beats live in onsets below ~11 kHz. */
export const ANALYSIS_MAX_RATE = 24_000;

export interface DecimatedSignal {
  samples: Float32Array;
  sampleRate: number;
}

/**
 * Half-band low-pass (Blackman-windowed sinc, taps −11..11): even taps other than the centre are
 * zero, so only the centre and the odd taps h[1], h[3], … are kept. ~45 dB stop band, plenty
 * for onset detection. Normalised to unit DC gain.
 */
const HALF_BAND = (() => {
  const reach = 11;
  const odd: number[] = [];
  let sum = 0.5;
  for (let i = 1; i <= reach; i += 2) {
    const sinc = Math.sin((Math.PI * i) / 2) / (Math.PI * i);
    const blackman = 0.42 + 0.5 * Math.cos((Math.PI * i) / (reach + 1)) + 0.08 * Math.cos((2 * Math.PI * i) / (reach + 1));
    odd.push(sinc * blackman);
    sum += 2 * sinc * blackman;
  }
  return { centre: 0.5 / sum, odd: Float64Array.from(odd, (v) => v / sum) };
})();

/**
 * Brings audio down to at most ~24 kHz by halving it as often as needed (44.1 kHz → 22.05 kHz,
 * 48 kHz → 24 kHz, 96 kHz → 24 kHz). Each halving is a symmetric half-band FIR whose even taps
 * are zero, so it costs ~7 multiplies per kept sample. Rates already at or below the limit are
 * returned as they are: every later stage derives its frame sizes from the rate, so no
 * fractional resampling is needed.
 *
 * @example
 * const { samples, sampleRate } = decimateForAnalysis(pcm, 44100); // sampleRate === 22050
 */
export function decimateForAnalysis(pcm: Float32Array, sampleRate: number): DecimatedSignal {
  let samples = pcm;
  let rate = sampleRate;
  while (rate > ANALYSIS_MAX_RATE) {
    samples = halveRate(samples);
    rate /= 2;
  }
  return { samples, sampleRate: rate };
}

/** One half-band low-pass and drop of every other sample. */
export function halveRate(x: Float32Array): Float32Array {
  const n = x.length;
  const taps = HALF_BAND.odd;
  const reach = 2 * taps.length - 1;
  const out = new Float32Array(Math.ceil(n / 2));
  const centre = HALF_BAND.centre;
  for (let o = 0; o < out.length; o++) {
    const c = 2 * o;
    let acc = centre * x[c]!;
    if (c - reach >= 0 && c + reach < n) {
      for (let k = 0, d = 1; k < taps.length; k++, d += 2) acc += taps[k]! * (x[c - d]! + x[c + d]!);
    } else {
      for (let k = 0, d = 1; k < taps.length; k++, d += 2) {
        const left = c - d >= 0 ? x[c - d]! : 0;
        const right = c + d < n ? x[c + d]! : 0;
        acc += taps[k]! * (left + right);
      }
    }
    out[o] = acc;
  }
  return out;
}
