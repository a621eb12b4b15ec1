import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeDexieWorkspace } from '../../src/app/agent/dexie-workspace';
import { makeAgentSession } from '../../src/core/agent/agent-session';
import { makeScriptedProvider } from '../../src/core/agent/provider/scripted-provider';
import { templateById } from '../../src/core/templates';
import { saveCompositionProps, loadCompositionProps } from '../../src/db/composition-props-repo';
import { replaceFiles } from '../../src/db/files-repo';
import { createProject, getProject } from '../../src/db/projects-repo';
import { buildChecker, makeHarness } from '../core/agent/harness';
import { freshDb } from './test-db';

vi.setConfig({ testTimeout: 30_000 });
beforeAll(() => buildChecker.check({ files: new Map([['src/index.ts', 'export {};']]), assetNames: new Set() }), 60_000);
afterAll(() => buildChecker.dispose());

describe('undoing an agent turn in the app database', () => {
  it('restores the settings and composition props the turn changed, not only the files', async () => {
    const { db } = freshDb();
    const project = await createProject(db, { name: 'Brew', width: 1280, height: 720, fps: 25 });
    if (!project.ok) throw new Error(project.message);
    const id = project.value.id;
    await replaceFiles(db, id, templateById('explainer')!.files({ name: 'Brew', width: 1280, height: 720, fps: 25 }));
    await saveCompositionProps(db, id, 'Explainer', { title: 'Before' });
    const { signal: _signal, workspace: _memory, ...ports } = makeHarness().ctx;
    const workspace = makeDexieWorkspace(db, id);
    const model = makeScriptedProvider([
      { calls: [{ name: 'scaffold_project', args: { template: 'explainer', name: 'Brew', width: 1920, height: 1080, fps: 30, replace: true } }] },
      { text: 'Now 1920×1080 at 30 fps.' },
    ]);
    const session = makeAgentSession({ ...ports, workspace, model });
    const turn = await session.send('Make it full HD');
    expect(turn.status).toBe('clean');
    // The person also edits props in the props editor after the turn.
    await saveCompositionProps(db, id, 'Explainer', { title: 'After' });
    expect(await getProject(db, id)).toMatchObject({ width: 1920, height: 1080, fps: 30 });

    expect(await session.undoTurn(turn.id)).toMatchObject({ ok: true });
    expect(await getProject(db, id)).toMatchObject({ width: 1280, height: 720, fps: 25 });
    expect(await loadCompositionProps(db, id, 'Explainer')).toEqual({ title: 'Before' });
    // The undo itself is undoable: the state it replaced is a version with the new settings.
    const undone = (await db.versions.where('projectId').equals(id).toArray()).find((v) => v.label.startsWith('Before undoing'))!;
    expect(undone.settings).toEqual({ width: 1920, height: 1080, fps: 30 });
  });
});
