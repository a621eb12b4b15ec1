/**
 * Picks the engine for one operation: mediabunny (WebCodecs) first, ffmpeg.wasm when mediabunny
 * cannot read the container or WebCodecs cannot decode the codec, or when it fails mid-file.
 */
import type { Input } from 'mediabunny';
import { MediaError, describeError, mediaErrorFrom, type MediaEngine } from '../../src/core/media/index.ts';
import type { FfmpegEngine } from './ffmpeg-engine.ts';
import { openInput, type NamedBlob } from './media-source.ts';

/** 'auto' tries mediabunny first; the others force one engine (tests, benchmarks). */
export type EngineChoice = 'auto' | MediaEngine;

/** Returned by a mediabunny step that finds a codec WebCodecs cannot decode. */
export class NeedsFfmpeg {
  constructor(readonly reason: string) {}
}

/** Errors that ffmpeg cannot fix either: asking it again would only waste time. */
const FINAL_CODES = new Set(['no_audio_track', 'no_video_track', 'frame_out_of_range', 'invalid_request']);

export interface EngineSteps<T> {
  mediabunny(input: Input): Promise<T | NeedsFfmpeg>;
  ffmpeg(engine: FfmpegEngine): Promise<T>;
}

export async function runWithFallback<T>(
  file: NamedBlob,
  choice: EngineChoice,
  ffmpeg: FfmpegEngine | null,
  steps: EngineSteps<T>,
): Promise<{ value: T; engine: MediaEngine }> {
  const viaFfmpeg = async (whyNotMediabunny: string | null) => {
    if (!ffmpeg) {
      throw new MediaError('unsupported_format', file.name, `${whyNotMediabunny ?? 'ffmpeg.wasm was requested'}, and ffmpeg.wasm is not configured (init({ ffmpeg: { coreBaseUrl } }))`);
    }
    try {
      return { value: await steps.ffmpeg(ffmpeg), engine: 'ffmpeg' as const };
    } catch (error) {
      const media = mediaErrorFrom(error);
      if (!media || media.code === 'timeout') throw error;
      throw new MediaError(media.code, file.name, whyNotMediabunny ? `${whyNotMediabunny}; ffmpeg.wasm: ${media.reason}` : media.reason);
    }
  };
  if (choice === 'ffmpeg') return viaFfmpeg(null);

  const input = openInput(file);
  // Decide inside the try (mediabunny's own errors), fall back outside it (ffmpeg's errors stay ffmpeg's).
  let whyNotMediabunny: string;
  try {
    if (!(await input.canRead())) {
      whyNotMediabunny = 'mediabunny cannot read this container';
    } else {
      const outcome = await steps.mediabunny(input);
      if (!(outcome instanceof NeedsFfmpeg)) return { value: outcome, engine: 'mediabunny' };
      if (choice === 'mediabunny') throw new MediaError('unsupported_codec', file.name, outcome.reason);
      whyNotMediabunny = outcome.reason;
    }
  } catch (error) {
    const media = mediaErrorFrom(error);
    if (choice === 'mediabunny' || (media && FINAL_CODES.has(media.code))) throw media ?? new MediaError('corrupt_or_truncated', file.name, `mediabunny: ${describeError(error)}`);
    whyNotMediabunny = `mediabunny failed: ${media?.reason ?? describeError(error)}`;
  } finally {
    input.dispose();
  }
  if (choice === 'mediabunny') throw new MediaError('unsupported_format', file.name, whyNotMediabunny);
  return viaFfmpeg(whyNotMediabunny);
}
