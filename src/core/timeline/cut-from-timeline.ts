/**
 * A timeline as storyboard scenes: the clips of video track 1 in order, split into scenes at its
 * markers (FCPXML events become markers when read); one scene named after the timeline if none.
 */
import { secondsOf } from './frame-rate';
import { placedClips, type Timeline } from './timeline-model';

export interface CutFromTimeline {
  fps: number;
  scenes: {
    title: string;
    clips: { name: string; mediaName: string; mediaUrl?: string; sourceIn: number; duration: number; sourceInFrames: number; durationFrames: number }[];
  }[];
}

/**
 * @example
 * cutFromTimeline(readTimeline('cut.fcpxml', text).timeline).scenes[0].clips[0].mediaName // 'shot-1.mp4'
 * (sourceIn and duration are seconds; the *Frames fields are exact)
 */
export function cutFromTimeline(timeline: Timeline): CutFromTimeline {
  const track = timeline.tracks.find((t) => t.kind === 'video') ?? timeline.tracks[0];
  const clips = track ? placedClips(track) : [];
  const markers = [...timeline.markers].sort((a, b) => a.frame - b.frame);
  const scenes: CutFromTimeline['scenes'] = [];
  let markerIndex = -1;
  for (const { clip, start } of clips) {
    let next = markerIndex;
    while (next + 1 < markers.length && markers[next + 1]!.frame <= start) next++;
    if (!scenes.length || next !== markerIndex) {
      scenes.push({ title: next >= 0 ? markers[next]!.note : scenes.length ? `Scene ${scenes.length + 1}` : timeline.name, clips: [] });
      markerIndex = next;
    }
    scenes[scenes.length - 1]!.clips.push({
      name: clip.name,
      mediaName: clip.media.name,
      ...(clip.media.url ? { mediaUrl: clip.media.url } : {}),
      sourceIn: secondsOf(clip.sourceIn, timeline.rate),
      duration: secondsOf(clip.duration, timeline.rate),
      sourceInFrames: clip.sourceIn,
      durationFrames: clip.duration,
    });
  }
  return { fps: timeline.rate.num / timeline.rate.den, scenes };
}
