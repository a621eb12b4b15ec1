/** Rational frame rates and rational seconds ("1001/30000s"), as FCPXML and OTIO write them. */
import type { FrameRate } from './timeline-model';

export const gcd = (a: number, b: number): number => {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
};

/** Rates NLEs write as decimals, mapped back to their exact fractions. */
const NTSC_RATES: FrameRate[] = [
  { num: 24000, den: 1001 },
  { num: 30000, den: 1001 },
  { num: 48000, den: 1001 },
  { num: 60000, den: 1001 },
  { num: 120000, den: 1001 },
];

export const fpsOf = (rate: FrameRate): number => rate.num / rate.den;

/** A decimal rate (29.97, 23.976, 25.0) as the fraction it stands for. */
export function rateFromNumber(fps: number): FrameRate {
  if (!Number.isFinite(fps) || fps <= 0 || fps > 1000) throw new RangeError(`frame rate must be a positive number, got ${fps}`);
  const ntsc = NTSC_RATES.find((r) => Math.abs(fpsOf(r) - fps) < 0.01);
  if (ntsc) return ntsc;
  if (Math.abs(fps - Math.round(fps)) < 0.001) return { num: Math.round(fps), den: 1 };
  const num = Math.round(fps * 1000);
  const g = gcd(num, 1000);
  return { num: num / g, den: 1000 / g };
}

/** The frame rate whose frame lasts `seconds` (a FCPXML frameDuration such as 1001/30000). */
export function rateFromFrameDuration(seconds: { num: number; den: number }): FrameRate {
  const exact = { num: seconds.den, den: seconds.num };
  const g = gcd(exact.num, exact.den);
  const reduced = { num: exact.num / g, den: exact.den / g };
  const known = [...NTSC_RATES].find((r) => r.num === reduced.num && r.den === reduced.den);
  return known ?? (reduced.den === 1 || reduced.den === 1001 ? reduced : rateFromNumber(reduced.num / reduced.den));
}

/** Frames per second rounded to the timecode base (30 for 29.97). */
export const timecodeBase = (rate: FrameRate): number => Math.round(fpsOf(rate));

/** Parses "1001/30000s", "5s", "3600.5s" or "0s" into a fraction of seconds; null if it is none of those. */
export function parseRationalSeconds(text: string | undefined): { num: number; den: number } | null {
  if (!text) return null;
  const m = /^\s*(-?\d+(?:\.\d+)?)(?:\/(\d+))?s?\s*$/.exec(text);
  if (!m) return null;
  const value = m[1]!;
  if (value.includes('.')) {
    const decimals = value.split('.')[1]!.length;
    const den = 10 ** Math.min(decimals, 9) * (m[2] ? Number(m[2]) : 1);
    return { num: Math.round(Number(value) * 10 ** Math.min(decimals, 9)), den };
  }
  const den = m[2] ? Number(m[2]) : 1;
  return den > 0 ? { num: Number(value), den } : null;
}

/** Seconds (a fraction) to the nearest whole frame at `rate`. Exact for times written on frame boundaries. */
export const framesFromSeconds = (seconds: { num: number; den: number }, rate: FrameRate): number =>
  Math.round((seconds.num * rate.num) / (seconds.den * rate.den));

/** Whether a fraction of seconds falls exactly on a frame boundary. */
export const isOnFrame = (seconds: { num: number; den: number }, rate: FrameRate): boolean =>
  (seconds.num * rate.num) % (seconds.den * rate.den) === 0;

/** Frames as FCPXML seconds: "1001/30000s", "2s", "0s". */
export function rationalSeconds(frames: number, rate: FrameRate): string {
  const num = frames * rate.den;
  const den = rate.num;
  if (num === 0) return '0s';
  const g = gcd(num, den);
  return den / g === 1 ? `${num / g}s` : `${num / g}/${den / g}s`;
}

/** Frames as decimal seconds (for JSON summaries; never used for maths). */
export const secondsOf = (frames: number, rate: FrameRate): number => Math.round(((frames * rate.den) / rate.num) * 1e6) / 1e6;
