import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPTION_STYLE, DEFAULT_SCRIPT_OPTIONS, finishStep, initialSteps, restoreAutopilotRun, startStep, emptyBrandKit, type AutopilotRun } from '../../src/core/autopilot';
import { loadAutopilotRun, saveAutopilotRun } from '../../src/db/autopilot-repo';
import { deleteBrandKit, listBrandKits, loadBrandKit, saveBrandKit } from '../../src/db/brand-kits-repo';
import { createProject, duplicateProject } from '../../src/db/projects-repo';
import { freshDb } from './test-db';

const run = (id: string, projectId: string): AutopilotRun => ({
  id,
  projectId,
  topic: 'owls',
  options: DEFAULT_SCRIPT_OPTIONS,
  offline: true,
  voice: { provider: 'offline', voice: 'en-us', speed: 1, pitch: 0 },
  captionStyle: DEFAULT_CAPTION_STYLE,
  steps: initialSteps(),
  artifacts: { cues: [{ startS: 0, endS: 1.5, text: 'Owls hunt at night.', words: [{ text: 'Owls', startS: 0, endS: 0.4 }] }] },
  createdAt: 1,
  updatedAt: 1,
});

describe('Auto-pilot runs in IndexedDB (v6)', () => {
  it('keeps one run per project, read back as saved, and travels with a duplicate', async () => {
    const { db } = freshDb();
    const project = await createProject(db, { name: 'Owls', width: 1280, height: 720, fps: 30 });
    if (!project.ok) throw new Error(project.message);
    const pid = project.value.id;
    expect(await loadAutopilotRun(db, pid)).toBeNull();
    const first = finishStep(startStep(run('r1', pid), 'script', 1), 'script', '6 scenes', 2);
    await saveAutopilotRun(db, first);
    expect(await loadAutopilotRun(db, pid)).toEqual(first);
    await saveAutopilotRun(db, run('r2', pid));
    expect(await db.autopilotRuns.count()).toBe(1);
    expect((await loadAutopilotRun(db, pid))!.id).toBe('r2');
    const copy = await duplicateProject(db, pid);
    if (!copy.ok) throw new Error(copy.message);
    expect((await loadAutopilotRun(db, copy.value.id))!.artifacts.cues![0]!.text).toBe('Owls hunt at night.');
    db.close();
  });

  it('a damaged row opens with what can be kept', () => {
    expect(restoreAutopilotRun({ id: 'x' })).toBeNull();
    const r = restoreAutopilotRun({ id: 'x', projectId: 'p', topic: 't', options: { lengthS: -5, tone: 'angry' }, steps: [{ id: 'script', status: 'done', summary: 'ok' }, { id: 'mix', status: 'exploded' }], artifacts: { cues: [{ startS: 2, endS: 1, text: 'backwards' }, { startS: 0, endS: 1, text: 'fine' }] } })!;
    expect(r.options).toEqual({ ...DEFAULT_SCRIPT_OPTIONS, lengthS: 10 });
    expect(r.steps.map((s) => s.status)).toEqual(['done', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending']);
    expect(r.artifacts.cues).toEqual([{ startS: 0, endS: 1, text: 'fine' }]);
    expect(r.voice).toEqual({ provider: 'offline', voice: 'en-us', speed: 1, pitch: 0 });
  });
});

describe('brand kits in the library', () => {
  it('saves a kit with the files it names, lists by name, deletes', async () => {
    const { db } = freshDb();
    const kit = { ...emptyBrandKit('k1', 'Zeta'), logo: { name: 'logo.png' } };
    await saveBrandKit(db, kit, { 'logo.png': new Blob(['png']), 'stray.txt': new Blob(['x']) });
    await saveBrandKit(db, emptyBrandKit('k2', 'Alpha'), {});
    expect((await listBrandKits(db)).map((k) => k.kit.name)).toEqual(['Alpha', 'Zeta']);
    const loaded = await loadBrandKit(db, 'k1');
    expect(Object.keys(loaded!.files)).toEqual(['logo.png']);
    expect(await loaded!.files['logo.png']!.text()).toBe('png');
    await deleteBrandKit(db, 'k1');
    expect(await loadBrandKit(db, 'k1')).toBeNull();
    db.close();
  });
});
