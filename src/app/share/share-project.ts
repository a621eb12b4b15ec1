import { packProjectArchive } from '../../core/backup/pack-archive';
import { readProjectArchive } from '../../core/backup/read-archive';
import { svgSanitizer } from '../assets/sanitize-svg';
import { checkImportedMedia } from '../assets/check-imported-media';
import type { Project } from '../../core/project/project';
import { decryptShare, encryptForShare, shareLink } from '../../core/share/share-crypto';
import { exportProjectBundle, importProjectBundle } from '../../db/bundle-repo';
import { DEFAULT_SETTINGS, deleteSetting, loadSettings, readSetting, writeSetting } from '../../db/settings-repo';
import { db } from '../db';
import { edgeApi } from '../edge/edge-api';

export interface CreatedShare {
  link: string;
  id: string;
  deleteToken: string;
  expiresAt: string;
}

/** Packs the project, encrypts it here with a new key, uploads only the ciphertext, returns the link. */
export async function shareProject(projectId: string): Promise<CreatedShare> {
  const bundle = await exportProjectBundle(db, projectId);
  if (!bundle) throw new Error('This project no longer exists.');
  const { ciphertext, key } = await encryptForShare(packProjectArchive(bundle, 'Director share', Date.now()));
  // The body is ciphertext (not JSON), so it goes as the request's own body.
  const response = await (await edgeApi()).shares.$post({}, { headers: { 'Content-Type': 'application/octet-stream' }, init: { body: ciphertext as Uint8Array<ArrayBuffer> } });
  const created = await response.json();
  const settings = await loadSettings(db);
  // The recipient's app looks for the share at its default edge unless the link says otherwise.
  const edge = settings.edgeUrl !== DEFAULT_SETTINGS.edgeUrl ? settings.edgeUrl : undefined;
  await writeSetting(db, `share:${created.id}`, { projectId, deleteToken: created.deleteToken, expiresAt: created.expiresAt, edgeUrl: settings.edgeUrl });
  return { link: shareLink(location.origin, created.id, key, edge), ...created };
}

/** Deletes a share this browser created (its delete token was kept locally). */
export async function deleteShare(id: string): Promise<void> {
  const saved = (await readSetting(db, `share:${id}`)) as { deleteToken: string; edgeUrl: string } | undefined;
  if (!saved) throw new Error('This browser did not create that share, so it cannot delete it.');
  await (await edgeApi({ edgeUrl: saved.edgeUrl, anonymous: true })).shares[':id'].$delete({ param: { id } }, { headers: { 'X-Delete-Token': saved.deleteToken } });
  await deleteSetting(db, `share:${id}`);
}

/**
 * Opens a share: downloads the ciphertext, decrypts it with the key from the link, checks it with
 * the backup restore gate, and imports it as a new project. Any failure writes nothing.
 */
export async function openShare(id: string, key: string, edgeUrl?: string): Promise<Project> {
  const response = await (await edgeApi({ anonymous: true, ...(edgeUrl ? { edgeUrl } : {}) })).shares[':id'].$get({ param: { id } });
  const plain = await decryptShare(new Uint8Array(await response.arrayBuffer()), key);
  const read = readProjectArchive(plain, svgSanitizer);
  if (!read.ok) throw new Error(`The shared project is not valid: ${read.message}`);
  const media = await checkImportedMedia(read.value);
  if (!media.ok) throw new Error(`The shared project is not valid: ${media.message}`);
  return importProjectBundle(db, media.value);
}
