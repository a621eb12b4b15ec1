import type { Asset } from '../../core/project/records';
import { addAsset } from '../../db/assets-repo';
import { db } from '../db';
import { checkUpload } from './check-upload';

export type MediaUpload = { ok: true; asset: Asset; contentHash: string } | { ok: false; message: string };

/**
 * A file a person chose for a node or a storyboard slot that needs an image or an audio track:
 * checked like any upload, refused with a sentence naming the file when it is the wrong kind,
 * stored under uploads/, with a content hash (what cache keys identify it by).
 */
export async function uploadMedia(projectId: string, file: File, wanted: 'image' | 'audio' | 'video', folder = 'uploads'): Promise<MediaUpload> {
  const check = await checkUpload(file);
  const needs = wanted === 'image' ? 'a PNG, JPEG or WebP image' : wanted === 'audio' ? 'an audio file' : 'a video file';
  const reason = !check.ok ? check.reason : check.kind !== wanted ? `this needs ${needs}, not ${check.kind === 'svg' ? 'an SVG drawing' : `a ${check.kind} file`}` : null;
  if (reason || !check.ok) return { ok: false, message: `Could not use “${file.name}”: ${reason}.` };
  const bytes = await check.blob.arrayBuffer();
  const contentHash = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  const asset = await addAsset(db, projectId, `${folder}/${file.name}`, check.blob);
  return { ok: true, asset, contentHash };
}
