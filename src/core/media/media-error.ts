/** Stable reasons a media operation fails; the UI and the CLI branch on these, never on message text. */
export type MediaErrorCode =
  | 'unsupported_format' // no engine can read the container
  | 'unsupported_codec' // the container is readable, the codec is not (by any engine)
  | 'corrupt_or_truncated' // the file is cut short or its bytes are damaged
  | 'no_audio_track'
  | 'no_video_track'
  | 'frame_out_of_range' // asked for a time outside the video
  | 'invalid_request' // bad arguments (negative times, zero sample rate, ...)
  | 'engine_unavailable' // ffmpeg.wasm could not be loaded (wrong asset URL, offline without cache)
  | 'timeout' // the worker did not answer in time (it was restarted)
  | 'worker_crashed';

const CODES: ReadonlySet<string> = new Set<MediaErrorCode>([
  'unsupported_format',
  'unsupported_codec',
  'corrupt_or_truncated',
  'no_audio_track',
  'no_video_track',
  'frame_out_of_range',
  'invalid_request',
  'engine_unavailable',
  'timeout',
  'worker_crashed',
]);

/**
 * A media failure that names the file and the reason: `[media:corrupt_or_truncated] clip.mp4: ...`.
 * The code also travels in the message, because Comlink only carries an error's name and message
 * across the worker boundary; {@link mediaErrorFrom} restores it on the other side.
 *
 * @example
 * throw new MediaError('no_audio_track', 'clip.mp4', 'the file has no audio track');
 */
export class MediaError extends Error {
  override readonly name = 'MediaError';
  constructor(
    readonly code: MediaErrorCode,
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`[media:${code}] ${fileName}: ${reason}`);
  }
}

/** Found anywhere in a message: Playwright and others prefix it ("page.evaluate: MediaError: ..."). Stops at the first line break (stack traces). */
const WIRE_FORMAT = /\[media:([a-z_]+)\] (.*?): (.*)/;

/** Rebuilds a MediaError from any error that crossed a worker boundary; null when it is not one. */
export function mediaErrorFrom(error: unknown): MediaError | null {
  if (error instanceof MediaError) return error;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const match = WIRE_FORMAT.exec(message);
  if (!match || !CODES.has(match[1]!)) return null;
  return new MediaError(match[1] as MediaErrorCode, match[2]!, match[3]!);
}

/** Short text of any thrown value, for "reason" strings. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
