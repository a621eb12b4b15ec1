import { describe, expect, it } from 'vitest';
import { startExistingProject, startNewProject } from '../../src/app/start-project';
import { beatCutMontageWorkflow, characterThreeShotsWorkflow } from '../../src/core/graph/starter-workflows';
import { createProject } from '../../src/db/projects-repo';
import { listFiles, writeFile } from '../../src/db/files-repo';
import { loadGraph } from '../../src/db/graphs-repo';
import { freshDb } from './test-db';

/** Records what would go to the Director chat instead of session storage (there is none in Node). */
function promptQueue() {
  const queued: [string, string][] = [];
  return { queued, queuePrompt: (id: string, prompt: string) => void queued.push([id, prompt]) };
}

describe('starting a project without writing code', () => {
  it('a prompt makes a project named and sized from it, queues the prompt for its Director and opens the Code view', async () => {
    const { db } = freshDb();
    const { queued, queuePrompt } = promptQueue();
    const started = await startNewProject(db, { kind: 'prompt', prompt: '  A vertical teaser for our bakery, warm light ' }, { queuePrompt });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(started.value.path).toBe(`/projects/${started.value.projectId}/code`);
    expect(await db.projects.get(started.value.projectId)).toMatchObject({ name: 'Vertical teaser for our bakery', width: 1080, height: 1920, fps: 30 });
    expect(queued).toEqual([[started.value.projectId, 'A vertical teaser for our bakery, warm light']]);
    expect(await listFiles(db, started.value.projectId)).toEqual([]);
  });

  it('refuses an empty prompt and creates nothing', async () => {
    const { db } = freshDb();
    const { queued, queuePrompt } = promptQueue();
    const started = await startNewProject(db, { kind: 'prompt', prompt: '   ' }, { queuePrompt });
    expect(started).toMatchObject({ ok: false, code: 'empty_prompt' });
    expect(await db.projects.count()).toBe(0);
    expect(queued).toEqual([]);
  });

  it('a template makes a project with that template’s code in its size, opened in the Code view', async () => {
    const { db } = freshDb();
    const started = await startNewProject(db, { kind: 'template', templateId: 'explainer' });
    if (!started.ok) throw new Error(started.message);
    expect(started.value.path).toMatch(/\/code$/);
    const files = await listFiles(db, started.value.projectId);
    expect(files.map((f) => f.path).sort()).toEqual(['src/Explainer.tsx', 'src/Root.tsx', 'src/components/ProgressBar.tsx', 'src/index.ts', 'src/scenes/Intro.tsx', 'src/scenes/Step.tsx', 'src/scenes/Summary.tsx']);
    expect(files.find((f) => f.path === 'src/Root.tsx')!.content).toContain('title: "Explainer"');
    expect(await db.projects.get(started.value.projectId)).toMatchObject({ name: 'Explainer', width: 1920, height: 1080 });
  });

  it('a canvas starter makes a project with its graph, and the code its Composition node renders, opened on the Canvas', async () => {
    const { db } = freshDb();
    const montage = await startNewProject(db, { kind: 'starter', starterName: beatCutMontageWorkflow.name });
    if (!montage.ok) throw new Error(montage.message);
    expect(montage.value.path).toMatch(/\/canvas$/);
    const graph = await loadGraph(db, montage.value.projectId);
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(beatCutMontageWorkflow.graph.nodes.map((n) => n.id).sort());
    expect(graph.edges).toHaveLength(beatCutMontageWorkflow.graph.edges.length);
    expect((await listFiles(db, montage.value.projectId)).map((f) => f.path)).toContain('src/BeatMontage.tsx');

    const shots = await startNewProject(db, { kind: 'starter', starterName: characterThreeShotsWorkflow.name });
    if (!shots.ok) throw new Error(shots.message);
    expect((await loadGraph(db, shots.value.projectId)).nodes).toHaveLength(characterThreeShotsWorkflow.graph.nodes.length);
    expect(await listFiles(db, shots.value.projectId)).toEqual([]); // no Composition node, no code needed
  });

  it('says which choice does not exist', async () => {
    const { db } = freshDb();
    expect(await startNewProject(db, { kind: 'template', templateId: 'storyboard' })).toMatchObject({ ok: false, code: 'unknown_choice', message: 'There is no template “storyboard”.' });
    expect(await startNewProject(db, { kind: 'starter', starterName: 'Nope' })).toMatchObject({ ok: false, code: 'unknown_choice' });
    expect(await db.projects.count()).toBe(0);
  });

  it('an existing empty project takes a template, a starter or a prompt, in its own size; code it already has is never overwritten', async () => {
    const { db } = freshDb();
    const created = await createProject(db, { name: 'Square one', width: 1080, height: 1080, fps: 25 });
    if (!created.ok) throw new Error(created.message);
    const id = created.value.id;
    const { queued, queuePrompt } = promptQueue();

    expect(await startExistingProject(db, id, { kind: 'prompt', prompt: 'a cat video' }, { queuePrompt })).toEqual({ ok: true, value: { projectId: id, path: `/projects/${id}/code` } });
    expect(queued).toEqual([[id, 'a cat video']]);

    const applied = await startExistingProject(db, id, { kind: 'template', templateId: 'basic' });
    expect(applied.ok).toBe(true);
    const root = (await listFiles(db, id)).find((f) => f.path === 'src/Root.tsx')!.content;
    expect(root).toContain('width={1080}');
    expect(root).toContain('fps={25}');
    expect(root).toContain('title: "Square one"');

    await writeFile(db, id, 'src/Main.tsx', '// mine');
    const again = await startExistingProject(db, id, { kind: 'template', templateId: 'explainer' });
    expect(again).toMatchObject({ ok: false, code: 'not_empty' });
    expect((await listFiles(db, id)).find((f) => f.path === 'src/Main.tsx')!.content).toBe('// mine');
    expect(await startExistingProject(db, 'missing', { kind: 'template', templateId: 'basic' })).toMatchObject({ ok: false, code: 'not_found' });
  });
});
