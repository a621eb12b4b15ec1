import { describe, expect, it } from 'vitest';
import { makeLocalDirectorProvider } from '../../../src/core/agent/local-director/local-director-provider';
import { templateById } from '../../../src/core/templates';
import { parseVideoPlan, VIDEO_PLAN_PATH } from '../../../src/core/templates/video-plan';
import { COLOUR_PALETTES } from '../../../src/core/agent/local-director/palettes';
import { makeHarness, turnWith } from './harness';

/** The local demo director drives the real loop and the real tools (esbuild-wasm builds every result). */
describe('local demo director', () => {
  const planOf = (h: ReturnType<typeof makeHarness>) => parseVideoPlan(h.workspace.snapshot().get(VIDEO_PLAN_PATH) ?? '');

  it('makes a multi-scene video from a request, then edits it on follow-ups', async () => {
    const h = makeHarness();
    const model = makeLocalDirectorProvider();

    const first = await turnWith(h, model, 'Make a 10 second product teaser for a coffee brand');
    expect(first.status).toBe('clean');
    expect(first.reply).toMatch(/Local demo model/);
    expect(first.steps.filter((s) => s.kind === 'tool').map((s) => s.name)).toEqual(['read_file', 'scaffold_project', 'read_file', 'atomic_edit', 'run_build_check']);
    const made = planOf(h)!;
    expect(made.durationSeconds).toBe(10);
    expect(made.title).toBe('Coffee Brand');
    expect(made.scenes.length).toBe(3);
    expect(made.palette).toEqual(COLOUR_PALETTES.brown);
    expect(h.workspace.snapshot().get('src/Root.tsx')).toMatch(/defaultProps=\{video\}/);

    const blue = await turnWith(h, model, 'make it blue');
    expect(blue.status).toBe('clean');
    expect(planOf(h)!.palette).toEqual(COLOUR_PALETTES.blue);
    expect(planOf(h)!.scenes).toEqual(made.scenes);

    await turnWith(h, model, 'make it 20 seconds');
    expect(planOf(h)!.durationSeconds).toBe(20);

    const added = await turnWith(h, model, 'add a scene about price');
    expect(added.status).toBe('clean');
    const withPrice = planOf(h)!;
    expect(withPrice.scenes.map((s) => s.heading)).toEqual(['Coffee Brand', 'Made with care', 'Price', 'Try it today']);
    expect(withPrice.durationSeconds).toBeGreaterThan(20);
  }, 60_000);

  it('changes the format through scaffold_project and keeps the plan', async () => {
    const h = makeHarness({ settings: { width: 1920, height: 1080 } });
    const model = makeLocalDirectorProvider();
    await turnWith(h, model, 'Make an explainer about composting, 12 seconds');
    const before = planOf(h)!;
    const turn = await turnWith(h, model, 'make it vertical');
    expect(turn.status).toBe('clean');
    expect(await h.workspace.settings()).toMatchObject({ width: 1080, height: 1920 });
    expect(planOf(h)).toEqual(before);
    expect(h.workspace.snapshot().get('src/Root.tsx')).toMatch(/height=\{1920\}/);
  }, 60_000);

  it('says what it understands instead of guessing, and leaves code it did not write alone', async () => {
    const h = makeHarness();
    const model = makeLocalDirectorProvider();
    await turnWith(h, model, 'Create a video about the history of jazz');
    const before = new Map(h.workspace.snapshot());
    const vague = await turnWith(h, model, 'make it feel more cinematic');
    expect(vague.reply).toMatch(/did not change anything/);
    expect(vague.reply).toMatch(/make it blue/);
    expect(h.workspace.snapshot()).toEqual(before);

    const explainer = templateById('explainer')!.files({ name: 'Mine', width: 1280, height: 720, fps: 30 });
    const other = makeHarness({ files: explainer });
    const refused = await turnWith(other, model, 'make it blue');
    expect(refused.reply).toMatch(/not written by the local demo model/);
    expect(Object.fromEntries(other.workspace.snapshot())).toEqual(explainer);
  }, 60_000);
});

describe('local demo director on requests without a verb', () => {
  it('starts a video in an empty project from a bare description', async () => {
    const h = makeHarness();
    const turn = await turnWith(h, makeLocalDirectorProvider(), 'coffee teaser, 8 seconds, square');
    expect(turn.status).toBe('clean');
    expect(parseVideoPlan(h.workspace.snapshot().get(VIDEO_PLAN_PATH) ?? '')).toMatchObject({ durationSeconds: 8 });
    expect(await h.workspace.settings()).toMatchObject({ width: 1080, height: 1080 });
  }, 60_000);
});
