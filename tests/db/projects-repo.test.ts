import { describe, expect, it } from 'vitest';
import { packProjectArchive } from '../../src/core/backup/pack-archive';
import { readProjectArchive } from '../../src/core/backup/read-archive';
import { makeTestSvgSanitizer } from '../../src/core/agent/testing/test-svg-sanitizer';
import { exportProjectBundle, importProjectBundle } from '../../src/db/bundle-repo';
import {
  createProject,
  duplicateProject,
  getProject,
  listProjects,
  purgeTrashed,
  renameProject,
  restoreProject,
  trashProject,
  updateProject,
} from '../../src/db/projects-repo';
import { PNG_1PX, sampleBundle } from '../fixtures/bundles';
import { freshDb } from './test-db';

const input = { name: 'Trailer', width: 1920, height: 1080, fps: 30 };

async function created(db: ReturnType<typeof freshDb>['db']) {
  const r = await createProject(db, input, 1000);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('projects repository', () => {
  it('creates, lists and renames', async () => {
    const { db } = freshDb();
    const p = await created(db);
    expect(await listProjects(db)).toEqual([p]);
    const renamed = await renameProject(db, p.id, '  Teaser  ', 2000);
    expect(renamed.ok && renamed.value).toMatchObject({ name: 'Teaser', nameKey: 'teaser', updatedAt: 2000 });
    expect((await getProject(db, p.id))?.name).toBe('Teaser');
  });

  it('refuses bad input and names the field', async () => {
    const { db } = freshDb();
    const r = await createProject(db, { ...input, width: 1921 });
    expect(r).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(!r.ok && r.message).toMatch(/width must be even/);
    const p = await created(db);
    expect(await renameProject(db, p.id, '   ')).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await updateProject(db, p.id, { fps: 0 })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await renameProject(db, 'missing', 'x')).toMatchObject({ ok: false, code: 'not_found' });
    expect((await getProject(db, p.id))?.name).toBe('Trailer');
  });

  it('duplicates a project with every row, references following the new ids', async () => {
    const { db } = freshDb();
    const p = await created(db);
    await db.files.add({ id: 'file-1', projectId: p.id, path: 'src/Root.tsx', content: 'root', updatedAt: 1 });
    await db.assets.add({ id: 'asset-1', projectId: p.id, name: 'logo.png', type: 'image/png', size: PNG_1PX.length, createdAt: 1, blob: new Blob([PNG_1PX]) });
    await db.scenes.add({ id: 'scene-1', projectId: p.id });
    await db.clips.add({ id: 'clip-1', projectId: p.id, sceneId: 'scene-1', assetId: 'asset-1' });
    await db.projects.update(p.id, { thumbnailAssetId: 'asset-1' });

    const r = await duplicateProject(db, p.id, 5000);
    if (!r.ok) throw new Error(r.message);
    const copy = r.value;
    expect(copy.name).toBe('Trailer (copy)');
    expect(copy.id).not.toBe(p.id);
    const [clip] = await db.clips.where('projectId').equals(copy.id).toArray();
    const [scene] = await db.scenes.where('projectId').equals(copy.id).toArray();
    const [asset] = await db.assets.where('projectId').equals(copy.id).toArray();
    expect(clip!.sceneId).toBe(scene!.id);
    expect(clip!.assetId).toBe(asset!.id);
    expect(scene!.id).not.toBe('scene-1');
    expect(copy.thumbnailAssetId).toBe(asset!.id);
    expect(new Uint8Array(await asset!.blob.arrayBuffer())).toEqual(PNG_1PX);
    expect((await duplicateProject(db, p.id)).ok && (await listProjects(db)).map((x) => x.name).sort()).toEqual([
      'Trailer',
      'Trailer (copy 2)',
      'Trailer (copy)',
    ]);
    // The original is untouched.
    expect(await db.clips.where('projectId').equals(p.id).first()).toMatchObject({ sceneId: 'scene-1' });
  });

  it('trash hides a project, restore brings it back, purge deletes it with its rows', async () => {
    const { db } = freshDb();
    const p = await created(db);
    await db.files.add({ id: 'file-1', projectId: p.id, path: 'src/Root.tsx', content: 'root', updatedAt: 1 });
    expect(await trashProject(db, p.id, 3000)).toBe(true);
    expect(await listProjects(db)).toEqual([]);
    expect(await getProject(db, p.id)).toBeUndefined();
    expect(await restoreProject(db, p.id)).toBe(true);
    expect((await listProjects(db)).map((x) => x.id)).toEqual([p.id]);
    await trashProject(db, p.id, 3000);
    expect(await purgeTrashed(db, 2999)).toBe(0);
    expect(await purgeTrashed(db, 3001)).toBe(1);
    expect(await db.projects.count()).toBe(0);
    expect(await db.files.count()).toBe(0);
  });

  it('export -> .director.zip -> import gives an equal, independent project', async () => {
    const { db } = freshDb();
    const first = await importProjectBundle(db, sampleBundle(), 9000);
    const exported = await exportProjectBundle(db, first.id);
    const read = readProjectArchive(packProjectArchive(exported!, 'test', 1), makeTestSvgSanitizer());
    if (!read.ok) throw new Error(read.message);
    const second = await importProjectBundle(db, read.value, 9500);
    expect(second.name).toBe('Launch film (copy)');
    expect(second).toMatchObject({ width: 1920, height: 1080, fps: 30 });
    const files = await db.files.where('projectId').equals(second.id).sortBy('path');
    expect(files.map((f) => [f.path, f.content])).toEqual(sampleBundle().files.map((f) => [f.path, f.content]).sort());
    const [asset] = await db.assets.where('projectId').equals(second.id).toArray();
    expect(new Uint8Array(await asset!.blob.arrayBuffer())).toEqual(PNG_1PX);
    const [clip] = await db.clips.where('projectId').equals(second.id).toArray();
    const [scene] = await db.scenes.where('projectId').equals(second.id).toArray();
    expect(clip).toMatchObject({ sceneId: scene!.id, assetId: asset!.id });
    const [version] = await db.versions.where('projectId').equals(second.id).toArray();
    expect(version).toMatchObject({ label: 'First cut', files: [{ path: 'src/Root.tsx', content: 'v1' }] });
    // No row is shared between the two copies.
    const firstIds = new Set((await db.clips.where('projectId').equals(first.id).toArray()).map((c) => c.id));
    expect(firstIds.has(clip!.id)).toBe(false);
  });
});

describe('canvas graphs travel with their project', () => {
  it('a saved graph survives backup export/import and duplication, found again by project', async () => {
    const { loadGraph, saveGraph } = await import('../../src/db/graphs-repo');
    const { db } = freshDb();
    const p = await created(db);
    const graph = { nodes: [{ id: 'n-prompt-01', kind: 'prompt', params: { text: 'hi' }, position: { x: 1, y: 2 } }], edges: [], groups: [] };
    await saveGraph(db, p.id, graph);
    await saveGraph(db, p.id, graph); // saving again updates the one row
    expect(await db.graphs.where('projectId').equals(p.id).count()).toBe(1);

    const read = readProjectArchive(packProjectArchive((await exportProjectBundle(db, p.id))!, 'test', 1), makeTestSvgSanitizer());
    if (!read.ok) throw new Error(read.message); // the row passes the restore gate
    const imported = await importProjectBundle(db, read.value);
    expect(await loadGraph(db, imported.id)).toEqual(graph);

    const copy = await duplicateProject(db, p.id);
    if (!copy.ok) throw new Error(copy.message);
    expect(await loadGraph(db, copy.value.id)).toEqual(graph);
  });
});

describe('storyboards travel with their project', () => {
  it('a saved storyboard survives backup export/import and duplication, its asset references following the new ids', async () => {
    const { loadStoryboard, saveStoryboard } = await import('../../src/db/storyboard-repo');
    const { addAsset } = await import('../../src/db/assets-repo');
    const { addClip, addScene, emptyStoryboard } = await import('../../src/core/storyboard');
    const { db } = freshDb();
    const p = await created(db);
    const photo = await addAsset(db, p.id, 'uploads/mara.png', new Blob([PNG_1PX], { type: 'image/png' }));
    let board = { ...emptyStoryboard(), characters: [{ id: 'mara', name: 'Mara', description: 'red coat', photoAssetIds: [photo.id] }] };
    board = addClip(addScene(board, { id: 'scene-1', title: 'Arrival' }), 'scene-1', { id: 'clip-1', prompt: 'The pier', characterIds: ['mara'] });
    await saveStoryboard(db, p.id, board);
    await saveStoryboard(db, p.id, board); // one row per project
    expect(await db.storyboards.where('projectId').equals(p.id).count()).toBe(1);

    const read = readProjectArchive(packProjectArchive((await exportProjectBundle(db, p.id))!, 'test', 1), makeTestSvgSanitizer());
    if (!read.ok) throw new Error(read.message);
    const imported = await importProjectBundle(db, read.value);
    const restored = await loadStoryboard(db, imported.id);
    expect(restored.problem).toBeUndefined();
    const newPhoto = (await db.assets.where('projectId').equals(imported.id).first())!;
    expect(newPhoto.id).not.toBe(photo.id);
    expect(restored.board).toEqual({ ...board, characters: [{ ...board.characters[0]!, photoAssetIds: [newPhoto.id] }] });

    const copy = await duplicateProject(db, p.id);
    if (!copy.ok) throw new Error(copy.message);
    expect((await loadStoryboard(db, copy.value.id)).board.scenes[0]!.clips[0]!.prompt).toBe('The pier');
  });

  it('an unreadable stored storyboard opens empty with the reason', async () => {
    const { loadStoryboard } = await import('../../src/db/storyboard-repo');
    const { db } = freshDb();
    const p = await created(db);
    await db.storyboards.put({ id: 'x', projectId: p.id, board: { version: 1, scenes: [{ id: 's', clips: 'oops' }] }, updatedAt: 1 });
    const loaded = await loadStoryboard(db, p.id);
    expect(loaded.board.scenes).toEqual([]);
    expect(loaded.problem).toMatch(/could not be read \(scenes\.0\.clips/);
  });
});
