/** Single frames (any time, or the exact last one) and thumbnail strips, as image Blobs. */
import { CanvasSink, EncodedPacketSink, type Input, type InputVideoTrack, type WrappedCanvas } from 'mediabunny';
import { MediaError, evenlySpacedTimes, extractFrameArgs, type FramePosition, type MediaEngine } from '../../src/core/media/index.ts';
import { NeedsFfmpeg, runWithFallback, type EngineChoice } from './engine-fallback.ts';
import type { FfmpegEngine } from './ffmpeg-engine.ts';
import { ffmpegInput, type NamedBlob } from './media-source.ts';
import { probeMedia } from './probe-media.ts';

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';

export interface FrameOptions {
  at: FramePosition;
  type?: ImageType;
  /** Downscale to at most this width (aspect kept). */
  maxWidth?: number;
  engine?: EngineChoice;
  timeoutMs?: number;
}

export interface ExtractedFrame {
  image: Blob;
  /** Presentation time of the frame (null when ffmpeg picked it: it does not report it). */
  timestampSec: number | null;
  width: number;
  height: number;
  engine: MediaEngine;
}

export interface StripOptions {
  count: number;
  /** Thumbnail width in pixels (default 160). */
  width?: number;
  type?: ImageType;
  quality?: number;
  engine?: EngineChoice;
  timeoutMs?: number;
}

export interface ThumbnailStrip {
  frames: { timestampSec: number; image: Blob }[];
  width: number;
  height: number;
  engine: MediaEngine;
}

const EXTENSIONS: Record<ImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

async function decodableVideo(file: NamedBlob, input: Input): Promise<InputVideoTrack | NeedsFfmpeg> {
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new MediaError('no_video_track', file.name, 'the file has no video track');
  const codec = await track.getCodec();
  if (!codec || !(await track.canDecode())) return new NeedsFfmpeg(`WebCodecs cannot decode the ${codec ?? 'unknown'} video codec`);
  return track;
}

function sinkFor(track: InputVideoTrack, width: number | undefined): Promise<CanvasSink> {
  return track.getDisplayWidth().then((displayWidth) => new CanvasSink(track, { poolSize: 0, ...(width && width < displayWidth ? { width: Math.round(width) } : {}) }));
}

const toBlob = (wrapped: WrappedCanvas, type: ImageType, quality?: number) => (wrapped.canvas as OffscreenCanvas).convertToBlob({ type, quality });

export async function extractFrame(file: NamedBlob, options: FrameOptions, ffmpeg: FfmpegEngine | null): Promise<ExtractedFrame> {
  const { at } = options;
  if (at !== 'last' && !(typeof at === 'number' && at >= 0 && Number.isFinite(at))) {
    throw new MediaError('invalid_request', file.name, `"at" must be a time in seconds >= 0 or "last", got ${String(at)}`);
  }
  const type = options.type ?? 'image/png';
  const { value, engine } = await runWithFallback<Omit<ExtractedFrame, 'engine'>>(file, options.engine ?? 'auto', ffmpeg, {
    async mediabunny(input) {
      const track = await decodableVideo(file, input);
      if (track instanceof NeedsFfmpeg) return track;
      const time = await frameTime(file, track, at);
      const wrapped = await (await sinkFor(track, options.maxWidth)).getCanvas(time);
      if (!wrapped) throw new MediaError('corrupt_or_truncated', file.name, `no frame could be decoded at ${time.toFixed(3)} s`);
      return { image: await toBlob(wrapped, type, 0.9), timestampSec: wrapped.timestamp, width: wrapped.canvas.width, height: wrapped.canvas.height };
    },
    async ffmpeg(ff) {
      if (at !== 'last') {
        const probe = await probeMedia(file, { engine: 'ffmpeg', timeoutMs: options.timeoutMs }, ff);
        if (at > probe.durationSec) throw new MediaError('frame_out_of_range', file.name, `asked for ${at} s of a ${probe.durationSec.toFixed(3)} s video`);
      }
      const output = `frame.${EXTENSIONS[type]}`;
      const input = await ffmpegInput(file);
      const outputs = await ff.run({ fileName: file.name, input, commands: [{ tool: 'ffmpeg', args: extractFrameArgs(input.name, output, at, options) }], outputs: [output], timeoutMs: options.timeoutMs ?? 30_000 });
      const image = new Blob([outputs.get(output)! as BlobPart], { type });
      const bitmap = await createImageBitmap(image);
      const size = { width: bitmap.width, height: bitmap.height };
      bitmap.close();
      return { image, timestampSec: null, ...size };
    },
  });
  return { ...value, engine };
}

/** The time to ask the sink for: the last packet's (presentation order) for "last". */
async function frameTime(file: NamedBlob, track: InputVideoTrack, at: FramePosition): Promise<number> {
  if (at === 'last') {
    const last = await new EncodedPacketSink(track).getPacket(Infinity, { metadataOnly: true });
    if (!last) throw new MediaError('corrupt_or_truncated', file.name, 'the video track has no frames');
    return last.timestamp;
  }
  const [first, end] = await Promise.all([track.getFirstTimestamp(), track.computeDuration()]);
  if (at > end) throw new MediaError('frame_out_of_range', file.name, `asked for ${at} s of a ${end.toFixed(3)} s video`);
  return Math.max(at, first);
}

export async function thumbnailStrip(file: NamedBlob, options: StripOptions, ffmpeg: FfmpegEngine | null): Promise<ThumbnailStrip> {
  if (!Number.isInteger(options.count) || options.count < 1 || options.count > 200) {
    throw new MediaError('invalid_request', file.name, `count must be an integer 1..200, got ${options.count}`);
  }
  const type = options.type ?? 'image/jpeg';
  const width = options.width ?? 160;
  const { value, engine } = await runWithFallback<Omit<ThumbnailStrip, 'engine'>>(file, options.engine ?? 'auto', ffmpeg, {
    async mediabunny(input) {
      const track = await decodableVideo(file, input);
      if (track instanceof NeedsFfmpeg) return track;
      const [first, end] = await Promise.all([track.getFirstTimestamp(), track.computeDuration()]);
      const sink = await sinkFor(track, width);
      const frames: ThumbnailStrip['frames'] = [];
      let size = { width: 0, height: 0 };
      // Sorted times: mediabunny decodes each packet at most once for the whole strip.
      for await (const wrapped of sink.canvasesAtTimestamps(evenlySpacedTimes(first, end, options.count))) {
        if (!wrapped) continue;
        size = { width: wrapped.canvas.width, height: wrapped.canvas.height };
        frames.push({ timestampSec: wrapped.timestamp, image: await toBlob(wrapped, type, options.quality ?? 0.8) });
      }
      if (frames.length === 0) throw new MediaError('corrupt_or_truncated', file.name, 'no frame could be decoded for the thumbnail strip');
      return { frames, ...size };
    },
    async ffmpeg(ff) {
      const probe = await probeMedia(file, { engine: 'ffmpeg', timeoutMs: options.timeoutMs }, ff);
      const times = evenlySpacedTimes(0, probe.durationSec, options.count);
      const names = times.map((_, i) => `thumb-${i}.${EXTENSIONS[type]}`);
      const input = await ffmpegInput(file);
      const outputs = await ff.run({
        fileName: file.name,
        input,
        commands: times.map((t, i) => ({ tool: 'ffmpeg' as const, args: extractFrameArgs(input.name, names[i]!, t, { maxWidth: width }) })),
        outputs: names,
        timeoutMs: options.timeoutMs ?? 60_000,
      });
      const frames = times.map((t, i) => ({ timestampSec: t, image: new Blob([outputs.get(names[i]!)! as BlobPart], { type }) }));
      const bitmap = await createImageBitmap(frames[0]!.image);
      const size = { width: bitmap.width, height: bitmap.height };
      bitmap.close();
      return { frames, ...size };
    },
  });
  return { ...value, engine };
}
