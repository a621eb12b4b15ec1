/**
 * The timeline export a person hands to an editor: one `.zip` with the timeline file at its root and
 * the media it references under `media/`, so the NLE relinks at once; and the reverse, reading such
 * a zip (ours or one zipped by hand) back into a timeline with its media. The zip is checked from its
 * central directory (entry count, names, sizes, compression ratios) before anything is unpacked.
 */
import { strToU8, unzipSync, zipSync, type UnzipFileInfo, type Zippable } from 'fflate';
import { unsafePathReason } from '../backup/safe-path';
import { formatBytes } from '../util/format';
import { readTimeline, type ReadTimelineOptions } from './read-timeline';
import { detectTimelineFormat, TIMELINE_EXTENSIONS, type TimelineFormat } from './timeline-format';
import type { Timeline } from './timeline-model';
import { writeTimeline } from './write-timeline';

export const TIMELINE_ZIP_LIMITS = {
  maxZipBytes: 2 * 1024 * 1024 * 1024,
  maxEntries: 2000,
  maxTimelineBytes: 64 * 1024 * 1024,
  maxTotalUncompressedBytes: 4 * 1024 * 1024 * 1024,
  /** Media do not compress and timelines 5-30x; far more is a zip bomb. */
  maxCompressionRatio: 200,
} as const;

/** Where the zip keeps media, relative to the timeline file; timelineFromCut points its URLs here. */
export const MEDIA_FOLDER = 'media/';

/** Which file is the timeline when a zip holds several candidates. */
const PREFERENCE: TimelineFormat[] = ['fcpxml', 'otio', 'fcp7xml', 'edl', 'json'];

/** "My Film: take 2" → "My-Film-take-2" */
const slug = (name: string) => name.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').slice(0, 80) || 'timeline';

/**
 * Packs the timeline in `format` with its media. Media are stored, not recompressed.
 * @example
 * const { bytes, fileName } = packTimelineZip({ timeline, format: 'fcpxml', media: [{ name: 'shot-1.mp4', bytes }] });
 */
export function packTimelineZip(args: { timeline: Timeline; format: TimelineFormat; media: { name: string; bytes: Uint8Array }[] }): { bytes: Uint8Array; fileName: string; warnings: string[] } {
  const { text, warnings } = writeTimeline(args.timeline, args.format);
  const base = slug(args.timeline.name);
  const entries: Zippable = { [`${base}.${TIMELINE_EXTENSIONS[args.format]}`]: [strToU8(text), { level: 6 }] };
  for (const m of args.media) {
    const path = MEDIA_FOLDER + m.name;
    const problem = m.name.includes('/') ? 'it contains a slash' : unsafePathReason(path);
    if (problem) throw new RangeError(`packTimelineZip: media name "${m.name}" cannot be a file in the zip (${problem})`);
    entries[path] = [m.bytes, { level: 0 }];
  }
  const packed = new Set(args.media.map((m) => m.name));
  const missing = [...new Set(args.timeline.tracks.flatMap((t) => t.items.flatMap((i) => (i.type === 'clip' && !packed.has(i.media.name) ? [i.media.name] : []))))];
  if (missing.length) warnings.push(`The zip holds no media for ${missing.map((n) => `"${n}"`).join(', ')}; the editor will show them offline.`);
  return { bytes: zipSync(entries), fileName: `${base}.zip`, warnings };
}

export type ReadTimelineZipResult =
  | { ok: true; fileName: string; format: TimelineFormat; timeline: Timeline; warnings: string[]; media: { path: string; name: string; bytes: Uint8Array }[] }
  | { ok: false; error: string };

class TooManyEntries extends Error {}

/**
 * Reads a timeline zip: the timeline file (at any depth; FCPXML preferred, a `.fcpxmld` bundle's
 * Info.fcpxml included) and every other file as media, named by file name for matching to assets.
 */
export function readTimelineZip(zipName: string, bytes: Uint8Array, options: ReadTimelineOptions = {}): ReadTimelineZipResult {
  const limits = TIMELINE_ZIP_LIMITS;
  const fail = (why: string): ReadTimelineZipResult => ({ ok: false, error: `${zipName} ${why}` });
  if (bytes.length > limits.maxZipBytes) return fail(`is ${formatBytes(bytes.length)}, more than the ${formatBytes(limits.maxZipBytes)} a timeline zip may be.`);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5))) return fail('is not a zip archive.');
  const infos: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter(info) {
        if (infos.push(info) > limits.maxEntries) throw new TooManyEntries();
        return false;
      },
    });
  } catch (e) {
    return fail(e instanceof TooManyEntries ? `holds more than ${limits.maxEntries} files, too many for a timeline with its media.` : `is damaged (${(e as Error).message}).`);
  }
  let total = 0;
  const files = infos.filter((i) => !i.name.endsWith('/') && !/(^|\/)(__MACOSX|\.DS_Store)(\/|$)/.test(i.name));
  for (const info of files) {
    const problem = unsafePathReason(info.name);
    if (problem) return fail(`holds a file named "${info.name.slice(0, 120)}", which is not allowed (${problem}).`);
    total += info.originalSize;
    if (info.originalSize > 1024 * 1024 && info.originalSize > Math.max(info.size, 1) * limits.maxCompressionRatio)
      return fail(`holds "${info.name}", which would grow from ${formatBytes(info.size)} to ${formatBytes(info.originalSize)} when unpacked (a zip bomb).`);
  }
  if (total > limits.maxTotalUncompressedBytes) return fail(`unpacks to ${formatBytes(total)}, more than the ${formatBytes(limits.maxTotalUncompressedBytes)} allowed.`);

  const candidates = files
    .map((info) => ({ info, format: /\.fcpxmld\/Info\.fcpxml$/i.test(info.name) ? ('fcpxml' as const) : detectTimelineFormat(info.name, '') }))
    .filter((c): c is { info: UnzipFileInfo; format: TimelineFormat } => c.format !== null || /\.(xml|json)$/i.test(c.info.name))
    .map((c) => ({ ...c, format: c.format ?? (/\.xml$/i.test(c.info.name) ? 'fcp7xml' : 'json') }))
    .sort((a, b) => PREFERENCE.indexOf(a.format) - PREFERENCE.indexOf(b.format) || a.info.name.split('/').length - b.info.name.split('/').length);
  const chosen = candidates.find((c) => c.info.originalSize <= limits.maxTimelineBytes);
  if (!chosen) return fail('holds no timeline file (.fcpxml, .edl, .otio, .xml or .json).');
  let content: Record<string, Uint8Array>;
  try {
    content = unzipSync(bytes, { filter: (info) => files.some((f) => f.name === info.name) });
  } catch (e) {
    return fail(`is damaged (${(e as Error).message}).`);
  }
  const name = chosen.info.name.replace(/\.fcpxmld\/Info\.fcpxml$/i, '.fcpxmld');
  const read = readTimeline(name, new TextDecoder().decode(content[chosen.info.name]), options);
  if (!read.ok) return { ok: false, error: read.error };
  const timelineFiles = new Set(candidates.map((c) => c.info.name));
  const media = Object.entries(content)
    .filter(([path]) => !timelineFiles.has(path))
    .map(([path, data]) => ({ path, name: path.split('/').pop()!, bytes: data }));
  const warnings = [...read.warnings];
  if (candidates.length > 1) warnings.push(`${zipName} holds ${candidates.length} timeline files; ${chosen.info.name} was read.`);
  return { ok: true, fileName: chosen.info.name, format: read.format, timeline: read.timeline, warnings, media };
}
