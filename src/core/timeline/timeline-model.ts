/**
 * The interchange timeline: what every reader produces and every writer consumes. All times are
 * integer frames at the timeline's rational rate, so a 29.97 fps cut stays on its frame through any
 * number of round trips (seconds as floats would drift).
 */

/** Frames per second as a fraction: 24/1, 25/1, 30000/1001 (29.97), 24000/1001 (23.976)… */
export interface FrameRate {
  num: number;
  den: number;
}

/** Where a clip's media lives: our asset id or a file name, optionally with a URL the source file gave. */
export interface MediaRef {
  name: string;
  url?: string;
}

/** A piece of media on a track. `sourceIn` and `duration` are frames; `speed` 1 unless retimed (EDL M2). */
export interface TimelineClip {
  type: 'clip';
  name: string;
  media: MediaRef;
  sourceIn: number;
  duration: number;
  speed?: number;
}

/** Empty time on a track. */
export interface TimelineGap {
  type: 'gap';
  duration: number;
}

/**
 * A transition between the items before and after it. It takes no track time of its own: it straddles
 * the cut, starting `floor(duration / 2)` frames before it (the media handles of both clips).
 */
export interface TimelineTransition {
  type: 'transition';
  kind: 'dissolve' | 'wipe';
  duration: number;
}

export type TrackItem = TimelineClip | TimelineGap | TimelineTransition;

export interface TimelineTrack {
  kind: 'video' | 'audio';
  name?: string;
  items: TrackItem[];
}

/** A note at a frame of the timeline (`duration` 0 for a point marker). */
export interface TimelineMarker {
  frame: number;
  duration: number;
  note: string;
}

export interface Timeline {
  name: string;
  rate: FrameRate;
  /** Drop-frame timecode (29.97 / 59.94 only). */
  dropFrame: boolean;
  width: number;
  height: number;
  /** Timecode of the first frame, in frames (0 = 00:00:00:00). */
  startFrame: number;
  /** Video tracks bottom to top, then audio tracks. */
  tracks: TimelineTrack[];
  markers: TimelineMarker[];
}

/** What `readTimeline` returns: the timeline and what was skipped or approximated on the way. */
export interface ReadResult {
  timeline: Timeline;
  warnings: string[];
}

/** Frames taken on the track by an item: transitions overlap the cut and take none. */
export const itemFrames = (item: TrackItem): number => (item.type === 'transition' ? 0 : item.duration);

/** The record frame each item starts at (relative to the timeline start), in track order. */
export function recordStarts(track: TimelineTrack): number[] {
  let at = 0;
  return track.items.map((item) => {
    const start = at;
    at += itemFrames(item);
    return start;
  });
}

/** Frames from the timeline start to the end of its longest track. */
export const timelineDuration = (timeline: Timeline): number =>
  Math.max(0, ...timeline.tracks.map((t) => t.items.reduce((sum, item) => sum + itemFrames(item), 0)));

/** Clips with their record start, skipping gaps and transitions. */
export function placedClips(track: TimelineTrack): { clip: TimelineClip; start: number; index: number }[] {
  const starts = recordStarts(track);
  return track.items.flatMap((item, index) => (item.type === 'clip' ? [{ clip: item, start: starts[index]!, index }] : []));
}

/**
 * Builds a track from clips at record positions: gaps where they do not touch, later clips trimmed
 * where they overlap (one track holds one clip at a time). Used by readers of absolute-time formats.
 */
export function trackFromPlaced(kind: TimelineTrack['kind'], placed: { start: number; item: TimelineClip | TimelineTransition }[], name?: string): TimelineTrack {
  const items: TrackItem[] = [];
  let at = 0;
  for (const { start, item } of [...placed].sort((a, b) => a.start - b.start || (a.item.type === 'transition' ? -1 : 0) - (b.item.type === 'transition' ? -1 : 0))) {
    if (item.type === 'transition') {
      items.push(item);
      continue;
    }
    if (start > at) items.push({ type: 'gap', duration: start - at });
    const cut = Math.max(0, at - start);
    if (cut >= item.duration) continue;
    items.push(cut ? { ...item, sourceIn: item.sourceIn + cut, duration: item.duration - cut } : item);
    at = start + item.duration;
  }
  return { kind, ...(name ? { name } : {}), items: trimTrack(items) };
}

/** Drops trailing gaps and transitions that have nothing after them: they carry no meaning at the end of a track. */
export function trimTrack(items: TrackItem[]): TrackItem[] {
  const out = [...items];
  while (out.length && out[out.length - 1]!.type !== 'clip') out.pop();
  while (out.length && out[0]!.type === 'transition') out.shift();
  return out;
}

/** An empty timeline with these settings, for readers to fill. */
export function emptyTimeline(name: string, rate: FrameRate, options: Partial<Timeline> = {}): Timeline {
  return { name, rate, dropFrame: false, width: 1920, height: 1080, startFrame: 0, tracks: [], markers: [], ...options };
}
