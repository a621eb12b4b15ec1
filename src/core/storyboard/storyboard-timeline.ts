import type { Cut } from '../timeline/timeline-from-cut';
import type { CutFromTimeline } from '../timeline/cut-from-timeline';
import { addClip, addScene } from './storyboard-edits';
import type { Storyboard } from './storyboard-types';

/**
 * The storyboard to and from the timeline model (core/timeline): export hands an editor the cut as
 * it plays (picked takes or footage, at their cut lengths, scenes as markers, the music under it);
 * import turns an editor's timeline into scenes of clips playing the matched media.
 */

export interface ExportMedia {
  /** The file name the media get in the export's media/ folder. */
  mediaName: string;
}

export function storyboardToCut(
  board: Storyboard,
  size: { name: string; fps: number; width: number; height: number },
  mediaOf: (clipId: string) => ExportMedia | null,
  music: (ExportMedia & { durationSeconds: number }) | null,
): { cut: Cut; leftOut: number } {
  let leftOut = 0;
  const clips: Cut['clips'] = [];
  for (const scene of board.scenes)
    scene.clips.forEach((clip, i) => {
      const media = mediaOf(clip.id);
      if (!media) return void leftOut++;
      clips.push({
        name: `${scene.title} ${i + 1}`,
        mediaName: media.mediaName,
        durationFrames: Math.max(1, Math.round(clip.cutSeconds * size.fps)),
        sourceInFrames: Math.round((clip.sourceInSeconds ?? 0) * size.fps),
        scene: scene.title,
      });
    });
  const audio = music ? [{ name: 'Music', mediaName: music.mediaName, durationFrames: Math.min(Math.round(music.durationSeconds * size.fps), clips.reduce((n, c) => n + c.durationFrames, 0)) }] : [];
  return { cut: { name: size.name, fps: size.fps, width: size.width, height: size.height, clips, ...(audio.length && audio[0]!.durationFrames > 0 ? { audio } : {}) }, leftOut };
}

/**
 * Appends an imported timeline's scenes to `board`; each clip plays the asset its media name
 * matches (`assetIdOf`), or shows the name as missing until relinked.
 */
export function appendImportedCut(board: Storyboard, cut: CutFromTimeline, assetIdOf: (mediaName: string) => string | undefined, newId: () => string): { board: Storyboard; clips: number; missing: string[] } {
  let next = board;
  const missing = new Set<string>();
  let clips = 0;
  for (const scene of cut.scenes) {
    const sceneId = newId();
    next = addScene(next, { id: sceneId, title: scene.title.slice(0, 200) || `Scene ${next.scenes.length + 1}` });
    for (const clip of scene.clips) {
      const assetId = assetIdOf(clip.mediaName);
      if (!assetId) missing.add(clip.mediaName);
      const seconds = Math.max(0.1, Math.min(60, clip.duration));
      next = addClip(next, sceneId, {
        id: newId(),
        prompt: clip.name.slice(0, 4000),
        cutSeconds: Math.round(seconds * 1000) / 1000,
        mediaName: clip.mediaName.slice(0, 300),
        ...(assetId ? { mediaAssetId: assetId } : {}),
        ...(clip.sourceIn > 0 ? { sourceInSeconds: clip.sourceIn } : {}),
      });
      clips++;
    }
  }
  return { board: next, clips, missing: [...missing] };
}
