import { describe, expect, it } from 'vitest';
import { toMediaAudioProps, toMediaVideoProps } from '../../../src/core/remotion-compat';

describe('toMediaVideoProps', () => {
  it('maps OffthreadVideo trim props to trimBefore/trimAfter and keeps playback props', () => {
    const onError = () => undefined;
    const out = toMediaVideoProps({ src: 'a.mp4', startFrom: 15, endAt: 75, volume: 0.5, playbackRate: 2, muted: true, loop: true, style: { width: 10 }, onError });
    expect(out).toEqual({ src: 'a.mp4', trimBefore: 15, trimAfter: 75, volume: 0.5, playbackRate: 2, muted: true, loop: true, style: { width: 10 }, onError });
  });

  it('lets trimBefore/trimAfter win over the deprecated names when both are given', () => {
    expect(toMediaVideoProps({ src: 'a.mp4', startFrom: 1, trimBefore: 5, endAt: 9, trimAfter: 20 })).toEqual({ src: 'a.mp4', trimBefore: 5, trimAfter: 20 });
  });

  it('moves transparent and toneMapped into fallbackOffthreadVideoProps, merged with any given', () => {
    const out = toMediaVideoProps({ src: 'a.mp4', transparent: true, toneMapped: false, fallbackOffthreadVideoProps: { crossOrigin: 'anonymous' } });
    expect(out).toEqual({ src: 'a.mp4', fallbackOffthreadVideoProps: { crossOrigin: 'anonymous', transparent: true, toneMapped: false } });
  });

  it('drops options that only mean something to the server renderer', () => {
    expect(toMediaVideoProps({ src: 'a.mp4', imageFormat: 'png', allowAmplificationDuringRender: true })).toEqual({ src: 'a.mp4' });
  });

  it("takes the fit from style.objectFit, where an OffthreadVideo's <img> read it", () => {
    expect(toMediaVideoProps({ src: 'a.mp4', style: { objectFit: 'cover' } })).toEqual({ src: 'a.mp4', style: { objectFit: 'cover' }, objectFit: 'cover' });
    expect(toMediaVideoProps({ src: 'a.mp4', objectFit: 'contain', style: { objectFit: 'cover' } }).objectFit).toBe('contain');
  });

  it('does not change the props it is given', () => {
    const props = { src: 'a.mp4', startFrom: 3, transparent: true };
    toMediaVideoProps(props);
    expect(props).toEqual({ src: 'a.mp4', startFrom: 3, transparent: true });
  });
});

describe('toMediaAudioProps', () => {
  it('renames trims and keeps volume, playbackRate and muted', () => {
    const volume = (f: number) => f / 10;
    expect(toMediaAudioProps({ src: 'a.mp3', startFrom: 30, endAt: 60, volume, playbackRate: 0.5, muted: false, allowAmplificationDuringRender: true })).toEqual({
      src: 'a.mp3',
      trimBefore: 30,
      trimAfter: 60,
      volume,
      playbackRate: 0.5,
      muted: false,
    });
  });
});
