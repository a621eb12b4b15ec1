/** Re-encodes uploads the browser cannot play (HEVC, MPEG-4 Part 2, AVI, MKV, ...) with ffmpeg.wasm. */
import { MediaError, TRANSCODE_TARGETS, transcodeArgs, type TranscodeTarget } from '../../src/core/media/index.ts';
import type { FfmpegEngine } from './ffmpeg-engine.ts';
import { ffmpegInput, type NamedBlob } from './media-source.ts';

export interface TranscodeOptions {
  target: TranscodeTarget;
  timeoutMs?: number;
}

export async function transcode(file: NamedBlob, options: TranscodeOptions, ffmpeg: FfmpegEngine | null): Promise<{ file: Blob; mimeType: string; name: string }> {
  const spec = TRANSCODE_TARGETS[options.target];
  if (!spec) throw new MediaError('invalid_request', file.name, `unknown transcode target "${String(options.target)}"`);
  if (!ffmpeg) throw new MediaError('engine_unavailable', file.name, 'transcoding needs ffmpeg.wasm, which is not configured');
  const input = await ffmpegInput(file);
  const output = `output.${spec.extension}`;
  const outputs = await ffmpeg.run({ fileName: file.name, input, commands: [{ tool: 'ffmpeg', args: transcodeArgs(input.name, output, options.target) }], outputs: [output], timeoutMs: options.timeoutMs ?? 10 * 60_000 });
  const name = `${file.name.replace(/\.[^.]+$/, '')}.${spec.extension}`;
  return { file: new File([outputs.get(output)! as BlobPart], name, { type: spec.mimeType }), mimeType: spec.mimeType, name };
}
