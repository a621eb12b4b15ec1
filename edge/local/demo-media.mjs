// The local demo providers' picture maker: real H.264 MP4 clips and PNG images drawn by Debian's
// ffmpeg, whose picture follows the prompt (its words on a moving gradient in colours taken from
// the prompt and the seed), labelled "LOCAL DEMO" in a corner of every frame.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoLook, wrapPrompt } from './demo-look.mjs';
import { findFfmpeg, runTool } from './ffmpeg-tool.mjs';

export const DEMO_FPS = 24;
export const DEMO_LABEL = 'LOCAL DEMO';

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

/** Thrown when ffmpeg is missing: the local providers answer with its message, never a stub. */
export class MediaMakerUnavailable extends Error {
  name = 'MediaMakerUnavailable';
}

/**
 * @typedef {object} DemoVideoSpec
 * @property {string} prompt
 * @property {number} [seed]
 * @property {number} width
 * @property {number} height
 * @property {number} seconds  length of the new footage (for a continuation: what is added)
 * @property {Buffer} [firstFrame]  an image the clip starts from (PNG/JPEG/WebP bytes)
 * @property {Buffer} [lastFrame]   an image the clip ends on
 * @property {Buffer} [continueFrom] an MP4 to extend: the result is that clip, then `seconds` more that start from its last frame
 */

/**
 * A clip for `spec`, as MP4 bytes (H.264 yuv420p, 24 fps, no audio, faststart).
 * @param {DemoVideoSpec} spec
 * @returns {Promise<Buffer>}
 */
export function makeDemoVideo(spec) {
  return serially(() => withWorkDir(async (dir) => {
    const tools = requireFfmpeg();
    if (!spec.continueFrom) {
      const out = path.join(dir, 'clip.mp4');
      await renderClip(tools, dir, spec, out);
      return readFile(out);
    }
    // Veo's extension: the input clip, then new seconds that start from its last frame.
    const input = path.join(dir, 'input.mp4');
    await writeFile(input, spec.continueFrom);
    const last = path.join(dir, 'input-last.png');
    await runTool(tools.ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', '-sseof', '-1', '-i', input, '-update', '1', '-q:v', '2', last]);
    const added = path.join(dir, 'added.mp4');
    await renderClip(tools, dir, { ...spec, firstFrame: await readFile(last), continueFrom: undefined }, added);
    const out = path.join(dir, 'extended.mp4');
    const { width: w, height: h } = spec;
    await runTool(tools.ffmpeg, [
      '-hide_banner', '-loglevel', 'error', '-y', '-i', input, '-i', added,
      '-filter_complex', `[0:v]scale=${w}:${h}:force_original_aspect_ratio=increase,crop=${w}:${h},fps=${DEMO_FPS},format=yuv420p,setsar=1[a];[1:v]setsar=1[b];[a][b]concat=n=2:v=1:a=0[v]`,
      '-map', '[v]', ...encoder(),
      out,
    ]);
    return readFile(out);
  }));
}

/**
 * A still for `spec` as PNG bytes (the first frame of the clip the same prompt and seed would make).
 * @param {{ prompt: string, seed?: number, width: number, height: number }} spec
 * @returns {Promise<Buffer>}
 */
export function makeDemoImage(spec) {
  return serially(() => withWorkDir(async (dir) => {
    const tools = requireFfmpeg();
    const out = path.join(dir, 'image.png');
    const look = demoLook(spec);
    const text = await textFiles(dir, spec);
    await runTool(tools.ffmpeg, [
      '-hide_banner', '-loglevel', 'error', '-y',
      '-f', 'lavfi', '-i', gradient(spec.width, spec.height, 1, look),
      '-vf', overlays(text, { fadeIn: false }), '-frames:v', '1', out,
    ], { cwd: dir });
    return readFile(out);
  }));
}

/**
 * Width and height of the first video stream and the container's duration, read with ffprobe.
 * @param {Buffer} bytes
 * @returns {Promise<{ width: number, height: number, seconds: number, codec: string, frames: number }>}
 */
export function probeVideo(bytes) {
  return withWorkDir(async (dir) => {
    const tools = requireFfmpeg();
    const file = path.join(dir, 'probe.mp4');
    await writeFile(file, bytes);
    const json = JSON.parse(await runTool(tools.ffprobe, ['-v', 'error', '-select_streams', 'v:0', '-count_packets', '-show_entries', 'stream=codec_name,width,height,nb_read_packets:format=duration', '-of', 'json', file]));
    const stream = json.streams?.[0];
    if (!stream) throw new Error('the file has no video stream');
    return { width: stream.width, height: stream.height, codec: stream.codec_name, frames: Number(stream.nb_read_packets), seconds: Number(json.format?.duration) };
  });
}

async function renderClip(tools, dir, spec, out) {
  const { width: w, height: h, seconds } = spec;
  const look = demoLook(spec);
  const text = await textFiles(dir, spec);
  const inputs = ['-f', 'lavfi', '-i', gradient(w, h, seconds, look)];
  const graph = [];
  let base = '[0:v]';
  if (spec.firstFrame) {
    // Start on the given picture, push in slowly, and let the prompt's colours wash over it.
    const file = path.join(dir, 'first-frame');
    await writeFile(file, spec.firstFrame);
    inputs.push('-loop', '1', '-framerate', String(DEMO_FPS), '-t', String(seconds), '-i', file);
    // It softens within a second (so words drawn on that picture do not fight the new ones).
    const blur = Math.max(4, Math.round(Math.min(w, h) / 60));
    graph.push(
      `[1:v]${cover(w, h)},zoompan=z='min(1+0.0008*on,1.2)':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=${w}x${h}:fps=${DEMO_FPS},format=rgba,split[sharp][soft]`,
      `[soft]boxblur=${blur}:2,fade=t=in:st=0:d=1.2:alpha=1[blurred]`,
      '[sharp][blurred]overlay=format=auto[still]',
      `[0:v]format=rgba,colorchannelmixer=aa=0.55,fade=t=in:st=0:d=${seconds}:alpha=1[wash]`,
      '[still][wash]overlay=format=auto[bg]',
    );
    base = '[bg]';
  }
  if (spec.lastFrame) {
    const index = spec.firstFrame ? 2 : 1;
    const file = path.join(dir, 'last-frame');
    await writeFile(file, spec.lastFrame);
    inputs.push('-loop', '1', '-framerate', String(DEMO_FPS), '-t', String(seconds), '-i', file);
    const fade = Math.min(1.5, seconds / 2);
    graph.push(`[${index}:v]${cover(w, h)},format=rgba,fade=t=in:st=${seconds - fade}:d=${fade}:alpha=1[end]`, `${base}[end]overlay=format=auto[ending]`);
    base = '[ending]';
  }
  graph.push(`${base}${overlays(text, { fadeIn: true, lowerThird: Boolean(spec.firstFrame) })}[v]`);
  await runTool(tools.ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...inputs, '-filter_complex', graph.join(';'), '-map', '[v]', '-t', String(seconds), ...encoder(), out], { cwd: dir });
}

function gradient(w, h, seconds, look) {
  return `gradients=s=${w}x${h}:r=${DEMO_FPS}:d=${seconds}:n=3:c0=${look.colors[0]}:c1=${look.colors[1]}:c2=${look.colors[2]}:speed=${look.speed}:seed=${look.seed}:type=${look.type}`;
}

/** Scale to cover w×h and crop the middle (as a video model frames a first-frame image). */
function cover(w, h) {
  return `scale=${w}:${h}:force_original_aspect_ratio=increase,crop=${w}:${h},setsar=1`;
}

/**
 * The prompt (centred, or in the lower third over a given picture; drifting a little) and the
 * LOCAL DEMO label (bottom right), then yuv420p.
 */
function overlays(text, { fadeIn, lowerThird = false }) {
  const font = existsSync(FONT) ? `fontfile=${FONT}` : 'font=Sans';
  const prompt = [
    `drawtext=${font}:textfile=${text.prompt}:expansion=none:fontsize=${text.fontSize}:fontcolor=white:line_spacing=${Math.round(text.fontSize / 4)}`,
    `box=1:boxcolor=black@0.32:boxborderw=${Math.round(text.fontSize / 2)}`,
    `x=(w-text_w)/2:y=${lowerThird ? 'h*0.72-text_h/2' : '(h-text_h)/2'}+h/60*sin(t*0.9)`,
    ...(fadeIn ? [`alpha='min(1,t/0.6)'`] : []),
  ].join(':');
  const label = `drawtext=${font}:textfile=${text.label}:expansion=none:fontsize=${text.labelSize}:fontcolor=white@0.9:box=1:boxcolor=black@0.5:boxborderw=${Math.round(text.labelSize / 3)}:x=w-text_w-${text.labelSize}:y=h-text_h-${text.labelSize}`;
  return `${prompt},${label},format=yuv420p`;
}

/** drawtext reads its text from files: no escaping of the prompt into the filter graph. */
async function textFiles(dir, spec) {
  const short = Math.min(spec.width, spec.height);
  const fontSize = Math.max(14, Math.round(short / 14));
  const perLine = Math.max(10, Math.floor((spec.width * 0.82) / (fontSize * 0.62)));
  // Relative names (ffmpeg runs in `dir`): nothing in the filter graph needs escaping.
  await writeFile(path.join(dir, 'prompt.txt'), wrapPrompt(spec.prompt, perLine, 5));
  await writeFile(path.join(dir, 'label.txt'), DEMO_LABEL);
  return { prompt: 'prompt.txt', label: 'label.txt', fontSize, labelSize: Math.max(10, Math.round(short / 34)) };
}

function encoder() {
  return ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', '-r', String(DEMO_FPS), '-movflags', '+faststart', '-an'];
}

function requireFfmpeg() {
  const tools = findFfmpeg();
  if (!tools.ok) throw new MediaMakerUnavailable(tools.message);
  return tools;
}

async function withWorkDir(work) {
  const dir = await mkdtemp(path.join(tmpdir(), 'director-local-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// One ffmpeg at a time: on a small machine parallel encodes are not faster, only all late.
let queue = Promise.resolve();
function serially(job) {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}
