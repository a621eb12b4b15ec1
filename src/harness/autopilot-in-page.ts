import { STEP_LABELS, failedStep, restoreBrandKit, type ScriptOptions } from '../core/autopilot';
import type { VoiceSettings } from '../core/narration/narration-types';
import { writeSrt } from '../core/subtitles/subtitle-files';
import { blobToBase64 } from '../core/util/base64';
import { newId } from '../core/util/ids';
import { getAsset } from '../db/assets-repo';
import { saveBrandKit } from '../db/brand-kits-repo';
import { createProject } from '../db/projects-repo';
import { autopilotMedia } from '../app/autopilot/autopilot-media';
import { makeAutopilotSession } from '../app/autopilot/autopilot-session';
import { db } from '../app/db';
import { loadSettings, saveSettings } from '../db/settings-repo';

export interface PageAutopilotArgs {
  topic: string;
  options: ScriptOptions;
  offline: boolean;
  voice: VoiceSettings;
  size: { width: number; height: number; fps: number };
  /** A kit.json's object and its files (name → bytes) read by the CLI. */
  brand?: { json: unknown; files: { name: string; bytes: number[]; type: string }[] };
  edgeUrl?: string;
}

export interface PageAutopilotResult {
  ok: boolean;
  error?: string;
  mp4?: string;
  srt?: string;
  scriptNote?: string;
  steps: { id: string; status: string; seconds: number | null; summary?: string; error?: string }[];
}

/** Runs the same Auto-pilot the app runs (same steps, same render path) and hands back the MP4 and SRT. */
export async function runAutopilotInPage(args: PageAutopilotArgs): Promise<PageAutopilotResult> {
  if (args.edgeUrl !== undefined) await saveSettings(db, { ...(await loadSettings(db)), edgeUrl: args.edgeUrl });
  let brandKitId: string | undefined;
  if (args.brand) {
    const restored = restoreBrandKit(args.brand.json, newId());
    if (!restored.ok) return { ok: false, error: restored.message, steps: [] };
    await saveBrandKit(db, restored.kit, Object.fromEntries(args.brand.files.map((f) => [f.name, new Blob([new Uint8Array(f.bytes)], { type: f.type })])));
    brandKitId = restored.kit.id;
  }
  const project = await createProject(db, { name: args.topic.slice(0, 60) || 'Auto-pilot', ...args.size });
  if (!project.ok) return { ok: false, error: project.message, steps: [] };
  const session = makeAutopilotSession(db, project.value.id, autopilotMedia);
  const run = await session.start({ topic: args.topic, options: args.options, offline: args.offline, voice: args.voice, ...(brandKitId ? { brandKitId } : {}) });
  const steps = run.steps.map((s) => ({ id: s.id, status: s.status, seconds: s.startedAt !== undefined && s.endedAt !== undefined ? (s.endedAt - s.startedAt) / 1000 : null, ...(s.summary ? { summary: s.summary } : {}), ...(s.error ? { error: s.error } : {}) }));
  const failed = failedStep(run);
  if (failed) return { ok: false, error: `${STEP_LABELS[failed.id]} failed: ${failed.error}`, steps };
  const video = run.artifacts.renderAssetId ? await getAsset(db, run.artifacts.renderAssetId) : undefined;
  if (!video) return { ok: false, error: 'The render finished without a video.', steps };
  return { ok: true, mp4: await blobToBase64(video.blob), srt: writeSrt(run.artifacts.cues ?? []), ...(run.artifacts.scriptNote ? { scriptNote: run.artifacts.scriptNote } : {}), steps };
}
