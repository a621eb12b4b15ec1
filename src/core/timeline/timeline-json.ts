/**
 * Our own timeline file: `{format: "director-timeline", version: 1, timeline}`. Reading is a restore
 * gate: the envelope is checked, newer versions refused, and every field coerced or dropped.
 */
import { emptyTimeline, type FrameRate, type ReadResult, type Timeline, type TimelineTrack, type TrackItem } from './timeline-model';
import { TimelineReadError } from './timeline-read-error';

export const TIMELINE_JSON_FORMAT = 'director-timeline';
export const TIMELINE_JSON_VERSION = 1;

export function writeTimelineJson(timeline: Timeline): { text: string; warnings: string[] } {
  return { text: JSON.stringify({ format: TIMELINE_JSON_FORMAT, version: TIMELINE_JSON_VERSION, timeline }, null, 2) + '\n', warnings: [] };
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => !!v && typeof v === 'object' && !Array.isArray(v);
const whole = (v: unknown, fallback = 0, min = 0) => (Number.isInteger(v) && (v as number) >= min ? (v as number) : fallback);
const text = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);

export function readTimelineJson(doc: unknown, fileName: string): ReadResult {
  if (!isObject(doc) || doc.format !== TIMELINE_JSON_FORMAT) throw new TimelineReadError(`${fileName} is JSON but not a Director timeline (no "format": "${TIMELINE_JSON_FORMAT}").`);
  if (typeof doc.version !== 'number' || doc.version > TIMELINE_JSON_VERSION) throw new TimelineReadError(`${fileName} is a Director timeline of version ${String(doc.version)}, newer than this app reads (${TIMELINE_JSON_VERSION}).`);
  const warnings: string[] = [];
  const t = isObject(doc.timeline) ? doc.timeline : {};
  const r = isObject(t.rate) ? t.rate : {};
  const rate: FrameRate = { num: whole(r.num, 0, 1), den: whole(r.den, 0, 1) };
  if (!rate.num || !rate.den) throw new TimelineReadError(`${fileName}: the timeline's rate must be whole numbers {num, den}, got ${JSON.stringify(t.rate)}.`);
  let dropped = 0;
  const item = (v: unknown): TrackItem | undefined => {
    if (!isObject(v)) return undefined;
    if (v.type === 'gap') return { type: 'gap', duration: whole(v.duration) };
    if (v.type === 'transition') return { type: 'transition', kind: v.kind === 'wipe' ? 'wipe' : 'dissolve', duration: whole(v.duration) };
    if (v.type !== 'clip' || !isObject(v.media)) return undefined;
    const speed = typeof v.speed === 'number' && Number.isFinite(v.speed) ? v.speed : 1;
    return {
      type: 'clip',
      name: text(v.name),
      media: { name: text(v.media.name), ...(typeof v.media.url === 'string' ? { url: v.media.url } : {}) },
      sourceIn: whole(v.sourceIn),
      duration: whole(v.duration),
      ...(speed !== 1 ? { speed } : {}),
    };
  };
  const tracks: TimelineTrack[] = (Array.isArray(t.tracks) ? t.tracks : []).filter(isObject).map((tr) => ({
    kind: tr.kind === 'audio' ? 'audio' : 'video',
    ...(typeof tr.name === 'string' ? { name: tr.name } : {}),
    items: (Array.isArray(tr.items) ? tr.items : []).flatMap((v) => {
      const read = item(v);
      if (!read) dropped++;
      return read ? [read] : [];
    }),
  }));
  if (dropped) warnings.push(`JSON: ${dropped} track item(s) that were not a clip, gap or transition were dropped.`);
  const timeline = emptyTimeline(text(t.name, fileName), rate, {
    dropFrame: t.dropFrame === true,
    width: whole(t.width, 1920, 1),
    height: whole(t.height, 1080, 1),
    startFrame: whole(t.startFrame),
    tracks,
    markers: (Array.isArray(t.markers) ? t.markers : []).filter(isObject).map((m) => ({ frame: whole(m.frame), duration: whole(m.duration), note: text(m.note) })),
  });
  return { timeline, warnings };
}
