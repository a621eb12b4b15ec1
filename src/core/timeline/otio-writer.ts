/**
 * Timeline → OpenTimelineIO JSON (Timeline.1 / Stack.1 / Track.1 / Clip.2 / Gap.1 / Transition.1 /
 * ExternalReference.1). Times are RationalTime.1 at the timeline's rate as a decimal, which is how
 * OTIO stores rates; values are whole frames, so nothing drifts.
 */
import { fpsOf } from './frame-rate';
import type { Timeline, TrackItem } from './timeline-model';

export function writeOtio(timeline: Timeline): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  const rate = fpsOf(timeline.rate);
  const time = (value: number) => ({ OTIO_SCHEMA: 'RationalTime.1', rate, value });
  const range = (start: number, duration: number) => ({ OTIO_SCHEMA: 'TimeRange.1', duration: time(duration), start_time: time(start) });
  const item = (it: TrackItem) => {
    if (it.type === 'gap') return { OTIO_SCHEMA: 'Gap.1', name: '', source_range: range(0, it.duration), effects: [], markers: [], enabled: true, metadata: {} };
    if (it.type === 'transition')
      return {
        OTIO_SCHEMA: 'Transition.1',
        name: it.kind === 'wipe' ? 'Wipe' : 'Cross Dissolve',
        transition_type: it.kind === 'wipe' ? 'Custom_Transition' : 'SMPTE_Dissolve',
        in_offset: time(Math.floor(it.duration / 2)),
        out_offset: time(it.duration - Math.floor(it.duration / 2)),
        metadata: {},
      };
    if ((it.speed ?? 1) !== 1) warnings.push(`OTIO: the speed of "${it.name}" is written as a LinearTimeWarp effect.`);
    return {
      OTIO_SCHEMA: 'Clip.2',
      name: it.name,
      source_range: range(it.sourceIn, it.duration),
      media_references: { DEFAULT_MEDIA: { OTIO_SCHEMA: 'ExternalReference.1', name: it.media.name, target_url: it.media.url ?? it.media.name, available_range: null, available_image_bounds: null, metadata: {} } },
      active_media_reference_key: 'DEFAULT_MEDIA',
      effects: (it.speed ?? 1) !== 1 ? [{ OTIO_SCHEMA: 'LinearTimeWarp.1', name: '', effect_name: 'LinearTimeWarp', time_scalar: it.speed, metadata: {} }] : [],
      markers: [],
      enabled: true,
      metadata: {},
    };
  };
  const doc = {
    OTIO_SCHEMA: 'Timeline.1',
    name: timeline.name,
    global_start_time: time(timeline.startFrame),
    metadata: { director: { width: timeline.width, height: timeline.height, rate: `${timeline.rate.num}/${timeline.rate.den}`, dropFrame: timeline.dropFrame } },
    tracks: {
      OTIO_SCHEMA: 'Stack.1',
      name: 'tracks',
      source_range: null,
      effects: [],
      enabled: true,
      metadata: {},
      markers: timeline.markers.map((m) => ({ OTIO_SCHEMA: 'Marker.2', name: m.note, color: 'RED', comment: '', marked_range: range(m.frame, m.duration), metadata: {} })),
      children: timeline.tracks.map((track, i) => ({
        OTIO_SCHEMA: 'Track.1',
        name: track.name ?? `${track.kind === 'video' ? 'V' : 'A'}${i + 1}`,
        kind: track.kind === 'video' ? 'Video' : 'Audio',
        source_range: null,
        effects: [],
        markers: [],
        enabled: true,
        metadata: {},
        children: track.items.map(item),
      })),
    },
  };
  return { text: JSON.stringify(doc, null, 2) + '\n', warnings };
}
