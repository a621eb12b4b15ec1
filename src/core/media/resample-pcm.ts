import { kaiser } from '../audio/kaiser-window';
/** Zero crossings of the sinc on each side: ~60 dB stop band, ample for analysis and waveforms. */
const HALF_TAPS = 16;
/** Kernel table resolution between integer sample offsets (linear interpolation in between). */
const PHASES = 256;

/** Kaiser-windowed sinc table from 0 to HALF_TAPS, sampled PHASES times per unit. */
const KERNEL = (() => {
  const beta = 7;
  const table = new Float64Array(HALF_TAPS * PHASES + 2);
  for (let i = 0; i < table.length; i++) {
    const x = i / PHASES;
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const r = x / HALF_TAPS;
    table[i] = sinc * kaiser(r, beta);
  }
  return table;
})();

function kernelAt(x: number): number {
  const pos = Math.abs(x) * PHASES;
  const i = Math.floor(pos);
  if (i >= KERNEL.length - 1) return 0;
  const f = pos - i;
  return KERNEL[i]! * (1 - f) + KERNEL[i + 1]! * f;
}

/**
 * Band-limited resampling of mono PCM (windowed sinc). When going down, the kernel is stretched so
 * it also low-passes at the new Nyquist frequency: nothing above it folds back as aliasing.
 *
 * @example
 * const pcm22k = resamplePcm(pcm44k, 44100, 22050);
 */
export function resamplePcm(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (!(fromRate > 0) || !(toRate > 0) || !Number.isFinite(fromRate) || !Number.isFinite(toRate)) {
    throw new RangeError(`[media/resamplePcm] rates must be positive numbers, got ${fromRate} -> ${toRate}`);
  }
  if (fromRate === toRate) return input;
  const ratio = toRate / fromRate;
  const outLength = Math.round(input.length * ratio);
  const out = new Float32Array(outLength);
  // Below 1 when downsampling: the cut-off moves to the output's Nyquist frequency.
  const cutoff = Math.min(1, ratio);
  const reach = HALF_TAPS / cutoff;
  const n = input.length;
  for (let o = 0; o < outLength; o++) {
    const centre = o / ratio;
    const first = Math.max(0, Math.ceil(centre - reach));
    const last = Math.min(n - 1, Math.floor(centre + reach));
    let acc = 0;
    for (let i = first; i <= last; i++) acc += input[i]! * kernelAt((i - centre) * cutoff);
    out[o] = acc * cutoff;
  }
  return out;
}
