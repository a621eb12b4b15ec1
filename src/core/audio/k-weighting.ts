/**
 * The K-weighting of ITU-R BS.1770-4: a high shelf (+4 dB above ~1.7 kHz, the head's effect)
 * followed by a high pass (~38 Hz, RLB). The standard tabulates coefficients for 48 kHz only;
 * these are the analogue prototypes' parameters (the widely used derivation from the 48 kHz
 * table), bilinear-transformed for any sample rate, so 48 kHz reproduces the table.
 */
const SHELF = { f0: 1681.974450955533, gainDb: 3.999843853973347, q: 0.7071752369554196 };
const HIGH_PASS = { f0: 38.13547087602444, q: 0.5003270373238773 };

export interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

export function kWeightingFilters(sampleRate: number): [Biquad, Biquad] {
  let k = Math.tan((Math.PI * SHELF.f0) / sampleRate);
  const vh = 10 ** (SHELF.gainDb / 20);
  const vb = vh ** 0.4996667741545416;
  let a0 = 1 + k / SHELF.q + k * k;
  const shelf: Biquad = {
    b0: (vh + (vb * k) / SHELF.q + k * k) / a0,
    b1: (2 * (k * k - vh)) / a0,
    b2: (vh - (vb * k) / SHELF.q + k * k) / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / SHELF.q + k * k) / a0,
  };
  k = Math.tan((Math.PI * HIGH_PASS.f0) / sampleRate);
  a0 = 1 + k / HIGH_PASS.q + k * k;
  const highPass: Biquad = {
    b0: 1,
    b1: -2,
    b2: 1,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / HIGH_PASS.q + k * k) / a0,
  };
  return [shelf, highPass];
}

/** The squared K-weighted signal (what the meter averages), both stages in one pass. */
export function kWeightedSquares(samples: Float32Array, sampleRate: number): Float64Array {
  const [s, h] = kWeightingFilters(sampleRate);
  const out = new Float64Array(samples.length);
  // Direct form I state for each stage.
  let sx1 = 0, sx2 = 0, sy1 = 0, sy2 = 0;
  let hy1 = 0, hy2 = 0;
  for (let n = 0; n < samples.length; n++) {
    const x = samples[n]!;
    const y = s.b0 * x + s.b1 * sx1 + s.b2 * sx2 - s.a1 * sy1 - s.a2 * sy2;
    sx2 = sx1;
    sx1 = x;
    // The high pass reads the shelf's output history (sy1, sy2) before it moves on.
    const z = h.b0 * y + h.b1 * sy1 + h.b2 * sy2 - h.a1 * hy1 - h.a2 * hy2;
    sy2 = sy1;
    sy1 = y;
    hy2 = hy1;
    hy1 = z;
    out[n] = z * z;
  }
  return out;
}
