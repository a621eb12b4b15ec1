import { describe, expect, it } from 'vitest';
import { RealFft, nextPowerOfTwo } from '../../../src/core/audio/fft';

function naiveDft(x: number[]): { re: number[]; im: number[] } {
  const n = x.length;
  const re: number[] = [];
  const im: number[] = [];
  for (let k = 0; k <= n / 2; k++) {
    let r = 0;
    let i = 0;
    for (let t = 0; t < n; t++) {
      r += x[t]! * Math.cos((2 * Math.PI * k * t) / n);
      i -= x[t]! * Math.sin((2 * Math.PI * k * t) / n);
    }
    re.push(r);
    im.push(i);
  }
  return { re, im };
}

describe('RealFft', () => {
  it('matches a naive DFT for several sizes', () => {
    for (const size of [4, 8, 64, 512]) {
      const x = Array.from({ length: size }, (_, t) => Math.sin(t * 0.37) + 0.3 * Math.cos(t * 1.9) + (t % 5) * 0.1);
      const fft = new RealFft(size);
      const re = new Float64Array(fft.bins);
      const im = new Float64Array(fft.bins);
      fft.forward(x, re, im);
      const ref = naiveDft(x);
      for (let k = 0; k < fft.bins; k++) {
        expect(re[k]).toBeCloseTo(ref.re[k]!, 8);
        expect(im[k]).toBeCloseTo(ref.im[k]!, 8);
      }
    }
  });

  it('puts a sine in its bin and treats missing samples as zeros', () => {
    const fft = new RealFft(256);
    const power = new Float32Array(fft.bins);
    fft.powerSpectrum(Array.from({ length: 256 }, (_, t) => Math.sin((2 * Math.PI * 10 * t) / 256)), power);
    expect(power.indexOf(Math.max(...power))).toBe(10);
    fft.powerSpectrum([1], power); // an impulse: flat spectrum
    for (const p of power) expect(p).toBeCloseTo(1, 9);
  });

  it('rejects sizes that are not powers of two', () => {
    expect(() => new RealFft(100)).toThrow(/power of two/);
    expect(nextPowerOfTwo(1000)).toBe(1024);
  });
});
