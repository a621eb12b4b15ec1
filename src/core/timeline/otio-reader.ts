/**
 * OpenTimelineIO JSON → timeline. Reads Timeline.1, Stack.1, Track.1, Clip.1/2, Gap.1,
 * Transition.1, External/Missing/GeneratorReference and markers on the stack, tracks and clips.
 * A nested stack or track inside a track is flattened to one clip, with a warning.
 */
import { rateFromNumber } from './frame-rate';
import { nameFromUrl } from './fcpxml-reader';
import { emptyTimeline, trimTrack, type FrameRate, type ReadResult, type TimelineMarker, type TrackItem } from './timeline-model';
import { TimelineReadError } from './timeline-read-error';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const schemaOf = (v: unknown) => (isObject(v) && typeof v.OTIO_SCHEMA === 'string' ? v.OTIO_SCHEMA.split('.')[0] : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function readOtio(doc: unknown, fileName: string): ReadResult {
  if (schemaOf(doc) !== 'Timeline') throw new TimelineReadError(`${fileName} is OpenTimelineIO ${schemaOf(doc) || 'JSON'} but not a Timeline, so there is no timeline to read.`);
  const root = doc as Json;
  const warnings: string[] = [];
  const stack = isObject(root.tracks) ? root.tracks : {};
  const ours = isObject(root.metadata) && isObject(root.metadata.director) ? root.metadata.director : undefined;
  const rate = rateFromOurs(ours?.rate) ?? findRate(root) ?? { num: 24, den: 1 };
  /** A RationalTime as frames at the timeline rate. */
  const frames = (t: unknown): number => {
    if (!isObject(t)) return 0;
    const value = Number(t.value) || 0;
    const r = Number(t.rate) || rate.num / rate.den;
    return Math.round((value * rate.num) / (rate.den * r));
  };
  const rangeOf = (r: unknown) => (isObject(r) ? { start: frames(r.start_time), duration: frames(r.duration) } : undefined);
  const timeline = emptyTimeline(typeof root.name === 'string' && root.name ? root.name : fileName.replace(/\.[^.]+$/, ''), rate, {
    startFrame: frames(root.global_start_time),
    dropFrame: ours?.dropFrame === true,
    width: Number(ours?.width) || 1920,
    height: Number(ours?.height) || 1080,
  });
  const addMarkers = (markers: unknown, offset: number) => {
    for (const m of list(markers)) {
      if (!isObject(m)) continue;
      const r = rangeOf(m.marked_range) ?? { start: 0, duration: 0 };
      const marker: TimelineMarker = { frame: offset + r.start, duration: r.duration, note: String(m.name || m.comment || '') };
      timeline.markers.push(marker);
    }
  };
  addMarkers(stack.markers, 0);
  let flattened = 0;
  const skipped = new Set<string>();
  for (const track of list(stack.children)) {
    if (!isObject(track) || schemaOf(track) !== 'Track') {
      skipped.add(`a ${schemaOf(track) || 'non-track'} at the top of the stack`);
      continue;
    }
    const items: TrackItem[] = [];
    let at = 0;
    for (const child of list(track.children)) {
      const schema = schemaOf(child);
      const c = child as Json;
      const r = rangeOf(c.source_range);
      if (schema === 'Transition') {
        items.push({ type: 'transition', kind: /wipe/i.test(String(c.transition_type ?? '') + String(c.name ?? '')) ? 'wipe' : 'dissolve', duration: frames(c.in_offset) + frames(c.out_offset) });
        continue;
      }
      if (schema === 'Gap') {
        const duration = r?.duration ?? 0;
        items.push({ type: 'gap', duration });
        at += duration;
        continue;
      }
      if (schema === 'Clip' || schema === 'Stack' || schema === 'Track') {
        const reference = isObject(c.media_references) ? c.media_references[String(c.active_media_reference_key ?? 'DEFAULT_MEDIA')] : c.media_reference;
        const ref = isObject(reference) ? reference : {};
        const available = rangeOf(ref.available_range);
        const range = r ?? available ?? { start: 0, duration: 0 };
        if (schema !== 'Clip') flattened++;
        const url = typeof ref.target_url === 'string' ? ref.target_url : undefined;
        const mediaName = String(ref.name || nameFromUrl(url) || c.name || 'Clip');
        const warp = list(c.effects).find((e) => schemaOf(e) === 'LinearTimeWarp') as Json | undefined;
        const speed = warp ? Number(warp.time_scalar) : 1;
        items.push({
          type: 'clip',
          name: String(c.name ?? mediaName),
          media: { name: mediaName, ...(url && url !== mediaName ? { url } : {}) },
          sourceIn: Math.max(0, range.start - (available?.start ?? 0)),
          duration: range.duration,
          ...(Number.isFinite(speed) && speed !== 1 ? { speed } : {}),
        });
        addMarkers(c.markers, at - range.start);
        at += range.duration;
        continue;
      }
      skipped.add(schema || 'an unknown item');
    }
    timeline.tracks.push({ kind: track.kind === 'Audio' ? 'audio' : 'video', ...(typeof track.name === 'string' && track.name ? { name: track.name } : {}), items: trimTrack(items) });
  }
  // Our model lists video tracks before audio tracks.
  timeline.tracks.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'video' ? -1 : 1));
  timeline.markers.sort((a, b) => a.frame - b.frame);
  if (flattened) warnings.push(`OTIO: ${flattened} nested stack(s) or track(s) were flattened to one clip each.`);
  for (const s of skipped) warnings.push(`OTIO: ${s} skipped.`);
  return { timeline, warnings };
}

function rateFromOurs(text: unknown): FrameRate | undefined {
  const m = typeof text === 'string' ? /^(\d+)\/(\d+)$/.exec(text) : null;
  return m && Number(m[1]) > 0 && Number(m[2]) > 0 ? { num: Number(m[1]), den: Number(m[2]) } : undefined;
}

/** The rate of the first RationalTime in the document (OTIO has no timeline-level rate). */
function findRate(doc: Json): FrameRate | undefined {
  const queue: unknown[] = [doc];
  for (let i = 0; i < queue.length && i < 100_000; i++) {
    const v = queue[i];
    if (schemaOf(v) === 'RationalTime' && Number((v as Json).rate) > 0) return rateFromNumber(Number((v as Json).rate));
    if (isObject(v)) queue.push(...Object.values(v));
    else if (Array.isArray(v)) queue.push(...v);
  }
  return undefined;
}
