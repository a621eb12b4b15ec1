import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { rateFromNumber } from '../core/timeline/frame-rate';
import { readTimeline, readTimelineZip, summarizeTimeline, TIMELINE_FORMATS, writeTimeline, type FrameRate, type TimelineFormat } from '../core/timeline';

/** `--to`: one of the interchange formats. */
export function parseTimelineFormat(value: string): TimelineFormat {
  if ((TIMELINE_FORMATS as readonly string[]).includes(value)) return value as TimelineFormat;
  throw new RangeError(`--to must be one of ${TIMELINE_FORMATS.join(', ')}, got "${value}"`);
}

/** `--fps`: the rate of an EDL, which does not state its own (24, 25, 29.97, 30000/1001…). */
export function parseFps(value: string | undefined): FrameRate | undefined {
  if (value === undefined) return undefined;
  const fraction = /^(\d+)\/(\d+)$/.exec(value);
  if (fraction && Number(fraction[1]) > 0 && Number(fraction[2]) > 0) return { num: Number(fraction[1]), den: Number(fraction[2]) };
  const fps = Number(value);
  if (!Number.isFinite(fps) || fps <= 0) throw new RangeError(`--fps must be a frame rate such as 25, 29.97 or 30000/1001, got "${value}"`);
  return rateFromNumber(fps);
}

/**
 * `director timeline <file> [--json]` prints the timeline (times in seconds);
 * `director timeline <file> --to <format> --out <file>` converts it. Unreadable files: exit 1, one line on stderr.
 */
export async function timelineCommand(args: { file: string; json: boolean; to?: TimelineFormat; out?: string; fps?: FrameRate }): Promise<number> {
  let file = args.file;
  // Final Cut Pro 10.6+ exports a .fcpxmld bundle: a folder whose Info.fcpxml is the document.
  if (/\.fcpxmld\/?$/i.test(file) && (await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, 'Info.fcpxml');
  const name = path.basename(file === args.file ? file : args.file.replace(/\/$/, ''));
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(`director timeline: ${code === 'ENOENT' ? `${file} does not exist` : code === 'EISDIR' ? `${args.file} is a folder, not a timeline file` : `${args.file} cannot be read (${code ?? (error as Error).message})`}`);
    return 1;
  }
  // An export zip (timeline + media/) reads as the timeline inside it.
  const read = /\.zip$/i.test(name) ? readTimelineZip(name, bytes, { edlRate: args.fps }) : readTimeline(name, new TextDecoder().decode(bytes), { edlRate: args.fps });
  if (!read.ok) {
    console.error(`director timeline: ${read.error}`);
    return 1;
  }
  if (!args.to) {
    const summary = summarizeTimeline(read.timeline, read.format, read.warnings);
    if (args.json) console.log(JSON.stringify(summary));
    else {
      console.log(`${name}: ${read.format} "${summary.name}" at ${summary.fps} fps, ${summary.tracks.length} track(s), ${summary.markers.length} marker(s)`);
      summary.tracks.forEach((t, i) => console.log(`  ${t.kind} ${i + 1}: ${t.clips.map((c) => `${c.name} @${c.start}s (${c.duration}s)`).join(', ') || 'empty'}`));
      for (const w of read.warnings) console.error(`warning: ${w}`);
    }
    return 0;
  }
  const written = writeTimeline(read.timeline, args.to);
  const warnings = [...read.warnings, ...written.warnings];
  try {
    await writeFile(args.out!, written.text);
  } catch (error) {
    console.error(`director timeline: cannot write ${args.out} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return 1;
  }
  if (args.json) console.log(JSON.stringify({ ok: true, from: read.format, to: args.to, out: args.out, warnings }));
  else {
    console.log(`${name} (${read.format}) → ${args.out} (${args.to})`);
    for (const w of warnings) console.error(`warning: ${w}`);
  }
  return 0;
}
