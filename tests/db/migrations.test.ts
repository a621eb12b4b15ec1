import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DirectorDb } from '../../src/db/database';
import { listProjects, renameProject } from '../../src/db/projects-repo';
import { SCHEMA_V1 } from '../../src/db/schema-versions';

describe('database migrations', () => {
  it('opens data written with the v1 schema and upgrades every project', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('director', { indexedDB, IDBKeyRange });
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('projects').bulkAdd([
      { id: 'p-old-0001', name: '  Old Film ', width: 1280, height: 720, fps: 25, createdAt: 10, updatedAt: 20 },
      { id: 'p-old-0002', name: 'Second', width: 1080, height: 1920, fps: 30, updatedAt: 30 },
    ]);
    await v1.table('files').add({ id: 'f-1', projectId: 'p-old-0001', path: 'src/index.ts', content: 'x', updatedAt: 1 });
    v1.close();

    const db = new DirectorDb('director', { indexedDB, IDBKeyRange });
    const projects = await listProjects(db);
    expect(projects.map((p) => p.id)).toEqual(['p-old-0002', 'p-old-0001']);
    expect(projects[1]).toMatchObject({ name: 'Old Film', nameKey: 'old film', trashedAt: 0, createdAt: 10, width: 1280 });
    expect(projects[0]).toMatchObject({ createdAt: 30, trashedAt: 0 });
    expect(await db.files.where('projectId').equals('p-old-0001').count()).toBe(1);
    expect((await renameProject(db, 'p-old-0001', 'Renamed', 100)).ok).toBe(true);
    expect(db.verno).toBe(5);
    db.close();
  });
});
