import { describe, expect, it } from 'vitest';
import { readTimeline, writeTimeline, type Timeline, type TimelineFormat } from '../../../src/core/timeline';
import { keepTracks, RATES, sampleTimeline, withoutTrackNames } from './sample-timelines';

/** ours → format → ours, `times` times over, with what each format can hold. */
function roundTrip(timeline: Timeline, format: TimelineFormat, times = 3): Timeline {
  let current = timeline;
  for (let i = 0; i < times; i++) {
    const { text } = writeTimeline(current, format);
    const read = readTimeline(`cut.${format}`, text, { edlRate: timeline.rate });
    if (!read.ok) throw new Error(read.error);
    expect(read.format).toBe(format);
    current = read.timeline;
  }
  return current;
}

describe.each(RATES)('round trips at $label fps', (rate) => {
  const timeline = sampleTimeline(rate);

  it.each(['json', 'otio', 'fcp7xml', 'fcpxml'] as const)('%s keeps every track, cut, transition and marker to the frame', (format) => {
    expect(withoutTrackNames(roundTrip(timeline, format))).toEqual(withoutTrackNames(timeline));
  });

  it('edl keeps video track 1, the audio tracks, transitions and markers to the frame', () => {
    const edlShaped = keepTracks(timeline, (track, index) => track.kind === 'audio' || index === 0);
    expect(withoutTrackNames(roundTrip(timeline, 'edl'))).toEqual(withoutTrackNames(edlShaped));
  });

  it('converts through every format in a chain without moving a cut', () => {
    const edlShaped = keepTracks(timeline, (track, index) => track.kind === 'audio' || index === 0);
    let current = edlShaped;
    for (const format of ['fcpxml', 'otio', 'edl', 'fcp7xml', 'json', 'fcpxml'] as const) current = roundTrip(current, format, 1);
    expect(withoutTrackNames(current)).toEqual(withoutTrackNames(edlShaped));
  });
});
