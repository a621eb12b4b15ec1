/**
 * The `director` command line: the same code paths as the app, for scripts and CI pipelines.
 */
import { parseArgs } from 'node:util';
import { autopilotCommand } from './autopilot-command';
import { bundleCommand } from './bundle-command';
import { beatsCommand, parseBeatLevel } from './beats-command';
import { facesCommand } from './faces-command';
import { frameCommand } from './frame-command';
import { renderCommand, stillCommand } from './render-commands';
import { parseFps, parseTimelineFormat, timelineCommand } from './timeline-command';

const USAGE = `Usage:
  director bundle <dir> [--json]
      bundle a Remotion project folder with Director's bundler (esbuild-wasm)
  director still <dir> --composition <id> --frame <n> --out <png> [--props <json>]
      render one frame as PNG with the in-browser engine (headless Chromium)
  director render <dir> --composition <id> --out <mp4|webm> [--frames a-b] [--props <json>]
      render a video with the in-browser engine (headless Chromium)
  director beats <audio> [--json] [--level detected|double|half]
      tempo, beats and downbeats of an audio file (the app's audio worker);
      --level double adds the half-beats, half keeps every other beat
  director frame <video> --at <seconds|last> --out <png>
      one frame of a video as PNG (the app's media worker)
  director faces <image...> [--json]
      faces, scores and 128-d identity embeddings (the app's vision worker)
  director timeline <file> [--json] [--fps <rate>]
      an FCPXML (or .fcpxmld), EDL, OpenTimelineIO, FCP7 XML or Director timeline, or an export
      .zip holding one: tracks and clips (seconds);
      --fps gives an EDL's frame rate (EDLs do not state it)
  director timeline <file> --to fcpxml|edl|otio|fcp7xml|json --out <file> [--fps <rate>]
      convert a timeline between those formats
  director autopilot "<topic>" --out <video.mp4> [--srt <subs.srt>] [--offline] [--brand <kit.json>]
                     [--length <seconds>] [--tone <tone>] [--edge <url>]
      from a topic to a finished video (script, scenes, visuals, voiceover, subtitles, mix) with the
      app's Auto-pilot in headless Chromium; --offline uses no network at all
`;

const OPTIONS = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
  composition: { type: 'string' },
  frame: { type: 'string' },
  frames: { type: 'string' },
  out: { type: 'string', short: 'o' },
  at: { type: 'string' },
  props: { type: 'string' },
  level: { type: 'string' },
  to: { type: 'string' },
  fps: { type: 'string' },
  srt: { type: 'string' },
  offline: { type: 'boolean', default: false },
  brand: { type: 'string' },
  length: { type: 'string' },
  tone: { type: 'string' },
  edge: { type: 'string' },
} as const;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    return usage((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (!command || values.help) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const dir = positionals[0];
  try {
    switch (command) {
      case 'bundle':
        if (!dir) return usage('bundle needs a project folder');
        return await bundleCommand({ dir, json: values.json ?? false });
      case 'still': {
        if (!dir || !values.composition || values.frame === undefined || !values.out) return usage('still needs <dir> --composition --frame --out');
        const frame = Number(values.frame);
        if (!Number.isInteger(frame) || frame < 0) return usage(`--frame must be a whole number >= 0, got "${values.frame}"`);
        return await stillCommand({ dir, composition: values.composition, frame, out: values.out, props: parseProps(values.props) });
      }
      case 'render': {
        if (!dir || !values.composition || !values.out) return usage('render needs <dir> --composition --out');
        const frames = values.frames ? parseRange(values.frames) : undefined;
        return await renderCommand({ dir, composition: values.composition, out: values.out, props: parseProps(values.props), ...(frames ? { frames } : {}) });
      }
      case 'beats': {
        if (!dir) return usage('beats needs an audio file');
        let level;
        try {
          level = parseBeatLevel(values.level);
        } catch (e) {
          return usage((e as Error).message);
        }
        return await beatsCommand({ file: dir, json: values.json ?? false, level });
      }
      case 'faces':
        if (!positionals.length) return usage('faces needs one or more images');
        return await facesCommand({ files: positionals, json: values.json ?? false });
      case 'frame':
        if (!dir || !values.out) return usage('frame needs <video> --out <png>');
        return await frameCommand({ file: dir, at: values.at ?? 'last', out: values.out, json: values.json ?? false });
      case 'timeline': {
        if (!dir) return usage('timeline needs a timeline file');
        if (values.to !== undefined && !values.out) return usage('timeline --to needs --out <file>');
        let to, fps;
        try {
          to = values.to === undefined ? undefined : parseTimelineFormat(values.to);
          fps = parseFps(values.fps);
        } catch (e) {
          return usage((e as Error).message);
        }
        return await timelineCommand({ file: dir, json: values.json ?? false, to, out: values.out, fps });
      }
      case 'autopilot': {
        if (!dir?.trim() || !values.out) return usage('autopilot needs "<topic>" --out <video.mp4>');
        const lengthS = values.length === undefined ? undefined : Number(values.length);
        return await autopilotCommand({ topic: dir, out: values.out, offline: values.offline ?? false, json: values.json ?? false, ...(values.srt ? { srt: values.srt } : {}), ...(values.brand ? { brand: values.brand } : {}), ...(lengthS !== undefined ? { lengthS } : {}), ...(values.tone ? { tone: values.tone } : {}), ...(values.edge ? { edge: values.edge } : {}) });
      }
      default:
        return usage(`unknown command "${command}"`);
    }
  } catch (e) {
    console.log(JSON.stringify({ ok: false, error: oneSentence((e as Error).message) }));
    return 1;
  }
}

/** An error from the engine page without Playwright's "page.evaluate: Error:" prefix or the host's stack lines. */
function oneSentence(message: string): string {
  return message
    .replace(/^page\.evaluate: (?:[\w$]+: )?/, '')
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .join('\n')
    .trim();
}

function parseProps(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  const value = JSON.parse(text) as unknown;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('--props must be a JSON object');
  return value as Record<string, unknown>;
}

function parseRange(text: string): [number, number] {
  const m = /^(\d+)-(\d+)$/.exec(text);
  if (!m || Number(m[1]) > Number(m[2])) throw new Error(`--frames must look like 0-89, got "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

function usage(problem: string): number {
  console.error(`director: ${problem}\n\n${USAGE}`);
  return 2;
}
