/**
 * One entry point for every timeline file: detects the format, parses it and returns the timeline
 * with warnings, or one sentence saying why the file cannot be read (never a stack trace).
 */
import { readEdl } from './edl-reader';
import { readFcp7Xml } from './fcp7-reader';
import { readFcpxml } from './fcpxml-reader';
import { readOtio } from './otio-reader';
import { readTimelineJson } from './timeline-json';
import { detectTimelineFormat, type TimelineFormat } from './timeline-format';
import { TimelineReadError } from './timeline-read-error';
import type { FrameRate, Timeline } from './timeline-model';
import { parseXml, XML_LIMITS, XmlError, type XmlElement } from './xml';

export type ReadTimelineResult = { ok: true; format: TimelineFormat; timeline: Timeline; warnings: string[] } | { ok: false; error: string };

export interface ReadTimelineOptions {
  /** The frame rate of an EDL, which does not state its own. */
  edlRate?: FrameRate;
}

/** What other XML files dropped by mistake usually are. */
const OTHER_XML: Record<string, string> = {
  PremiereData: 'a Premiere Pro project or effect preset',
  plist: 'a property list',
  svg: 'an SVG image',
  html: 'a web page',
  AAF: 'an AAF described in XML',
  FCPXMLDocument: 'an FCPXML bundle description',
};

/**
 * @example
 * const read = readTimeline('cut.fcpxml', text);
 * if (read.ok) console.log(read.timeline.tracks.length, read.warnings);
 * else console.error(read.error); // "cut.fcpxml is not valid XML: <spine> is never closed on line 12."
 */
export function readTimeline(fileName: string, input: string, options: ReadTimelineOptions = {}): ReadTimelineResult {
  const name = fileName.split(/[\\/]/).pop() || fileName;
  // Windows tools often start text files with a byte-order mark, which JSON.parse refuses.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  try {
    if (text.length > XML_LIMITS.maxChars) return { ok: false, error: `${name} is larger than ${XML_LIMITS.maxChars / 1024 / 1024} MB, too large for a timeline.` };
    const format = detectTimelineFormat(name, text);
    if (!format) return { ok: false, error: unknownFileSentence(name, text) };
    const read =
      format === 'edl'
        ? readEdl(text, name, { rate: options.edlRate })
        : format === 'otio' || format === 'json'
          ? (format === 'otio' ? readOtio : readTimelineJson)(parseJson(text, name), name)
          : (format === 'fcpxml' ? readFcpxml : readFcp7Xml)(xmlOf(text, name), name);
    return { ok: true, format, ...read };
  } catch (error) {
    if (error instanceof TimelineReadError) return { ok: false, error: error.message };
    return { ok: false, error: `${name} could not be read as a timeline: ${(error as Error).message}.` };
  }
}

function xmlOf(text: string, name: string): XmlElement {
  try {
    return parseXml(text);
  } catch (error) {
    if (error instanceof XmlError) throw new TimelineReadError(`${name} is not valid XML: ${error.message}.`);
    throw error;
  }
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new TimelineReadError(`${name} is not valid JSON (${(error as Error).message.replace(/\.$/, '')}).`);
  }
}

function unknownFileSentence(name: string, text: string): string {
  const head = text.slice(0, 4096).trimStart();
  if (head.startsWith('<')) {
    const root = /<([A-Za-z][\w.-]*)[\s>/]/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''))?.[1];
    if (root && OTHER_XML[root]) return `${name} is ${OTHER_XML[root]}, not a timeline.`;
    return `${name} is XML${root ? ` (<${root}>)` : ''} but not FCPXML or Final Cut Pro 7 XML, so it is not a timeline Director reads.`;
  }
  if (head.startsWith('{') || head.startsWith('[')) return `${name} is JSON but neither OpenTimelineIO nor a Director timeline.`;
  if (/[\u0000-\u0008\u000e-\u001f]/.test(head.slice(0, 512))) return `${name} is a binary file, not a timeline (FCPXML, EDL, OTIO or FCP7 XML).`;
  return `${name} is not a timeline file Director reads (FCPXML, CMX3600 EDL, OpenTimelineIO or FCP7 XML).`;
}
