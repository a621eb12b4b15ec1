/**
 * The storyboard's cut as a timeline: its clips in order on video track 1, each audio (music,
 * voiceover) on its own track from the start, and a marker where each scene begins (scenes survive
 * formats that have no scenes, and `cutFromTimeline` reads them back). Media are referenced as
 * `media/<file name>`, the folder an export zip puts them in.
 */
import { rateFromNumber } from './frame-rate';
import { canDropFrame } from './timecode';
import type { FrameRate, Timeline, TimelineMarker } from './timeline-model';

export interface CutClip {
  name: string;
  mediaName: string;
  durationFrames: number;
  sourceInFrames?: number;
  scene?: string;
}

export interface Cut {
  name: string;
  /** 24, 25, 29.97… or an exact fraction. */
  fps: number | FrameRate;
  width: number;
  height: number;
  clips: CutClip[];
  audio?: { name: string; mediaName: string; durationFrames: number; sourceInFrames?: number }[];
  markers?: { frame: number; note: string; duration?: number }[];
  /** Drop-frame timecode when the rate has it (29.97, 59.94); default false. */
  dropFrame?: boolean;
  /** Folder the media sit in next to the timeline file; default "media/". */
  mediaFolder?: string;
}

const wholeFrames = (v: number | undefined, what: string, min = 0) => {
  const n = v ?? 0;
  if (!Number.isInteger(n) || n < min) throw new RangeError(`timelineFromCut: ${what} must be a whole number of frames >= ${min}, got ${v}`);
  return n;
};

/**
 * @example
 * timelineFromCut({ name: 'Teaser', fps: 24, width: 1920, height: 1080,
 *   clips: [{ name: 'Shot 1', mediaName: 'shot-1.mp4', durationFrames: 48, scene: 'Opening' }] });
 */
export function timelineFromCut(cut: Cut): Timeline {
  const rate = typeof cut.fps === 'number' ? rateFromNumber(cut.fps) : cut.fps;
  const folder = cut.mediaFolder ?? 'media/';
  const media = (name: string) => ({ name, url: folder + encodeURIComponent(name) });
  const markers: TimelineMarker[] = [];
  let at = 0;
  let scene: string | undefined;
  const items = cut.clips.map((clip, i) => {
    if (clip.scene !== undefined && clip.scene !== scene) markers.push({ frame: at, duration: 0, note: clip.scene });
    scene = clip.scene ?? scene;
    const duration = wholeFrames(clip.durationFrames, `clips[${i}].durationFrames`, 1);
    at += duration;
    return { type: 'clip' as const, name: clip.name, media: media(clip.mediaName), sourceIn: wholeFrames(clip.sourceInFrames, `clips[${i}].sourceInFrames`), duration };
  });
  for (const m of cut.markers ?? []) markers.push({ frame: wholeFrames(m.frame, 'markers[].frame'), duration: wholeFrames(m.duration, 'markers[].duration'), note: m.note });
  return {
    name: cut.name,
    rate,
    dropFrame: (cut.dropFrame ?? false) && canDropFrame(rate),
    width: cut.width,
    height: cut.height,
    startFrame: 0,
    tracks: [
      { kind: 'video', items },
      ...(cut.audio ?? []).map((a, i) => ({
        kind: 'audio' as const,
        name: a.name,
        items: [{ type: 'clip' as const, name: a.name, media: media(a.mediaName), sourceIn: wholeFrames(a.sourceInFrames, `audio[${i}].sourceInFrames`), duration: wholeFrames(a.durationFrames, `audio[${i}].durationFrames`, 1) }],
      })),
    ],
    markers: markers.sort((a, b) => a.frame - b.frame),
  };
}
