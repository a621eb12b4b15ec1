import {
  AUTOPILOT_COMPONENT,
  AUTOPILOT_COMPOSITION_ID,
  applyBrandKit,
  autopilotFiles,
  autopilotPlan,
  boardDurationS,
  brandAssetName,
  fitScenesToNarration,
  scriptToStoryboard,
  suggestAssets,
  videoCues,
  type AutopilotRun,
  type PlanVisual,
  type SceneNarration,
  type StepHandlers,
} from '../../core/autopilot';
import { formatDiagnostic } from '../../core/bundler/build-diagnostics';
import type { NarrationAudio, SoundtrackRequest, SoundtrackResult, SubtitleCue, VoiceSettings } from '../../core/narration/narration-types';
import { clipNodeId } from '../../core/storyboard/storyboard-graph';
import type { Storyboard } from '../../core/storyboard/storyboard-types';
import { buildCues } from '../../core/subtitles/build-cues';
import { newId } from '../../core/util/ids';
import { addAsset, findAssetByName, listAssets, replaceAssetBlob } from '../../db/assets-repo';
import { loadBrandKit } from '../../db/brand-kits-repo';
import type { DirectorDb } from '../../db/database';
import { applyFileChanges, listFiles } from '../../db/files-repo';
import { getProject } from '../../db/projects-repo';
import { saveRender, updateRender } from '../../db/renders-repo';
import { listStoryboardTakes, loadStoryboard, saveStoryboard } from '../../db/storyboard-repo';
import { makeOffscreenSandbox } from '../preview/offscreen-sandbox';
import { bundlerWorker } from '../workers/page-workers';
import { assetIdOf } from '../graph/runners/asset-refs';
import { scriptFromTopic } from './script-service';
import { EdgeCallError } from '../edge/edge-client';
import { STOCK_PROVIDERS, importStockClip, searchStock } from './stock-footage';

/** The voice and the mix (part A of issue 18), passed in so the steps do not care which voice speaks. */
export interface AutopilotMedia {
  narrate(text: string, settings: VoiceSettings, signal?: AbortSignal): Promise<NarrationAudio>;
  renderSoundtrack(request: SoundtrackRequest, signal?: AbortSignal): Promise<SoundtrackResult>;
  /** Seconds of a video asset (intro/outro), or null when it cannot be read. */
  videoDurationS(blob: Blob): Promise<number | null>;
}

/** The first stock clip for a scene's visual description, Pexels first, then Pixabay. */
async function stockClipFor(prompt: string, orientation: 'landscape' | 'portrait', signal: AbortSignal) {
  const query = prompt.split(/\s+/).slice(0, 8).join(' ');
  for (const provider of STOCK_PROVIDERS) {
    try {
      const [first] = await searchStock(provider, query, { orientation, perPage: 3, signal });
      if (first) return first;
    } catch (e) {
      // One provider without a key is fine while the other has one.
      if (!(e instanceof EdgeCallError && e.code === 'not_configured' && provider !== STOCK_PROVIDERS.at(-1))) throw e;
    }
  }
  return null;
}

/** A suggested asset is used for a scene only when it shares this much with the scene's words. */
const AUTO_PICK_SCORE = 1;
const VOICE_DIR = 'autopilot';

/**
 * Auto-pilot's steps on a project, each the same work a person does by hand: the script becomes
 * the storyboard, visuals are picked (project assets, takes, or a designed card), the voice and
 * the mix become assets, and the video is written as the project's AutoPilot composition and
 * rendered by the in-browser engine — the one render path of the app.
 */
export function makeAutopilotHandlers(db: DirectorDb, projectId: string, media: AutopilotMedia): { handlers: StepHandlers; writeVideo: (run: AutopilotRun) => Promise<unknown>; dispose(): void } {
  const sandbox = makeOffscreenSandbox();

  const board = async (): Promise<Storyboard> => (await loadStoryboard(db, projectId)).board;

  const putAsset = async (name: string, blob: Blob) => {
    const existing = await findAssetByName(db, projectId, name);
    if (existing) {
      await replaceAssetBlob(db, existing.id, blob);
      return existing.name;
    }
    return (await addAsset(db, projectId, name, blob)).name;
  };

  /** The picture of each clip: the chosen (or newest) take, linked footage, else null. */
  const visualsOf = async (b: Storyboard) => {
    const assets = new Map((await listAssets(db, projectId)).map((a) => [a.id, a]));
    const takes = await listStoryboardTakes(db, projectId);
    return (clipId: string): Exclude<PlanVisual, { kind: 'designed' }> | null => {
      const clip = b.scenes.flatMap((s) => s.clips).find((c) => c.id === clipId);
      if (!clip) return null;
      const own = takes.filter((t) => t.nodeId === clipNodeId(clip.id));
      const take = (clip.selectedTakeId ? own.find((t) => t.id === clip.selectedTakeId) : undefined) ?? own.at(-1);
      const id = assetIdOf(take?.outputs.video) ?? clip.mediaAssetId;
      const asset = id ? assets.get(id) : undefined;
      if (!asset) return null;
      if (asset.type.startsWith('image/')) return { kind: 'image', src: asset.name };
      return { kind: 'video', src: asset.name, trimBefore: Math.round((clip.sourceInSeconds ?? 0) * 30) };
    };
  };

  /** Writes the AutoPilot composition from the run and the project as they are now. */
  const writeVideo = async (run: AutopilotRun) => {
    const project = await getProject(db, projectId);
    if (!project) throw new Error('This project no longer exists.');
    const b = await board();
    const kit = run.brandKitId ? await loadBrandKit(db, run.brandKitId) : null;
    const media_ = { fps: project.fps, introS: undefined as number | undefined, outroS: undefined as number | undefined };
    if (kit) {
      for (const [name, blob] of Object.entries(kit.files)) await putAsset(brandAssetName(kit.kit, name), blob);
      if (kit.kit.intro && kit.files[kit.kit.intro.name]) media_.introS = (await media.videoDurationS(kit.files[kit.kit.intro.name]!)) ?? undefined;
      if (kit.kit.outro && kit.files[kit.kit.outro.name]) media_.outroS = (await media.videoDurationS(kit.files[kit.kit.outro.name]!)) ?? undefined;
    }
    const { brand, captionStyle } = applyBrandKit(kit?.kit ?? null, run.captionStyle, media_);
    const plan = autopilotPlan({ board: b, size: { fps: project.fps, width: project.width, height: project.height }, visualOf: await visualsOf(b), cues: run.artifacts.cues ?? [], captionStyle, soundtrack: run.artifacts.soundtrackAsset ?? null, brand });
    const current = new Map((await listFiles(db, projectId)).map((f) => [f.path, f.content]));
    const { files, error } = autopilotFiles(plan, current, AUTOPILOT_COMPONENT);
    const changes = Object.entries(files).filter(([p, c]) => current.get(p) !== c).map(([path, content]) => ({ path, content }));
    if (changes.length) {
      const result = await applyFileChanges(db, projectId, changes);
      if (!result.ok) throw new Error(`The video could not be written to the code: ${result.message}`);
    }
    if (error) throw new Error(error);
    return plan;
  };

  const handlers: StepHandlers = {
    async script({ run, signal }) {
      const written = await scriptFromTopic(run.topic, run.options, { offline: run.offline, signal });
      if (!written.ok) return { ok: false, message: written.message };
      const { script, note } = written.value;
      return { ok: true, summary: `“${script.title}”: ${script.scenes.length} scenes${script.source === 'template' ? ' (offline outline)' : ''}`, artifacts: { script, ...(note ? { scriptNote: note } : { scriptNote: undefined }) } };
    },

    async scenes({ run }) {
      const script = run.artifacts.script;
      if (!script) return { ok: false, message: 'There is no script yet: run the Script step first.' };
      const next = scriptToStoryboard(script, await board(), newId);
      await saveStoryboard(db, projectId, next);
      return { ok: true, summary: `${next.scenes.length} scenes on the storyboard, ${Math.round(boardDurationS(next))} s` };
    },

    async visuals({ run, progress, signal }) {
      let b = await board();
      const pick = await visualsOf(b);
      const assets = (await listAssets(db, projectId)).filter((a) => !a.name.startsWith('.director/') && !a.name.startsWith(`${VOICE_DIR}/`) && !a.name.startsWith('renders/') && !a.name.startsWith('brand/'));
      const project = await getProject(db, projectId);
      const orientation = project && project.height > project.width ? 'portrait' : 'landscape';
      const use = (sceneId: string, assetId: string) => {
        b = { ...b, scenes: b.scenes.map((s) => (s.id === sceneId ? { ...s, clips: s.clips.map((c, j) => (j === 0 ? { ...c, mediaAssetId: assetId } : c)) } : s)) };
      };
      // Stock search is tried while it works: a missing key or no edge ends it for the run, with the reason.
      let stockNote = run.offline ? '' : null as string | null;
      const counts = { footage: 0, own: 0, stock: 0, designed: 0 };
      for (const [i, scene] of b.scenes.entries()) {
        progress(i / Math.max(1, b.scenes.length));
        const clip = scene.clips[0];
        if (!clip) continue;
        if (pick(clip.id)) {
          counts.footage++;
          continue;
        }
        const [best] = suggestAssets([scene.narration, scene.onScreenText, clip.prompt].join(' '), assets, 1);
        if (best && best.score >= AUTO_PICK_SCORE) {
          use(scene.id, best.assetId);
          counts.own++;
          continue;
        }
        if (stockNote === null) {
          try {
            const found = await stockClipFor(clip.prompt, orientation, signal);
            if (found) {
              use(scene.id, (await importStockClip(db, projectId, found, signal)).id);
              counts.stock++;
              continue;
            }
          } catch (e) {
            if (!(e instanceof EdgeCallError)) throw e;
            stockNote = e.code === 'not_configured' ? 'stock search needs a key at the edge (PEXELS_API_KEY or PIXABAY_API_KEY)' : `stock search failed: ${e.message}`;
          }
        }
        counts.designed++;
      }
      await saveStoryboard(db, projectId, b);
      const parts = [counts.footage && `${counts.footage} with footage`, counts.own && `${counts.own} from your assets`, counts.stock && `${counts.stock} stock clips`, counts.designed && `${counts.designed} designed`].filter(Boolean).join(', ') || 'no scenes';
      return { ok: true, summary: stockNote ? `${parts} (${stockNote})` : parts };
    },

    async voiceover({ run, progress, signal }) {
      const b = await board();
      const narration: SceneNarration[] = [];
      const spoken = b.scenes.filter((s) => s.narration?.trim());
      for (const [i, scene] of spoken.entries()) {
        progress(i / spoken.length);
        const audio = await media.narrate(scene.narration!, run.voice, signal);
        const assetName = await putAsset(`${VOICE_DIR}/voice-${i + 1}.wav`, audio.wav);
        narration.push({ sceneId: scene.id, assetName, durationS: audio.durationS, words: audio.words });
      }
      const fitted = fitScenesToNarration(b, narration);
      await saveStoryboard(db, projectId, fitted);
      const total = narration.reduce((n, x) => n + x.durationS, 0);
      return { ok: true, summary: `${narration.length} scenes spoken (${run.voice.provider} voice “${run.voice.voice}”), ${total.toFixed(1)} s`, artifacts: { narration } };
    },

    async subtitles({ run }) {
      const cues: SubtitleCue[] = videoCues(await board(), run.artifacts.narration ?? [], (words) => buildCues(words));
      return { ok: true, summary: `${cues.length} subtitle cues`, artifacts: { cues } };
    },

    async mix({ run, signal }) {
      const b = await board();
      const narration = run.artifacts.narration ?? [];
      const starts = new Map<string, number>();
      let t = 0;
      for (const s of b.scenes) starts.set(s.id, t), (t += s.clips.reduce((n, c) => n + c.cutSeconds, 0));
      const assets = await listAssets(db, projectId);
      const blobOf = (name: string) => assets.find((a) => a.name === name)?.blob;
      const voice = narration.flatMap((n) => {
        const blob = blobOf(n.assetName);
        return blob ? [{ audio: blob, atS: starts.get(n.sceneId) ?? 0, gainDb: 0 }] : [];
      });
      const musicAsset = run.musicAssetId ? assets.find((a) => a.id === run.musicAssetId) : b.music ? assets.find((a) => a.id === b.music!.assetId) : undefined;
      const result = await media.renderSoundtrack(
        { durationS: Math.max(1, t), voice, clipAudio: [], ...(musicAsset ? { music: { audio: musicAsset.blob, atS: 0, gainDb: -6, fadeInS: 1, fadeOutS: 2 } } : {}), ducking: { depthDb: 12, attackS: 0.15, releaseS: 0.5 }, targetLufs: -14, truePeakCeilingDbtp: -1 },
        signal,
      );
      const soundtrackAsset = await putAsset(`${VOICE_DIR}/soundtrack.wav`, result.wav);
      return {
        ok: true,
        summary: `Soundtrack ${result.after.integratedLufs.toFixed(1)} LUFS, peak ${result.after.truePeakDbtp.toFixed(1)} dBTP${musicAsset ? ', music ducked under the voice' : ''}`,
        artifacts: { soundtrackAsset, loudness: { beforeLufs: result.before.integratedLufs, afterLufs: result.after.integratedLufs, truePeakDbtp: result.after.truePeakDbtp } },
      };
    },

    async render({ run, progress, signal }) {
      const plan = await writeVideo(run);
      const files = await listFiles(db, projectId);
      const assets = (await listAssets(db, projectId)).filter((a) => !a.name.startsWith('.director/'));
      const out = await bundlerWorker().call('build', [`autopilot:${projectId}`, files.map((f) => [f.path, f.content]), assets.map((a) => a.name)]);
      if (!out.ok) return { ok: false, message: `The project does not build: ${out.errors.slice(0, 2).map(formatDiagnostic).join('; ')}` };
      const compositions = await sandbox.get().load(out.code, assets.map((a) => ({ name: a.name, blob: a.blob })));
      const comp = compositions.find((c) => c.id === AUTOPILOT_COMPOSITION_ID);
      if (!comp) return { ok: false, message: `The project has no ${AUTOPILOT_COMPOSITION_ID} composition after writing it (it has ${compositions.map((c) => c.id).join(', ') || 'none'}).` };
      const id = newId();
      await saveRender(db, { id, projectId, compositionId: comp.id, where: 'browser', container: 'mp4', state: 'rendering', progress: 0, width: comp.width, height: comp.height, frames: comp.durationInFrames, createdAt: Date.now() });
      const started = performance.now();
      const job = sandbox.get().render(comp.id, comp.defaultProps, 'mp4', (p) => progress(p.progress));
      const onAbort = () => job.cancel();
      signal.addEventListener('abort', onAbort);
      try {
        const blob = await job.promise;
        const asset = await addAsset(db, projectId, `renders/${AUTOPILOT_COMPOSITION_ID}.mp4`, new Blob([blob], { type: 'video/mp4' }));
        await updateRender(db, id, { state: 'done', progress: 1, assetId: asset.id, bytes: blob.size, ms: Math.round(performance.now() - started), finishedAt: Date.now() });
        const seconds = comp.durationInFrames / comp.fps;
        return { ok: true, summary: `${asset.name}: ${seconds.toFixed(1)} s, ${comp.width}×${comp.height}, ${plan.scenes.length} scenes`, artifacts: { renderAssetId: asset.id } };
      } catch (e) {
        await updateRender(db, id, { state: signal.aborted ? 'cancelled' : 'failed', error: (e as Error).message, finishedAt: Date.now() });
        throw e;
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
  };
  // writeVideo: after an edit (cue text, caption style, brand kit) the composition is rewritten without a render.
  return { handlers, writeVideo, dispose: () => sandbox.dispose() };
}
