import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { mediaErrorFrom } from '../core/media/media-error';
import { parseFramePosition } from '../core/media/frame-position';
import { openHeadlessMedia } from '../../workers/media/headless-session';

export interface FrameCommandArgs {
  file: string;
  /** "last" or seconds ("1.5"). */
  at: string;
  /** Output image; .jpg/.jpeg writes JPEG, anything else PNG. */
  out: string;
  json?: boolean;
}

/**
 * `director frame <video> --at <seconds|last> --out <png>`: the app's media worker (mediabunny,
 * ffmpeg.wasm fallback) in headless Chromium extracts the frame; it is written to `out`.
 */
export async function frameCommand(args: FrameCommandArgs): Promise<number> {
  const at = parseFramePosition(args.at);
  if (at === null) {
    console.error(`director frame: --at must be "last" or seconds >= 0, got "${args.at}"`);
    return 2;
  }
  const start = Date.now();
  const type = /\.jpe?g$/i.test(args.out) ? 'image/jpeg' : 'image/png';
  let session: Awaited<ReturnType<typeof openHeadlessMedia>> | null = null;
  try {
    session = await openHeadlessMedia(path.resolve(args.file));
    const frame = await session.page.evaluate(([name, position, imageType]) => window.directorMedia.frame(name as string, position as number | 'last', imageType as 'image/png'), [path.basename(args.file), at, type] as const);
    writeFileSync(args.out, Buffer.from(frame.base64, 'base64'));
    const summary = { out: args.out, width: frame.width, height: frame.height, timestampSec: frame.timestampSec, engine: frame.engine, ms: Date.now() - start };
    console.log(args.json ? JSON.stringify(summary) : `Wrote ${args.out} (${frame.width}x${frame.height}${frame.timestampSec === null ? '' : `, frame at ${frame.timestampSec.toFixed(3)} s`}, ${frame.engine}) in ${summary.ms} ms`);
    return 0;
  } catch (error) {
    console.error(`director frame: ${mediaErrorFrom(error)?.message ?? (error as Error).message}`);
    return 1;
  } finally {
    await session?.close();
  }
}
