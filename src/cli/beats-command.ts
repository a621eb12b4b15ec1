import path from 'node:path';
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

/** Decodes and analyses `file` with the app's media code and audio worker in headless Chromium. */
export async function beatsOfFile(file: string): Promise<BeatsResult & { decodeMs: number; analyzeMs: number; engine: string }> {
  const start = Date.now();
  const session = await openHeadlessMedia(path.resolve(file));
  try {
    const report = await session.page.evaluate((name) => window.directorMedia.beats(name), path.basename(file));
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

/** `director beats <audio> [--json]` → {bpm, beats:[s], downbeats:[s], durationSec, ms}. */
export async function beatsCommand(args: { file: string; json: boolean }): Promise<number> {
  try {
    const { decodeMs, analyzeMs, engine, ...result } = await beatsOfFile(args.file);
    if (args.json) console.log(JSON.stringify(result));
    else console.log(`${path.basename(args.file)}: ${result.bpm.toFixed(1)} BPM, ${result.beats.length} beats, ${result.downbeats.length} downbeats over ${result.durationSec.toFixed(1)} s (decode ${decodeMs} ms via ${engine}, analysis ${analyzeMs} ms, total ${result.ms} ms)`);
    return 0;
  } catch (error) {
    console.error(`director beats: ${mediaErrorFrom(error)?.message ?? (error as Error).message}`);
    return 1;
  }
}
