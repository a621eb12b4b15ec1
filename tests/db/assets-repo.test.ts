import { describe, expect, it } from 'vitest';
import { addAsset, findAssetByName, getAsset, listAssets, putAssetSetting, putBackAsset, removeAsset, renameAssetIfFree } from '../../src/db/assets-repo';
import { createProject } from '../../src/db/projects-repo';
import { readSetting } from '../../src/db/settings-repo';
import { freshDb } from './test-db';

async function projectWithAssets() {
  const { db } = freshDb();
  const p = await createProject(db, { name: 'A', width: 1920, height: 1080, fps: 30 });
  if (!p.ok) throw new Error(p.message);
  const logo = await addAsset(db, p.value.id, 'logo.png', new Blob(['png'], { type: 'image/png' }));
  const music = await addAsset(db, p.value.id, 'music.mp3', new Blob(['mp3'], { type: 'audio/mpeg' }));
  return { db, projectId: p.value.id, logo, music };
}

describe('assets repository', () => {
  it('renames only to a free name', async () => {
    const { db, projectId, logo } = await projectWithAssets();
    expect(await renameAssetIfFree(db, logo, 'music.mp3')).toBe(false);
    expect((await getAsset(db, logo.id))?.name).toBe('logo.png');
    expect(await renameAssetIfFree(db, logo, 'brand.png')).toBe(true);
    expect((await findAssetByName(db, projectId, 'brand.png'))?.id).toBe(logo.id);
  });

  it('removes an asset with its settings row, and puts both back under a free name', async () => {
    const { db, projectId, logo } = await projectWithAssets();
    await putAssetSetting(db, logo.id, { key: `analysis:${logo.id}`, value: { beats: 4 } });
    const removed = await removeAsset(db, logo.id, `analysis:${logo.id}`);
    expect(removed?.asset.id).toBe(logo.id);
    expect(await getAsset(db, logo.id)).toBeUndefined();
    expect(await readSetting(db, `analysis:${logo.id}`)).toBeUndefined();
    await addAsset(db, projectId, 'logo.png', new Blob(['other']));
    expect(await putBackAsset(db, removed!)).toBe('logo-2.png');
    expect((await getAsset(db, logo.id))?.name).toBe('logo-2.png');
    expect(await readSetting(db, `analysis:${logo.id}`)).toEqual({ beats: 4 });
    expect(await removeAsset(db, 'no-such-asset', 'x')).toBeNull();
  });

  it('writes an asset setting only while the asset exists', async () => {
    const { db, projectId, music } = await projectWithAssets();
    await removeAsset(db, music.id, `analysis:${music.id}`);
    await putAssetSetting(db, music.id, { key: `analysis:${music.id}`, value: 'late' });
    expect(await readSetting(db, `analysis:${music.id}`)).toBeUndefined();
    expect((await listAssets(db, projectId)).map((a) => a.name)).toEqual(expect.arrayContaining(['logo.png']));
  });
});
