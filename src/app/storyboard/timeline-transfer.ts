import type { Asset } from '../../core/project/records';
import { storyboardToCut, type ExportMedia } from '../../core/storyboard/storyboard-timeline';
import type { Storyboard } from '../../core/storyboard/storyboard-types';
import { cutFromTimeline, type CutFromTimeline } from '../../core/timeline/cut-from-timeline';
import { rateFromNumber } from '../../core/timeline/frame-rate';
import { readTimeline } from '../../core/timeline/read-timeline';
import type { TimelineFormat } from '../../core/timeline/timeline-format';
import { timelineFromCut } from '../../core/timeline/timeline-from-cut';
import { packTimelineZip, readTimelineZip } from '../../core/timeline/timeline-zip';
import { listAssets } from '../../db/assets-repo';
import { uploadMedia } from '../assets/upload-media';
import { db } from '../db';
import { downloadBlob } from '../render/download-blob';

const baseName = (name: string) => name.split('/').pop() || name;

/**
 * Exports the storyboard's cut for an editor: a zip with the timeline in `format` and the media it
 * plays under media/ (file names made unique), downloaded. Clips with nothing to play are left out.
 */
export async function exportStoryboardTimeline(
  projectId: string,
  board: Storyboard,
  size: { name: string; fps: number; width: number; height: number },
  format: TimelineFormat,
  videoAssetOf: (clipId: string) => string | null,
  music: { assetId: string; durationSeconds: number } | null,
): Promise<{ ok: true; message: string } | { ok: false; message: string }> {
  const assets = new Map((await listAssets(db, projectId)).map((a) => [a.id, a]));
  const names = new Map<string, string>();
  const used = new Set<string>();
  const mediaNameOf = (asset: Asset) => {
    let name = names.get(asset.id);
    if (name) return name;
    name = baseName(asset.name);
    for (let i = 2; used.has(name.toLowerCase()); i++) name = baseName(asset.name).replace(/(\.[^.]*)?$/, `-${i}$1`);
    used.add(name.toLowerCase());
    names.set(asset.id, name);
    return name;
  };
  const mediaOf = (clipId: string): ExportMedia | null => {
    const asset = assets.get(videoAssetOf(clipId) ?? '');
    return asset ? { mediaName: mediaNameOf(asset) } : null;
  };
  const musicAsset = music ? assets.get(music.assetId) : undefined;
  const { cut, leftOut } = storyboardToCut(board, size, mediaOf, musicAsset ? { mediaName: mediaNameOf(musicAsset), durationSeconds: music!.durationSeconds } : null);
  if (!cut.clips.length) return { ok: false, message: 'No clip has a take or footage yet: generate the clips, then export the timeline.' };
  const media = await Promise.all([...names].map(async ([id, name]) => ({ name, bytes: new Uint8Array(await assets.get(id)!.blob.arrayBuffer()) })));
  const { bytes, fileName, warnings } = packTimelineZip({ timeline: timelineFromCut(cut), format, media });
  downloadBlob(new Blob([bytes as BlobPart], { type: 'application/zip' }), fileName);
  const notes = [leftOut ? `${leftOut} clip${leftOut === 1 ? '' : 's'} without a take left out.` : '', ...warnings].filter(Boolean);
  return { ok: true, message: `Exported ${cut.clips.length} clips as ${fileName}.${notes.length ? ` ${notes.join(' ')}` : ''}` };
}

export interface ImportedTimeline {
  cut: CutFromTimeline;
  /** Media name → asset id: media that came in the zip (stored now) or assets of the project with that file name. */
  assetIdOf: (mediaName: string) => string | undefined;
  notes: string[];
}

/**
 * Reads a timeline file (.fcpxml, .edl, .otio, .xml, our .json) or an export zip with its media.
 * Media in the zip pass the same checks as any upload and become assets under imported/.
 */
export async function importTimelineFile(projectId: string, file: File, fps: number): Promise<{ ok: true; value: ImportedTimeline } | { ok: false; message: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const options = { edlRate: rateFromNumber(fps) };
  const read = isZip ? readTimelineZip(file.name, bytes, options) : readTimeline(file.name, new TextDecoder().decode(bytes), options);
  if (!read.ok) return { ok: false, message: read.error };
  const byName = new Map<string, string>();
  const notes = [...read.warnings];
  if (isZip && 'media' in read)
    for (const m of read.media as { name: string; bytes: Uint8Array }[]) {
      const kind = /\.(wav|mp3|m4a|aac|flac|ogg|opus)$/i.test(m.name) ? 'audio' : 'video';
      const stored = await uploadMedia(projectId, new File([m.bytes as BlobPart], m.name), kind, 'imported');
      if (stored.ok) byName.set(m.name.toLowerCase(), stored.asset.id);
      else notes.push(stored.message);
    }
  for (const a of await listAssets(db, projectId)) if (!byName.has(baseName(a.name).toLowerCase())) byName.set(baseName(a.name).toLowerCase(), a.id);
  return { ok: true, value: { cut: cutFromTimeline(read.timeline), assetIdOf: (name) => byName.get(baseName(name).toLowerCase()), notes } };
}
