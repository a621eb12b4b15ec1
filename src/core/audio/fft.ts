/**
 * Real-input FFT of a fixed power-of-two size.
 *
 * A real frame of N samples is packed into N/2 complex values, transformed with an iterative
 * radix-2 FFT and split back, which halves the work compared with a complex FFT of size N.
 * Tables (bit reversal, twiddles) are built once per size, so reuse one instance per frame size.
 *
 * @example
 * const fft = new RealFft(1024);
 * const power = new Float32Array(fft.bins);
 * fft.powerSpectrum(frame, power);
 */
export class RealFft {
  /** Number of output bins, N/2 + 1 (DC to Nyquist). */
  readonly bins: number;
  private readonly half: number;
  private readonly bitReverse: Uint32Array;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly splitCos: Float64Array;
  private readonly splitSin: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 4 || (size & (size - 1)) !== 0) {
      throw new RangeError(`[audio/fft] size must be a power of two >= 4, got ${size}`);
    }
    const half = size / 2;
    this.half = half;
    this.bins = half + 1;
    this.re = new Float64Array(half);
    this.im = new Float64Array(half);

    const bits = Math.log2(half);
    this.bitReverse = new Uint32Array(half);
    for (let i = 0; i < half; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.bitReverse[i] = r;
    }
    // Twiddles for the half-size complex FFT.
    this.cos = new Float64Array(half / 2 || 1);
    this.sin = new Float64Array(half / 2 || 1);
    for (let k = 0; k < half / 2; k++) {
      this.cos[k] = Math.cos((-2 * Math.PI * k) / half);
      this.sin[k] = Math.sin((-2 * Math.PI * k) / half);
    }
    // Twiddles for splitting the packed result into the real spectrum.
    this.splitCos = new Float64Array(half + 1);
    this.splitSin = new Float64Array(half + 1);
    for (let k = 0; k <= half; k++) {
      this.splitCos[k] = Math.cos((-2 * Math.PI * k) / size);
      this.splitSin[k] = Math.sin((-2 * Math.PI * k) / size);
    }
  }

  /**
   * Spectrum of `input` (length `size`; missing samples count as zero) into `outRe`/`outIm`
   * (length `bins`).
   */
  forward(input: ArrayLike<number>, outRe: Float32Array | Float64Array, outIm: Float32Array | Float64Array): void {
    this.transformPacked(input);
    const { re, im, half } = this;
    // X[k] = E[k] + W^k O[k], where E/O are the spectra of even/odd samples recovered from Z.
    for (let k = 0; k <= half; k++) {
      const k1 = k === half ? 0 : k;
      const k2 = k === 0 ? 0 : half - k;
      const zr = re[k1]!;
      const zi = im[k1]!;
      const cr = re[k2]!;
      const ci = -im[k2]!;
      const er = 0.5 * (zr + cr);
      const ei = 0.5 * (zi + ci);
      const or = 0.5 * (zi - ci);
      const oi = -0.5 * (zr - cr);
      const wr = this.splitCos[k]!;
      const wi = this.splitSin[k]!;
      outRe[k] = er + wr * or - wi * oi;
      outIm[k] = ei + wr * oi + wi * or;
    }
  }

  /** |X[k]|² for k = 0..N/2 into `out` (length `bins`). */
  powerSpectrum(input: ArrayLike<number>, out: Float32Array | Float64Array): void {
    this.transformPacked(input);
    const { re, im, half, splitCos, splitSin } = this;
    for (let k = 0; k <= half; k++) {
      const k1 = k === half ? 0 : k;
      const k2 = k === 0 ? 0 : half - k;
      const zr = re[k1]!;
      const zi = im[k1]!;
      const cr = re[k2]!;
      const ci = -im[k2]!;
      const er = 0.5 * (zr + cr);
      const ei = 0.5 * (zi + ci);
      const or = 0.5 * (zi - ci);
      const oi = -0.5 * (zr - cr);
      const wr = splitCos[k]!;
      const wi = splitSin[k]!;
      const xr = er + wr * or - wi * oi;
      const xi = ei + wr * oi + wi * or;
      out[k] = xr * xr + xi * xi;
    }
  }

  /** Packs even samples as real and odd samples as imaginary parts, then runs the complex FFT. */
  private transformPacked(input: ArrayLike<number>): void {
    const { re, im, half, bitReverse } = this;
    const n = input.length;
    for (let i = 0; i < half; i++) {
      const j = bitReverse[i]!;
      const a = 2 * i;
      re[j] = a < n ? input[a]! : 0;
      im[j] = a + 1 < n ? input[a + 1]! : 0;
    }
    // First stage: twiddle is 1, so only sums and differences.
    for (let p = 0; p + 1 < half; p += 2) {
      const ar = re[p]!;
      const ai = im[p]!;
      const br = re[p + 1]!;
      const bi = im[p + 1]!;
      re[p] = ar + br;
      im[p] = ai + bi;
      re[p + 1] = ar - br;
      im[p + 1] = ai - bi;
    }
    const cos = this.cos;
    const sin = this.sin;
    for (let len = 4; len <= half; len <<= 1) {
      const step = half / len;
      const h = len >> 1;
      for (let k = 0; k < h; k++) {
        const wr = cos[k * step]!;
        const wi = sin[k * step]!;
        for (let p = k; p < half; p += len) {
          const q = p + h;
          const xr = re[q]!;
          const xi = im[q]!;
          const tr = wr * xr - wi * xi;
          const ti = wr * xi + wi * xr;
          const pr = re[p]!;
          const pi = im[p]!;
          re[q] = pr - tr;
          im[q] = pi - ti;
          re[p] = pr + tr;
          im[p] = pi + ti;
        }
      }
    }
  }
}

/** Smallest power of two >= n (n >= 1). */
export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}
