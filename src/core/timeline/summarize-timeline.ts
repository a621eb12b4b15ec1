/** The `director timeline --json` view of a timeline: tracks of clips with times in seconds. */
import { fpsOf, secondsOf } from './frame-rate';
import { placedClips, type Timeline } from './timeline-model';
import type { TimelineFormat } from './timeline-format';

export interface TimelineSummary {
  ok: true;
  format: TimelineFormat;
  name: string;
  fps: number;
  tracks: { kind: 'video' | 'audio'; clips: { name: string; start: number; duration: number; source: string; sourceIn: number }[] }[];
  markers: { time: number; note: string }[];
  warnings: string[];
}

export function summarizeTimeline(timeline: Timeline, format: TimelineFormat, warnings: string[] = []): TimelineSummary {
  const s = (frames: number) => secondsOf(frames, timeline.rate);
  return {
    ok: true,
    format,
    name: timeline.name,
    fps: Math.round(fpsOf(timeline.rate) * 1000) / 1000,
    tracks: timeline.tracks.map((track) => ({
      kind: track.kind,
      clips: placedClips(track).map(({ clip, start }) => ({ name: clip.name, start: s(start), duration: s(clip.duration), source: clip.media.name, sourceIn: s(clip.sourceIn) })),
    })),
    markers: timeline.markers.map((m) => ({ time: s(m.frame), note: m.note })),
    warnings,
  };
}
