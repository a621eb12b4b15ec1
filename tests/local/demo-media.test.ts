import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDemoImage, makeDemoVideo } from '../../edge/local/demo-media.mjs';

const run = promisify(execFile);
let dir: string;
beforeAll(async () => (dir = await mkdtemp(path.join(tmpdir(), 'demo-media-test-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** What Debian's ffprobe reads from the bytes: streams, size, frame count and duration. */
async function probe(bytes: Buffer, name: string) {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  const { stdout } = await run('ffprobe', ['-v', 'error', '-count_frames', '-show_entries', 'stream=codec_type,codec_name,width,height,pix_fmt,avg_frame_rate,nb_read_frames:format=duration', '-of', 'json', file]);
  const json = JSON.parse(stdout) as { streams: Array<Record<string, string | number>>; format: { duration?: string } };
  return { streams: json.streams, seconds: Number(json.format.duration) };
}

/** One frame at `seconds` as raw RGB, small, to compare pictures. */
async function frameAt(bytes: Buffer, name: string, seconds: number): Promise<Buffer> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-ss', String(seconds), '-i', file, '-frames:v', '1', '-vf', 'scale=32:18', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { encoding: 'buffer' });
  return stdout;
}

const meanDifference = (a: Buffer, b: Buffer) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;

describe('the local demo media maker (Debian ffmpeg)', () => {
  it('makes a 16:9 720p clip of the asked length: one H.264 video stream, 24 fps, yuv420p', async () => {
    const clip = await makeDemoVideo({ prompt: 'A paper lantern drifts over a night harbour', seed: 1, width: 1280, height: 720, seconds: 4 });
    const { streams, seconds } = await probe(clip, 'landscape.mp4');
    expect(streams).toEqual([{ codec_name: 'h264', codec_type: 'video', width: 1280, height: 720, pix_fmt: 'yuv420p', avg_frame_rate: '24/1', nb_read_frames: '96' }]);
    expect(seconds).toBeCloseTo(4, 1);
  });

  it('makes 9:16 portrait clips, and the picture follows the prompt and the seed', async () => {
    const spec = { prompt: 'Neon city street at night, rain reflections', seed: 5, width: 720, height: 1280, seconds: 2 };
    const first = await makeDemoVideo(spec);
    const { streams, seconds } = await probe(first, 'portrait.mp4');
    expect(streams[0]).toMatchObject({ codec_name: 'h264', width: 720, height: 1280 });
    expect(seconds).toBeCloseTo(2, 1);
    const again = await makeDemoVideo(spec);
    const otherPrompt = await makeDemoVideo({ ...spec, prompt: 'A sunny yellow wheat field at noon' });
    const otherSeed = await makeDemoVideo({ ...spec, seed: 6 });
    const frame = await frameAt(first, 'a.mp4', 1);
    expect(meanDifference(frame, await frameAt(again, 'b.mp4', 1))).toBeLessThan(2);
    expect(meanDifference(frame, await frameAt(otherPrompt, 'c.mp4', 1))).toBeGreaterThan(10);
    expect(meanDifference(frame, await frameAt(otherSeed, 'd.mp4', 1))).toBeGreaterThan(3);
  });

  it('extends a clip as Veo does: the input, then seven more seconds that start from its last frame', async () => {
    const input = await makeDemoVideo({ prompt: 'A courier cycles through a rainy market', seed: 2, width: 1280, height: 720, seconds: 4 });
    const extended = await makeDemoVideo({ prompt: 'She turns into an alley', width: 1280, height: 720, seconds: 7, continueFrom: input });
    const { streams, seconds } = await probe(extended, 'extended.mp4');
    expect(streams[0]).toMatchObject({ codec_type: 'video', width: 1280, height: 720, nb_read_frames: String(11 * 24) });
    expect(seconds).toBeCloseTo(11, 1);
    // Frames at 24 fps: 95 is the input's last (3.958 s), 96 the first new one (4.0 s).
    const inputLast = await frameAt(input, 'input.mp4', 3.95);
    expect(meanDifference(inputLast, await frameAt(extended, 'kept.mp4', 3.95))).toBeLessThan(4);
    expect(meanDifference(inputLast, await frameAt(extended, 'first-new.mp4', 3.99))).toBeLessThan(12);
    // …and then goes somewhere new.
    expect(meanDifference(inputLast, await frameAt(extended, 'later.mp4', 10.5))).toBeGreaterThan(10);
  });

  it('makes a PNG still of the asked size', async () => {
    const png = await makeDemoImage({ prompt: 'A red bicycle by a canal', width: 1344, height: 768 });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1344, 768]);
  });
});
