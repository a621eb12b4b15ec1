/**
 * Timeline → FCPXML 1.10 (Final Cut Pro 10.6+, DaVinci Resolve). The first video track is the
 * primary storyline (spine); upper video tracks become connected clips on lanes 1, 2…, audio tracks
 * on lanes -1, -2…, each anchored to the spine item under its start. Markers sit on the spine item
 * they fall in. Every file written validates against Apple's FCPXML 1.10 DTD.
 */
import { rationalSeconds } from './frame-rate';
import { el, serializeXml, type XmlElement } from './xml';
import { recordStarts, type Timeline, type TimelineClip } from './timeline-model';

/** Final Cut's audio role for a track, from its name ("Music" → music); dialogue otherwise. */
const roleOf = (trackName = '') => (/music|song|score/i.test(trackName) ? 'music' : /sfx|effects?\b/i.test(trackName) ? 'effects' : 'dialogue');

/** Stills have no sound: an asset claiming audio that its file lacks is refused on import. */
const STILL_IMAGE = /\.(png|jpe?g|gif|webp|tiff?|bmp|heic|avif)$/i;

/** Final Cut's built-in Cross Dissolve. */
const CROSS_DISSOLVE_UID = 'FxPlug:4731E73A-8DAC-4113-9A30-AE85B1761265';

interface SpineSlot {
  offset: number;
  duration: number;
  start: number;
  element: XmlElement;
  anchors: XmlElement[];
  markers: XmlElement[];
}

export function writeFcpxml(timeline: Timeline): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  const t = (frames: number) => rationalSeconds(frames, timeline.rate);
  const video = timeline.tracks.filter((tr) => tr.kind === 'video');
  const audio = timeline.tracks.filter((tr) => tr.kind === 'audio');
  const [primary, ...upper] = video;
  const hasTransitions = timeline.tracks.some((tr) => tr.items.some((i) => i.type === 'transition'));

  // One asset per media name, long enough for every use of it (with transition handles).
  const assets = new Map<string, { id: string; clip: TimelineClip; end: number; video: boolean; audio: boolean }>();
  let nextId = hasTransitions ? 3 : 2;
  const handles = Math.max(0, ...timeline.tracks.flatMap((tr) => tr.items.map((i) => (i.type === 'transition' ? i.duration : 0))));
  for (const track of timeline.tracks)
    for (const item of track.items) {
      if (item.type !== 'clip') continue;
      const end = item.sourceIn + Math.ceil(item.duration * (item.speed ?? 1)) + handles;
      const known = assets.get(item.media.name) ?? { id: `r${nextId++}`, clip: item, end, video: false, audio: false };
      known.end = Math.max(known.end, end);
      known[track.kind] = true;
      assets.set(item.media.name, known);
      if ((item.speed ?? 1) !== 1) warnings.push(`FCPXML: the speed of "${item.name}" (${item.speed}×) is not written; it plays at normal speed.`);
    }

  const clipElement = (clip: TimelineClip, offset: number, lane?: number, audioRole?: string) =>
    el('asset-clip', {
      ref: assets.get(clip.media.name)!.id,
      lane,
      offset: t(offset),
      name: clip.name,
      start: t(clip.sourceIn),
      duration: t(clip.duration),
      tcFormat: timeline.dropFrame ? 'DF' : 'NDF',
      // A take's sound on an audio track: its picture stays on the video track.
      srcEnable: audioRole && assets.get(clip.media.name)!.video ? 'audio' : undefined,
      audioRole,
    });

  // The spine: the primary track's items at sequence time (which starts at the timeline's timecode).
  const slots: SpineSlot[] = [];
  const spineItems: (SpineSlot | XmlElement)[] = [];
  if (primary) {
    const starts = recordStarts(primary);
    primary.items.forEach((item, index) => {
      const offset = timeline.startFrame + starts[index]!;
      if (item.type === 'transition') {
        spineItems.push(
          el('transition', { name: item.kind === 'wipe' ? 'Wipe' : 'Cross Dissolve', offset: t(offset - Math.floor(item.duration / 2)), duration: t(item.duration) }, [
            el('filter-video', { ref: 'r2', name: 'Cross Dissolve' }),
          ]),
        );
        return;
      }
      const slot: SpineSlot =
        item.type === 'clip'
          ? { offset, duration: item.duration, start: item.sourceIn, element: clipElement(item, offset), anchors: [], markers: [] }
          : { offset, duration: item.duration, start: 0, element: el('gap', { name: 'Gap', offset: t(offset), duration: t(item.duration) }), anchors: [], markers: [] };
      slots.push(slot);
      spineItems.push(slot);
    });
  }
  /** The spine item under `frame`, with a gap added at the end when the spine is too short. */
  const slotAt = (frame: number, until: number): SpineSlot => {
    const found = slots.find((s) => s.offset <= frame && frame < s.offset + s.duration);
    if (found) return found;
    const last = slots[slots.length - 1];
    const end = last ? last.offset + last.duration : timeline.startFrame;
    const duration = Math.max(until, frame + 1) - end;
    const gap: SpineSlot = { offset: end, duration, start: 0, element: el('gap', { name: 'Gap', offset: t(end), duration: t(duration) }), anchors: [], markers: [] };
    slots.push(gap);
    spineItems.push(gap);
    return gap;
  };

  const connect = (tracks: typeof video, laneOf: (index: number) => number, audioOnly: boolean) =>
    tracks.forEach((track, index) => {
      const starts = recordStarts(track);
      track.items.forEach((item, i) => {
        if (item.type === 'transition') warnings.push(`FCPXML: a ${item.kind} on ${track.kind} track ${index + (audioOnly ? 1 : 2)} is left out (connected clips cannot hold transitions).`);
        if (item.type !== 'clip') return;
        const frame = timeline.startFrame + starts[i]!;
        const parent = slotAt(frame, frame + item.duration);
        parent.anchors.push(clipElement(item, parent.start + frame - parent.offset, laneOf(index), audioOnly ? roleOf(track.name) : undefined));
      });
    });
  connect(upper, (i) => i + 1, false);
  connect(audio, (i) => -(i + 1), true);
  for (const marker of timeline.markers) {
    const frame = timeline.startFrame + marker.frame;
    const parent = slotAt(frame, frame + 1);
    parent.markers.push(el('marker', { start: t(parent.start + frame - parent.offset), duration: marker.duration ? t(marker.duration) : undefined, value: marker.note }));
  }

  const spine = el(
    'spine',
    {},
    spineItems.map((s) => ('element' in s ? { ...s.element, children: [...s.anchors, ...s.markers] } : s)),
  );
  const total = slots.reduce((end, s) => Math.max(end, s.offset + s.duration), timeline.startFrame) - timeline.startFrame;
  const root = el('fcpxml', { version: '1.10' }, [
    el('resources', {}, [
      el('format', { id: 'r1', frameDuration: t(1), width: timeline.width, height: timeline.height }),
      hasTransitions && el('effect', { id: 'r2', name: 'Cross Dissolve', uid: CROSS_DISSOLVE_UID }),
      ...[...assets.entries()].map(([name, a]) =>
        el(
          'asset',
          { id: a.id, name, start: '0s', duration: t(a.end), hasVideo: a.video ? 1 : undefined, format: a.video ? 'r1' : undefined, hasAudio: STILL_IMAGE.test(name) ? undefined : 1 },
          [el('media-rep', { kind: 'original-media', src: a.clip.media.url ?? encodeURI(name) })],
        ),
      ),
    ]),
    el('library', {}, [
      el('event', { name: timeline.name }, [
        el('project', { name: timeline.name }, [
          el('sequence', { format: 'r1', duration: t(total), tcStart: t(timeline.startFrame), tcFormat: timeline.dropFrame ? 'DF' : 'NDF' }, [spine]),
        ]),
      ]),
    ]),
  ]);
  return { text: serializeXml(root, '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE fcpxml>'), warnings };
}
