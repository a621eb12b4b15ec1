// Hand-written timelines covering what the interchange formats must carry: the four rates of the
// issue (23.976, 25, 29.97 drop-frame, 60), gaps, dissolves and a wipe, two video tracks, two audio
// tracks, markers, and source in-points that are not zero.
import { timecodeToFrames } from '../../../src/core/timeline/timecode';
import type { FrameRate, Timeline, TimelineTrack } from '../../../src/core/timeline/timeline-model';

export const RATES: { label: string; rate: FrameRate; dropFrame: boolean; start: string }[] = [
  { label: '23.976', rate: { num: 24000, den: 1001 }, dropFrame: false, start: '00:00:00:00' },
  { label: '25', rate: { num: 25, den: 1 }, dropFrame: false, start: '10:00:00:00' },
  { label: '29.97 drop-frame', rate: { num: 30000, den: 1001 }, dropFrame: true, start: '01:00:00;00' },
  { label: '60', rate: { num: 60, den: 1 }, dropFrame: false, start: '01:00:00:00' },
];

/** Long enough clips that the 29.97 DF cut crosses minute boundaries, where frame numbers are dropped. */
export function sampleTimeline({ rate, dropFrame, start }: (typeof RATES)[number]): Timeline {
  const clip = (name: string, media: string, sourceIn: number, duration: number) => ({ type: 'clip' as const, name, media: { name: media }, sourceIn, duration });
  return {
    name: `Sample ${rate.num}/${rate.den}`,
    rate,
    dropFrame,
    width: 1920,
    height: 1080,
    startFrame: timecodeToFrames(start, rate, dropFrame)!,
    tracks: [
      {
        kind: 'video',
        items: [
          clip('Shot A', 'shot a.mov', 12, 100),
          { type: 'transition', kind: 'dissolve', duration: 12 },
          clip('Shot B', 'shot-b.mp4', 240, 2000),
          { type: 'gap', duration: 30 },
          clip('Shot C', 'shot-c.mp4', 0, 75),
          { type: 'transition', kind: 'wipe', duration: 10 },
          clip('Shot D', 'shot-d.mp4', 5, 51),
          { type: 'transition', kind: 'dissolve', duration: 7 },
          clip('Shot A again', 'shot a.mov', 400, 90),
        ],
      },
      { kind: 'video', items: [{ type: 'gap', duration: 50 }, clip('Logo', 'logo.png', 0, 60), { type: 'gap', duration: 20 }, clip('Title & <card>', 'title.mov', 3, 40)] },
      { kind: 'audio', items: [clip('Music', 'music.wav', 0, 1500)] },
      { kind: 'audio', items: [{ type: 'gap', duration: 24 }, clip('Voiceover', 'vo.wav', 48, 300), { type: 'gap', duration: 5 }, clip('Voiceover 2', 'vo2.wav', 0, 100)] },
    ],
    markers: [
      { frame: 0, duration: 0, note: 'Opening' },
      { frame: 112, duration: 0, note: 'Middle' },
      { frame: 2000, duration: 24, note: 'End & "notes"' },
    ],
  };
}

/** The same timeline without what a format does not keep. */
export function keepTracks(timeline: Timeline, keep: (track: TimelineTrack, index: number) => boolean): Timeline {
  return { ...timeline, tracks: timeline.tracks.filter(keep) };
}

export const withoutTrackNames = (timeline: Timeline): Timeline => ({ ...timeline, tracks: timeline.tracks.map(({ name: _name, ...track }) => track) });
