import { describe, expect, it } from 'vitest';
import { diffFiles } from '../../src/core/project/diff-files';
import { listFiles, replaceFiles, writeFile } from '../../src/db/files-repo';
import { createProject, getProject, updateProject } from '../../src/db/projects-repo';
import { loadCompositionProps, saveCompositionProps } from '../../src/db/composition-props-repo';
import { loadProjectStyle, saveProjectStyle } from '../../src/db/project-style-repo';
import { deleteVersion, listVersions, restoreVersion, saveVersion } from '../../src/db/versions-repo';
import { PNG_1PX } from '../fixtures/bundles';
import { freshDb } from './test-db';

async function projectWithFiles() {
  const { db } = freshDb();
  const p = await createProject(db, { name: 'V', width: 1920, height: 1080, fps: 30 });
  if (!p.ok) throw new Error(p.message);
  await replaceFiles(db, p.value.id, { 'src/index.ts': 'index', 'src/Root.tsx': 'root v1' }, 1000);
  return { db, id: p.value.id };
}

const contents = async (db: ReturnType<typeof freshDb>['db'], id: string) => Object.fromEntries((await listFiles(db, id)).map((f) => [f.path, f.content]));

describe('versions', () => {
  it('keep and restore the settings, the style and the composition props with the files', async () => {
    const { db, id } = await projectWithFiles();
    await saveCompositionProps(db, id, 'Main', { title: 'Hello' });
    await saveProjectStyle(db, id, { palette: { accent: '#f59e0b' } });
    const v1 = await saveVersion(db, id, 'Settled', undefined, 2000);
    await updateProject(db, id, { width: 1280, height: 720, fps: 25 });
    await saveCompositionProps(db, id, 'Main', { title: 'Changed' });
    await saveCompositionProps(db, id, 'Teaser', { title: 'New' });
    await saveProjectStyle(db, id, null);
    await restoreVersion(db, id, v1.id, 3000);
    expect(await getProject(db, id)).toMatchObject({ name: 'V', width: 1920, height: 1080, fps: 30 });
    expect(await loadCompositionProps(db, id, 'Main')).toEqual({ title: 'Hello' });
    expect(await loadCompositionProps(db, id, 'Teaser')).toEqual({});
    expect(await loadProjectStyle(db, id)).toEqual({ palette: { accent: '#f59e0b' } });

    // A version from before these were kept, or one whose values fail their checks (a backup), leaves them alone.
    await db.versions.put({ ...v1, id: 'old-version', settings: { width: 7, height: 720, fps: 25 }, style: undefined, compositionProps: undefined });
    await restoreVersion(db, id, 'old-version', 4000);
    expect(await getProject(db, id)).toMatchObject({ width: 1920, height: 1080, fps: 30 });
    expect(await loadCompositionProps(db, id, 'Main')).toEqual({ title: 'Hello' });
  });

  it('saves, lists newest first, restores, and the restore is itself undoable', async () => {
    const { db, id } = await projectWithFiles();
    const v1 = await saveVersion(db, id, 'First cut', new Blob([PNG_1PX], { type: 'image/png' }), 2000);
    expect(v1.files).toEqual([{ path: 'src/Root.tsx', content: 'root v1' }, { path: 'src/index.ts', content: 'index' }]);
    expect(v1.thumbnailAssetId).toBeTruthy();
    await writeFile(db, id, 'src/Root.tsx', 'root v2');
    await writeFile(db, id, 'src/Extra.tsx', 'extra');
    await saveVersion(db, id, 'Second', undefined, 3000);
    expect((await listVersions(db, id)).map((v) => v.label)).toEqual(['Second', 'First cut']);

    const before = await restoreVersion(db, id, v1.id, 4000);
    expect(await contents(db, id)).toEqual({ 'src/index.ts': 'index', 'src/Root.tsx': 'root v1' });
    expect(before.label).toBe('Before restoring “First cut”');
    await restoreVersion(db, id, before.id, 5000); // undo the restore
    expect(await contents(db, id)).toEqual({ 'src/index.ts': 'index', 'src/Root.tsx': 'root v2', 'src/Extra.tsx': 'extra' });

    await deleteVersion(db, v1.id);
    expect(await db.assets.get(v1.thumbnailAssetId as string)).toBeUndefined();
    await expect(restoreVersion(db, id, v1.id)).rejects.toThrow(/no version/);
  });

  it('diffs two trees per file', () => {
    const before = new Map([['a.ts', 'one\ntwo\nthree\n'], ['gone.ts', 'x\n']]);
    const after = new Map([['a.ts', 'one\n2\nthree\n'], ['new.ts', 'y\n']]);
    const diff = diffFiles(before, after);
    expect(diff.map((d) => [d.path, d.status, d.added, d.removed])).toEqual([
      ['a.ts', 'modified', 1, 1],
      ['gone.ts', 'removed', 0, 1],
      ['new.ts', 'added', 1, 0],
    ]);
    expect(diff[0]!.hunks[0]!.lines).toEqual([' one', '-two', '+2', ' three']);
    expect(diffFiles(before, before)).toEqual([]);
  });
});
