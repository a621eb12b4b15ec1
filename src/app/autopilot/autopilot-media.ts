import type { NarrationAudio, SoundtrackRequest, SoundtrackResult, VoiceSettings } from '../../core/narration/narration-types';
import type { AutopilotMedia } from './autopilot-handlers';

/**
 * The voice and the mix of issue 18 part A (src/app/voice/narrate.ts, src/app/audio/soundtrack.ts),
 * found through Vite's glob so this branch builds before and after part A lands; once both are
 * merged, these become two plain imports.
 */
const VOICE = import.meta.glob<{ narrate: (text: string, settings: VoiceSettings, signal?: AbortSignal) => Promise<NarrationAudio> }>('../voice/narrate.ts');
const MIX = import.meta.glob<{ renderSoundtrack: (request: SoundtrackRequest, signal?: AbortSignal) => Promise<SoundtrackResult> }>('../audio/soundtrack.ts');

async function part<T>(modules: Record<string, () => Promise<T>>, what: string): Promise<T> {
  const load = Object.values(modules)[0];
  if (!load) throw new Error(`${what} is not part of this build yet.`);
  return load();
}

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

export const autopilotMedia: AutopilotMedia = {
  narrate: async (text, settings, signal) => (await part(VOICE, 'The voiceover')).narrate(text, settings, signal),
  renderSoundtrack: async (request, signal) => (await part(MIX, 'The soundtrack mix')).renderSoundtrack(request, signal),
  videoDurationS,
};
