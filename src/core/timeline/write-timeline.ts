/** One entry point for writing a timeline in any interchange format. */
import { writeEdl } from './edl-writer';
import { writeFcp7Xml } from './fcp7-writer';
import { writeFcpxml } from './fcpxml-writer';
import { writeOtio } from './otio-writer';
import { writeTimelineJson } from './timeline-json';
import type { TimelineFormat } from './timeline-format';
import type { Timeline } from './timeline-model';

const WRITERS: Record<TimelineFormat, (timeline: Timeline) => { text: string; warnings: string[] }> = {
  fcpxml: writeFcpxml,
  edl: writeEdl,
  otio: writeOtio,
  fcp7xml: writeFcp7Xml,
  json: writeTimelineJson,
};

/**
 * The file text of `timeline` in `format`, with what the format could not hold.
 * @example
 * const { text, warnings } = writeTimeline(timeline, 'fcpxml');
 */
export function writeTimeline(timeline: Timeline, format: TimelineFormat): { text: string; warnings: string[] } {
  return WRITERS[format](timeline);
}
