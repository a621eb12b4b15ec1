import { describe, expect, it } from 'vitest';
import {
  MediaError,
  downmixInterleaved,
  evenlySpacedTimes,
  extractFrameArgs,
  isBrowserPlayable,
  mediaErrorFrom,
  parseFramePosition,
  probeFromFfprobeJson,
  resamplePcm,
  sniffMediaType,
  waveformPeaks,
} from '../../../src/core/media';

const sine = (hz: number, rate: number, seconds: number) => Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => Math.sin((2 * Math.PI * hz * i) / rate));
const rms = (x: Float32Array, from = 0, to = x.length) => Math.sqrt(x.subarray(from, to).reduce((a, v) => a + v * v, 0) / (to - from));

describe('MediaError', () => {
  it('survives a trip through a plain message (as Comlink and Playwright carry it)', () => {
    const error = new MediaError('corrupt_or_truncated', 'my clip.mp4', 'no frame at 2 s');
    const back = mediaErrorFrom(new Error(`page.evaluate: MediaError: ${error.message}\n    at foo (x.js:1:1)`));
    expect(back).toMatchObject({ code: 'corrupt_or_truncated', fileName: 'my clip.mp4', reason: 'no frame at 2 s' });
    expect(mediaErrorFrom(new Error('[media:made_up] a: b'))).toBeNull();
    expect(mediaErrorFrom('plain')).toBeNull();
  });
});

describe('downmixInterleaved', () => {
  it('averages channels (no +3 dB like a sum)', () => {
    expect(Array.from(downmixInterleaved(Float32Array.of(1, 0.5, -1, -0.5), 2))).toEqual([0.75, -0.75]);
    expect(() => downmixInterleaved(new Float32Array(4), 0)).toThrow(/channels/);
  });
});

describe('resamplePcm', () => {
  it('keeps a pass-band tone at its level and length', () => {
    const out = resamplePcm(sine(440, 44100, 1), 44100, 22050);
    expect(out.length).toBe(22050);
    expect(rms(out, 1000, 21000)).toBeCloseTo(Math.SQRT1_2, 2);
    // Still 440 Hz: compare with a tone made at the new rate.
    const ref = sine(440, 22050, 1);
    let err = 0;
    for (let i = 1000; i < 21000; i++) err = Math.max(err, Math.abs(out[i]! - ref[i]!));
    expect(err).toBeLessThan(0.01);
  });

  it('removes what would alias when going down, and upsamples too', () => {
    const alias = resamplePcm(sine(15000, 44100, 1), 44100, 22050);
    expect(rms(alias, 1000, 21000)).toBeLessThan(0.01);
    expect(resamplePcm(sine(100, 8000, 0.5), 8000, 48000).length).toBe(24000);
    expect(() => resamplePcm(new Float32Array(1), 0, 1)).toThrow(/rates/);
  });
});

describe('waveformPeaks', () => {
  it('gives min and max per bucket', () => {
    const w = waveformPeaks(Float32Array.of(0, 1, -1, 0.5, 0.2, -0.3), 6, 3);
    expect(Array.from(w.max)).toEqual([1, 0.5, 0.20000000298023224]);
    expect(Array.from(w.min)).toEqual([0, -1, -0.30000001192092896]);
    expect(w.durationSec).toBe(1);
    expect(waveformPeaks(new Float32Array(0), 8000, 4).max).toEqual(new Float32Array(4));
  });
});

describe('evenlySpacedTimes and parseFramePosition', () => {
  it('centres thumbnails in equal slices', () => {
    expect(evenlySpacedTimes(0, 10, 5)).toEqual([1, 3, 5, 7, 9]);
    expect(() => evenlySpacedTimes(0, 1, 0)).toThrow(/count/);
  });
  it('parses "last" and seconds, nothing else', () => {
    expect(parseFramePosition('last')).toBe('last');
    expect(parseFramePosition('1.25')).toBe(1.25);
    expect(parseFramePosition('-1')).toBeNull();
    expect(parseFramePosition('1e3')).toBeNull();
  });
});

describe('ffmpeg helpers', () => {
  it('builds a last-frame command that keeps overwriting one image', () => {
    const args = extractFrameArgs('in.avi', 'out.png', 'last');
    expect(args).toEqual(expect.arrayContaining(['-sseof', '-update', '1', 'out.png']));
    expect(extractFrameArgs('in.avi', 'o.jpg', 1.5, { maxWidth: 160 })).toEqual(expect.arrayContaining(['-ss', '1.500000', '-frames:v', '1', '-q:v']));
  });

  it('reads ffprobe JSON, with rotation as clockwise degrees', () => {
    const probe = probeFromFfprobeJson({
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '2.000000' },
      streams: [
        { codec_type: 'video', codec_name: 'h264', width: 160, height: 120, avg_frame_rate: '12/1', side_data_list: [{ rotation: -90 }] },
        { codec_type: 'audio', codec_name: 'aac', sample_rate: '48000', channels: 2 },
      ],
    });
    expect(probe).toMatchObject({ container: 'mp4', durationSec: 2, fps: 12, rotation: 90, width: 120, height: 160, audioSampleRate: 48000, audioChannels: 2, engine: 'ffmpeg' });
    expect(probeFromFfprobeJson({})).toMatchObject({ hasVideo: false, hasAudio: false, durationSec: 0 });
  });

  it('knows what the browser plays', () => {
    expect(isBrowserPlayable({ container: 'mp4', videoCodec: 'avc', audioCodec: 'aac', hasVideo: true, hasAudio: true })).toBe(true);
    expect(isBrowserPlayable({ container: 'avi', videoCodec: 'mpeg4', audioCodec: 'mp3', hasVideo: true, hasAudio: true })).toBe(false);
    expect(isBrowserPlayable({ container: 'mp4', videoCodec: 'hevc', audioCodec: null, hasVideo: true, hasAudio: false })).toBe(false);
  });
});

describe('sniffMediaType additions', () => {
  const ascii = (text: string, at = 0, size = 200) => {
    const out = new Uint8Array(size);
    out.set(Array.from(text, (c) => c.charCodeAt(0)), at);
    return out;
  };
  it('recognises AVI, AIFF, ADTS and MPEG-TS', () => {
    const avi = ascii('RIFF');
    avi.set(Array.from('AVI ', (c) => c.charCodeAt(0)), 8);
    expect(sniffMediaType(avi)).toBe('video/x-msvideo');
    const aiff = ascii('FORM');
    aiff.set(Array.from('AIFF', (c) => c.charCodeAt(0)), 8);
    expect(sniffMediaType(aiff)).toBe('audio/aiff');
    expect(sniffMediaType(Uint8Array.of(0xff, 0xf1, 0x50, 0x80))).toBe('audio/aac');
    expect(sniffMediaType(Uint8Array.of(0xff, 0xfb, 0x90, 0x64))).toBe('audio/mpeg');
    const ts = new Uint8Array(400);
    ts[0] = ts[188] = 0x47;
    expect(sniffMediaType(ts)).toBe('video/mp2t');
  });
});
