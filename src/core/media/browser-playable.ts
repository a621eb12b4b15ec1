import type { MediaProbe } from './media-probe.ts';

/** Container → codecs every Chromium build plays in a <video> element. */
const PLAYABLE: Record<string, { video: readonly string[]; audio: readonly string[] }> = {
  mp4: { video: ['avc', 'h264'], audio: ['aac', 'mp3'] },
  webm: { video: ['vp8', 'vp9', 'av1'], audio: ['opus', 'vorbis'] },
};

/**
 * True when an upload can be played as it is; false means transcode it (to H.264 MP4 or VP9 WebM).
 * Deliberately strict: HEVC, ProRes, MPEG-4 Part 2, AVI and MKV all get transcoded.
 *
 * @example
 * if (!isBrowserPlayable(probe)) await media.transcode(file, { target: 'mp4-h264' });
 */
export function isBrowserPlayable(probe: Pick<MediaProbe, 'container' | 'videoCodec' | 'audioCodec' | 'hasVideo' | 'hasAudio'>): boolean {
  const container = probe.container === 'matroska' && probe.videoCodec !== null && ['vp8', 'vp9', 'av1'].includes(probe.videoCodec) ? 'webm' : probe.container;
  const rules = PLAYABLE[container];
  if (!rules) return false;
  if (probe.hasVideo && !rules.video.includes(probe.videoCodec ?? '')) return false;
  if (probe.hasAudio && !rules.audio.includes(probe.audioCodec ?? '')) return false;
  return true;
}
