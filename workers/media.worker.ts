/**
 * Media worker (Comlink): audio decode to mono PCM, video probe, frames (any time or the exact
 * last one), thumbnail strips, waveform peaks and transcoding. mediabunny (WebCodecs) first;
 * ffmpeg.wasm, served from our own origin, where WebCodecs cannot. Every failure is a MediaError
 * naming the file and the reason; the host side (workers/media/supervised-worker.ts) adds time
 * limits and restarts a worker that stops answering.
 */
import * as Comlink from 'comlink';
import { MediaError, describeError, mediaErrorFrom, waveformPeaks, type MediaProbe, type WaveformPeaks } from '../src/core/media/index.ts';
import { decodeAudio, type DecodeAudioOptions, type DecodedAudio } from './media/decode-audio.ts';
import type { EngineChoice } from './media/engine-fallback.ts';
import { extractFrame, thumbnailStrip, type ExtractedFrame, type FrameOptions, type StripOptions, type ThumbnailStrip } from './media/extract-frames.ts';
import { createFfmpegEngine, type FfmpegAssets, type FfmpegEngine } from './media/ffmpeg-engine.ts';
import { nameOf } from './media/media-source.ts';
import { probeMedia } from './media/probe-media.ts';
import { transcode, type TranscodeOptions } from './media/transcode.ts';

export interface MediaWorkerInit {
  /** Where ffmpeg.wasm's files are served; without it only mediabunny/WebCodecs is used. */
  ffmpeg?: FfmpegAssets;
}

export interface WaveformOptions {
  buckets: number;
  /** Decode rate for the peaks (default 8000 Hz: plenty for drawing). */
  sampleRate?: number;
  engine?: EngineChoice;
}

let ffmpeg: FfmpegEngine | null = null;

/** Every call's errors leave as MediaErrors with the file name in them. */
async function guarded<T>(fileName: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw mediaErrorFrom(error) ?? new MediaError('corrupt_or_truncated', fileName, describeError(error));
  }
}

const api = {
  /** Configures the engines; may be called again (e.g. after the host restarted the worker). */
  init(options: MediaWorkerInit = {}): { ffmpeg: boolean; webCodecs: boolean } {
    ffmpeg?.dispose();
    ffmpeg = options.ffmpeg ? createFfmpegEngine(options.ffmpeg) : null;
    return { ffmpeg: ffmpeg !== null, webCodecs: typeof VideoDecoder === 'function' && typeof AudioDecoder === 'function' };
  },

  /** Mono Float32 PCM (channels averaged) at `options.sampleRate`. The PCM buffer is transferred. */
  async decodeAudio(file: Blob, options: DecodeAudioOptions, name?: string): Promise<DecodedAudio & { ms: number }> {
    const named = nameOf(file, name);
    const start = performance.now();
    const decoded = await guarded(named.name, () => decodeAudio(named, options, ffmpeg));
    return Comlink.transfer({ ...decoded, ms: performance.now() - start }, [decoded.pcm.buffer]);
  },

  async probe(file: Blob, options: { engine?: EngineChoice; timeoutMs?: number } = {}, name?: string): Promise<MediaProbe> {
    const named = nameOf(file, name);
    return guarded(named.name, () => probeMedia(named, options, ffmpeg));
  },

  async extractFrame(file: Blob, options: FrameOptions, name?: string): Promise<ExtractedFrame & { ms: number }> {
    const named = nameOf(file, name);
    const start = performance.now();
    const frame = await guarded(named.name, () => extractFrame(named, options, ffmpeg));
    return { ...frame, ms: performance.now() - start };
  },

  async thumbnailStrip(file: Blob, options: StripOptions, name?: string): Promise<ThumbnailStrip> {
    const named = nameOf(file, name);
    return guarded(named.name, () => thumbnailStrip(named, options, ffmpeg));
  },

  /** Min/max per bucket of the file's audio (mono), for waveform views. */
  async waveform(file: Blob, options: WaveformOptions, name?: string): Promise<WaveformPeaks & { engine: DecodedAudio['engine'] }> {
    const named = nameOf(file, name);
    return guarded(named.name, async () => {
      const decoded = await decodeAudio(named, { sampleRate: options.sampleRate ?? 8000, engine: options.engine }, ffmpeg);
      const peaks = waveformPeaks(decoded.pcm, decoded.sampleRate, options.buckets);
      return Comlink.transfer({ ...peaks, engine: decoded.engine }, [peaks.min.buffer, peaks.max.buffer]);
    });
  },

  /** Peaks of PCM the caller already has (no decode). */
  waveformOfPcm(pcm: Float32Array, sampleRate: number, buckets: number): WaveformPeaks {
    const peaks = waveformPeaks(pcm, sampleRate, buckets);
    return Comlink.transfer(peaks, [peaks.min.buffer, peaks.max.buffer]);
  },

  async transcode(file: Blob, options: TranscodeOptions, name?: string): Promise<{ file: Blob; mimeType: string; name: string }> {
    const named = nameOf(file, name);
    return guarded(named.name, () => transcode(named, options, ffmpeg));
  },
};

export type MediaWorkerApi = typeof api;
Comlink.expose(api);
