import { describe, expect, it } from 'vitest';
import { framesToTimecode, timecodeToFrames } from '../../../src/core/timeline';
import { parseRationalSeconds, rateFromNumber, rationalSeconds, framesFromSeconds } from '../../../src/core/timeline/frame-rate';

const NTSC30 = { num: 30000, den: 1001 };
const NTSC60 = { num: 60000, den: 1001 };

describe('drop-frame timecode', () => {
  it('skips frame numbers 00 and 01 at each minute but every tenth (29.97)', () => {
    expect(framesToTimecode(1799, NTSC30, true)).toBe('00:00:59;29');
    expect(framesToTimecode(1800, NTSC30, true)).toBe('00:01:00;02');
    expect(framesToTimecode(17982, NTSC30, true)).toBe('00:10:00;00');
    expect(framesToTimecode(107892, NTSC30, true)).toBe('01:00:00;00');
    expect(timecodeToFrames('00:01:00;02', NTSC30)).toBe(1800);
    expect(timecodeToFrames('01:00:00;00', NTSC30)).toBe(107892);
  });

  it('skips four frame numbers at 59.94', () => {
    expect(framesToTimecode(3599, NTSC60, true)).toBe('00:00:59;59');
    expect(framesToTimecode(3600, NTSC60, true)).toBe('00:01:00;04');
    expect(timecodeToFrames('00:10:00;00', NTSC60)).toBe(35964);
  });

  it('round-trips every frame of the first 25 minutes at 29.97 DF and 59.94 DF', () => {
    for (const rate of [NTSC30, NTSC60]) {
      for (let f = 0; f < 25 * 60 * 60; f += rate === NTSC30 ? 1 : 2) {
        const tc = framesToTimecode(f, rate, true);
        if (timecodeToFrames(tc, rate) !== f) throw new Error(`${f} → ${tc} → ${timecodeToFrames(tc, rate)}`);
      }
    }
  });

  it('non-drop timecode counts every frame at the rounded base', () => {
    expect(framesToTimecode(86400, { num: 24000, den: 1001 }, false)).toBe('01:00:00:00');
    expect(framesToTimecode(90000, { num: 25, den: 1 }, false)).toBe('01:00:00:00');
    expect(timecodeToFrames('00:00:01:59', { num: 60, den: 1 })).toBe(119);
    expect(timecodeToFrames('not a timecode', { num: 25, den: 1 })).toBeNull();
  });
});

describe('rational seconds', () => {
  it('writes frames as exact fractions and reads them back to the frame', () => {
    expect(rationalSeconds(1, NTSC30)).toBe('1001/30000s');
    expect(rationalSeconds(50, { num: 25, den: 1 })).toBe('2s');
    expect(rationalSeconds(0, NTSC30)).toBe('0s');
    for (const rate of [NTSC30, { num: 24000, den: 1001 }, { num: 25, den: 1 }, { num: 60, den: 1 }])
      for (const f of [1, 29, 1799, 107892, 5_000_000]) expect(framesFromSeconds(parseRationalSeconds(rationalSeconds(f, rate))!, rate)).toBe(f);
  });

  it('maps decimal rates to their exact fractions', () => {
    expect(rateFromNumber(29.97)).toEqual(NTSC30);
    expect(rateFromNumber(23.976)).toEqual({ num: 24000, den: 1001 });
    expect(rateFromNumber(59.94005994005994)).toEqual(NTSC60);
    expect(rateFromNumber(25)).toEqual({ num: 25, den: 1 });
    expect(() => rateFromNumber(0)).toThrow(/positive/);
  });
});
