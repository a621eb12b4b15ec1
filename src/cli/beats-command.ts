import path from 'node:path';
import { atBeatLevel, BEAT_LEVELS, type BeatLevel } from '../core/audio/beat-level';
import { mediaErrorFrom } from '../core/media/media-error';
import { openHeadlessMedia } from '../../workers/media/headless-session';

export interface BeatsResult {
  bpm: number;
  beats: number[];
  downbeats: number[];
  durationSec: number;
  /** Wall time of the whole command (browser start, decode, analysis). */
  ms: number;
}

const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;

/** `--level`: the tracker's pulse, or twice / half as fast (see core/audio/beat-level). */
export function parseBeatLevel(value: string | undefined): BeatLevel {
  if (value === undefined) return 'detected';
  if ((BEAT_LEVELS as readonly string[]).includes(value)) return value as BeatLevel;
  throw new RangeError(`--level must be one of ${BEAT_LEVELS.join(', ')}, got "${value}"`);
}

/** Decodes and analyses `file` with the app's media code and audio worker in headless Chromium. */
export async function beatsOfFile(file: string, level: BeatLevel = 'detected'): Promise<BeatsResult & { decodeMs: number; analyzeMs: number; engine: string }> {
  const start = Date.now();
  const session = await openHeadlessMedia(path.resolve(file));
  try {
    const detected = await session.page.evaluate((name) => window.directorMedia.beats(name), path.basename(file));
    const report = { ...detected, ...atBeatLevel(detected, level) };
    return {
      bpm: round(report.bpm, 2),
      beats: report.beats.map((t) => round(t)),
      downbeats: report.downbeats.map((t) => round(t)),
      durationSec: round(report.durationSec),
      ms: Date.now() - start,
      decodeMs: Math.round(report.decodeMs),
      analyzeMs: Math.round(report.analyzeMs),
      engine: report.engine,
    };
  } finally {
    await session.close();
  }
}

/** `director beats <audio> [--json] [--level double|half]` → {bpm, beats:[s], downbeats:[s], durationSec, ms}. */
export async function beatsCommand(args: { file: string; json: boolean; level?: BeatLevel }): Promise<number> {
  try {
    const { decodeMs, analyzeMs, engine, ...result } = await beatsOfFile(args.file, args.level);
    if (args.json) console.log(JSON.stringify(result));
    else console.log(`${path.basename(args.file)}: ${result.bpm.toFixed(1)} BPM, ${result.beats.length} beats, ${result.downbeats.length} downbeats over ${result.durationSec.toFixed(1)} s (decode ${decodeMs} ms via ${engine}, analysis ${analyzeMs} ms, total ${result.ms} ms)`);
    return 0;
  } catch (error) {
    console.error(`director beats: ${mediaErrorFrom(error)?.message ?? (error as Error).message}`);
    return 1;
  }
}
