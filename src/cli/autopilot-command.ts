import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCRIPT_OPTIONS, SCRIPT_LIMITS, SCRIPT_TONES, brandKitFiles, restoreBrandKit, type ScriptTone } from '../core/autopilot';
import { openHarness } from './engine-session';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface AutopilotArgs {
  topic: string;
  out: string;
  srt?: string;
  offline: boolean;
  brand?: string;
  lengthS?: number;
  tone?: string;
  edge?: string;
  json: boolean;
}

const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', svg: 'image/svg+xml', mp4: 'video/mp4', webm: 'video/webm', mov: 'video/quicktime', woff2: 'font/woff2', woff: 'font/woff', ttf: 'font/ttf', otf: 'font/otf' };

/** A kit.json and the files it names (beside it), checked before the browser starts. */
async function readBrandKit(file: string) {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new Error(`--brand ${file} is not a readable JSON file (${(e as Error).message}).`);
  }
  const restored = restoreBrandKit(json, 'cli');
  if (!restored.ok) throw new Error(`--brand ${file}: ${restored.message}`);
  const files = await Promise.all(
    brandKitFiles(restored.kit).map(async (name) => {
      const bytes = await readFile(path.join(path.dirname(file), name)).catch(() => {
        throw new Error(`--brand ${file} names "${name}", which is not next to it.`);
      });
      return { name, bytes: [...bytes], type: TYPES[name.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream' };
    }),
  );
  return { json, files, dropped: restored.dropped };
}

/**
 * `director autopilot "<topic>"`: the app's Auto-pilot in the engine harness (headless Chromium):
 * script → scenes → visuals → voiceover → subtitles → mix → MP4, written to --out (and the cues
 * to --srt). --offline: the page gets no edge at all (template script, offline voice, designed scenes).
 */
export async function autopilotCommand(args: AutopilotArgs): Promise<number> {
  const started = performance.now();
  const lengthS = args.lengthS ?? DEFAULT_SCRIPT_OPTIONS.lengthS;
  if (!(lengthS >= SCRIPT_LIMITS.minLengthS && lengthS <= SCRIPT_LIMITS.maxLengthS)) throw new Error(`--length must be ${SCRIPT_LIMITS.minLengthS}–${SCRIPT_LIMITS.maxLengthS} seconds, got ${args.lengthS}.`);
  if (args.tone !== undefined && !SCRIPT_TONES.includes(args.tone as ScriptTone)) throw new Error(`--tone must be one of ${SCRIPT_TONES.join(', ')}, got "${args.tone}".`);
  if (!args.out.toLowerCase().endsWith('.mp4')) throw new Error(`--out must be an .mp4 file, got "${args.out}".`);
  const brand = args.brand ? await readBrandKit(args.brand) : undefined;
  const harness = await openHarness(ROOT, { offline: args.offline });
  try {
    const result = await harness.page.evaluate((a) => (window as unknown as { directorEngine: { autopilot: (x: typeof a) => Promise<{ ok: boolean; error?: string; mp4?: string; srt?: string; scriptNote?: string; steps: { id: string; status: string; seconds: number | null; summary?: string; error?: string }[] }> } }).directorEngine.autopilot(a), {
      topic: args.topic,
      options: { ...DEFAULT_SCRIPT_OPTIONS, lengthS, ...(args.tone ? { tone: args.tone as ScriptTone } : {}) },
      offline: args.offline,
      // The offline voice either way: the CLI's page has no edge settings for a cloud voice.
      voice: { provider: 'offline', voice: 'en-us', speed: 1, pitch: 0 } as const,
      size: { width: 1280, height: 720, fps: 30 },
      ...(brand ? { brand: { json: brand.json, files: brand.files } } : {}),
      ...(args.edge ? { edgeUrl: args.edge } : {}),
    });
    if (!result.ok || !result.mp4) {
      console.log(JSON.stringify({ ok: false, error: result.error, steps: result.steps }));
      return 1;
    }
    await writeFile(args.out, Buffer.from(result.mp4, 'base64'));
    if (args.srt) await writeFile(args.srt, result.srt ?? '');
    console.log(JSON.stringify({ ok: true, out: args.out, ...(args.srt ? { srt: args.srt } : {}), ...(result.scriptNote ? { note: result.scriptNote } : {}), ...(brand?.dropped.length ? { brandDropped: brand.dropped } : {}), steps: result.steps, ms: Math.round(performance.now() - started) }));
    return 0;
  } finally {
    await harness.close();
  }
}
