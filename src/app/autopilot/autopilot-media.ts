import { renderSoundtrack } from '../audio/soundtrack';
import { narrate } from '../voice/narrate';
import type { AutopilotMedia } from './autopilot-handlers';

/** Seconds of a video file, read by the browser's own decoder; null when it cannot be read. */
function videoDurationS(blob: Blob): Promise<number | null> {
  return new Promise((resolve) => {
    const video = document.createElement('video');
    const url = URL.createObjectURL(blob);
    const done = (value: number | null) => {
      URL.revokeObjectURL(url);
      resolve(value);
    };
    video.preload = 'metadata';
    video.onloadedmetadata = () => done(Number.isFinite(video.duration) ? video.duration : null);
    video.onerror = () => done(null);
    video.src = url;
  });
}

/** The app's voice and mix (issue 18 part A) and the browser's video decoder, for Auto-pilot's steps. */
export const autopilotMedia: AutopilotMedia = { narrate, renderSoundtrack, videoDurationS };
