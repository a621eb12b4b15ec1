import type { FramePosition } from './frame-position.ts';

/**
 * Argument lists for ffmpeg.wasm, kept pure so they are unit-tested in Node. File names are the
 * paths inside ffmpeg's in-memory file system.
 */

/** ffprobe's JSON report of the container and every stream. */
export function ffprobeArgs(input: string, output: string): string[] {
  return ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', input, '-o', output];
}

/**
 * First audio stream as interleaved 32-bit float PCM at its own rate and channel count: the JS side
 * downmixes (a mean) and resamples exactly as for mediabunny, so both engines give the same PCM.
 */
export function decodeAudioArgs(input: string, output: string): string[] {
  return ['-v', 'error', '-i', input, '-map', '0:a:0', '-vn', '-f', 'f32le', '-c:a', 'pcm_f32le', output];
}

/**
 * One frame as PNG or JPEG. A time seeks on the input (accurate: ffmpeg decodes from the key frame
 * before it and drops frames until the time). "last" seeks to 2 s before the end and keeps
 * overwriting one image (`-update 1`), so the file left is the last decoded frame.
 */
export function extractFrameArgs(input: string, output: string, at: FramePosition, options: { maxWidth?: number } = {}): string[] {
  const scale = options.maxWidth ? ['-vf', `scale='min(${Math.round(options.maxWidth)},iw)':-2`] : [];
  const quality = output.endsWith('.jpg') ? ['-q:v', '3'] : [];
  if (at === 'last') {
    return ['-v', 'error', '-sseof', '-2', '-i', input, '-map', '0:v:0', '-an', ...scale, '-fps_mode', 'passthrough', '-update', '1', ...quality, output];
  }
  return ['-v', 'error', '-ss', at.toFixed(6), '-i', input, '-map', '0:v:0', '-an', ...scale, '-frames:v', '1', ...quality, output];
}

/** Formats the browser plays everywhere: H.264/AAC in MP4 or VP9/Opus in WebM. */
export type TranscodeTarget = 'mp4-h264' | 'webm-vp9';

export const TRANSCODE_TARGETS: Record<TranscodeTarget, { extension: string; mimeType: string }> = {
  'mp4-h264': { extension: 'mp4', mimeType: 'video/mp4' },
  'webm-vp9': { extension: 'webm', mimeType: 'video/webm' },
};

/** Re-encodes an upload the browser cannot play. Fast presets: this runs on the user's CPU. */
export function transcodeArgs(input: string, output: string, target: TranscodeTarget): string[] {
  const common = ['-v', 'error', '-i', input, '-map', '0:v:0?', '-map', '0:a:0?'];
  if (target === 'mp4-h264') {
    return [...common, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p', '-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2', '-c:a', 'aac', '-b:a', '160k', '-movflags', '+faststart', output];
  }
  return [...common, '-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-crf', '32', '-b:v', '0', '-pix_fmt', 'yuv420p', '-c:a', 'libopus', '-b:a', '128k', output];
}
