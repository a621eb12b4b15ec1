import { describe, expect, it } from 'vitest';
import { diffFiles } from '../../src/core/project/diff-files';
import { listFiles, replaceFiles, writeFile } from '../../src/db/files-repo';
import { createProject } from '../../src/db/projects-repo';
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
