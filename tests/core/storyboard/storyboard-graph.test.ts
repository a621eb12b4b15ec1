import { describe, expect, it } from 'vitest';
import { planAndCheck } from '../../../src/core/graph/plan';
import { makeMemoryCacheStore } from '../../../src/core/graph/cache-store';
import { cacheKeysOfGraph } from '../../../src/core/graph/stale';
import { defaultKindRegistry } from '../../../src/core/graph/kind-registry';
import { addClip, addScene, clipNodeId, composePrompt, emptyStoryboard, estimateBatch, generatedResolution, resolutionChoices, storyboardGraph, updateClip, type Storyboard } from '../../../src/core/storyboard';

function board(): Storyboard {
  let b: Storyboard = {
    ...emptyStoryboard(),
    characters: [{ id: 'ch', name: 'Mara', description: 'red coat', photoAssetIds: ['photo-1'] }],
    styles: [{ id: 'st', name: 'Film', prefix: 'Cinematic 35mm film.', suffix: 'Warm grade.', negativePrompt: 'text' }],
  };
  b = addScene(b, { id: 's1', title: 'Opening' });
  b = addClip(b, 's1', { id: 'a', prompt: 'A harbour at dawn', styleId: 'st', cameraMove: 'dolly in', generateSeconds: 6 });
  b = addClip(b, 's1', { id: 'b', prompt: 'Mara walks along the pier', characterIds: ['ch'], generateSeconds: 4 });
  b = addClip(b, 's1', { id: 'c', prompt: 'Gulls', provider: 'runway', firstFrameAssetId: 'frame-1', generateSeconds: 7 });
  return b;
}

describe('storyboard → engine graph', () => {
  it('is a valid graph the planner accepts, one video node per clip', async () => {
    const graph = storyboardGraph(board());
    const plan = await planAndCheck(graph, makeMemoryCacheStore(), { registry: defaultKindRegistry });
    expect(plan.ok).toBe(true);
    const video = (id: string) => graph.nodes.find((n) => n.id === clipNodeId(id))!;
    expect(video('a')).toMatchObject({ kind: 'veo-video', params: { mode: 'text_to_video', durationSeconds: 6, negativePrompt: 'text' } });
    // Characters make Veo use reference images, which need 8 s.
    expect(video('b')).toMatchObject({ kind: 'veo-video', params: { mode: 'reference_images', durationSeconds: 8 } });
    expect(graph.edges.some((e) => e.to === clipNodeId('b') && e.toPort === 'references')).toBe(true);
    // Runway makes any whole length from 2 to 10 s, so a 7 s clip is generated at 7 s.
    expect(video('c')).toMatchObject({ kind: 'runway-video', params: { durationSeconds: 7 } });
  });

  it('sends the style, the shot and the cast with the prompt', () => {
    const b = board();
    const a = b.scenes[0]!.clips[0]!;
    expect(composePrompt(a, b.styles[0])).toBe('Cinematic 35mm film. Medium shot, dolly in. A harbour at dawn Warm grade.');
    expect(composePrompt(b.scenes[0]!.clips[1]!, undefined, b.characters)).toContain('Mara: red coat');
  });

  it("changes only the edited clip's key, so the others are not paid for again", () => {
    const before = cacheKeysOfGraph(storyboardGraph(board()), defaultKindRegistry);
    const after = cacheKeysOfGraph(storyboardGraph(updateClip(board(), 'a', { prompt: 'A harbour at dusk' })), defaultKindRegistry);
    expect(after.get(clipNodeId('a'))).not.toBe(before.get(clipNodeId('a')));
    expect(after.get(clipNodeId('b'))).toBe(before.get(clipNodeId('b')));
    expect(after.get(clipNodeId('c'))).toBe(before.get(clipNodeId('c')));
    // Cut length is not a generation parameter.
    const trimmed = cacheKeysOfGraph(storyboardGraph(updateClip(board(), 'a', { cutSeconds: 2.5 })), defaultKindRegistry);
    expect(trimmed.get(clipNodeId('a'))).toBe(before.get(clipNodeId('a')));
  });

  it('estimates a batch from per-second prices, skipping clips already made or without a prompt', () => {
    const clips = updateClip(board(), 'c', { prompt: ' ' }).scenes[0]!.clips;
    const estimate = estimateBatch(clips, (id) => id === 'a', (c) => c.characterIds.length > 0);
    expect(estimate).toMatchObject({ clips: 1, seconds: 8, usd: 3.2 });
    expect(estimate.skipped).toEqual([{ clipId: 'a', reason: 'already made' }, { clipId: 'c', reason: 'no prompt' }]);
  });

  it('makes a Veo clip in 4k only at 8 s, prices it at the 4k rate, and offers the sizes of the clip\'s model', () => {
    const b = updateClip(updateClip(board(), 'a', { resolution: '4k', generateSeconds: 8 }), 'c', { resolution: '4k' });
    const node = (id: string) => storyboardGraph(b).nodes.find((n) => n.id === clipNodeId(id))!;
    expect(node('a').params).toMatchObject({ resolution: '4k', durationSeconds: 8 });
    expect(estimateBatch([b.scenes[0]!.clips[0]!], () => false)).toMatchObject({ seconds: 8, usd: 4.8 });
    // At 6 s Veo makes 720p only: the node and the estimate say so.
    const six = updateClip(b, 'a', { generateSeconds: 6 });
    expect(generatedResolution(six.scenes[0]!.clips[0]!, 6)).toBe('720p');
    expect(storyboardGraph(six).nodes.find((n) => n.id === clipNodeId('a'))!.params).toMatchObject({ resolution: '720p', durationSeconds: 6 });
    expect(resolutionChoices(b.scenes[0]!.clips[0]!).map((r) => r.label)).toEqual(['720p', '1080p (8 s only)', '4k (8 s only)']);
    expect(resolutionChoices(b.scenes[0]!.clips[2]!).map((r) => r.value)).toEqual(['720p']);
  });
});

describe('one node’s key', async () => {
  const { cacheKeyOfNode } = await import('../../../src/core/graph/stale');
  it('equals its key in the whole graph', () => {
    let b: Storyboard = { ...emptyStoryboard(), characters: [{ id: 'ch', name: 'M', description: '', photoAssetIds: ['p'] }] };
    b = addScene(b, { id: 's' });
    b = addClip(b, 's', { id: 'a', prompt: 'x', characterIds: ['ch'] });
    b = addClip(b, 's', { id: 'b', prompt: 'y' });
    const graph = storyboardGraph(b);
    const all = cacheKeysOfGraph(graph, defaultKindRegistry);
    for (const id of ['a', 'b']) expect(cacheKeyOfNode(graph, clipNodeId(id))).toBe(all.get(clipNodeId(id)));
  });
});

describe('first + last frame and extend', () => {
  it('uses Veo first+last frame with both images, and Extend from the clip before (across scenes)', async () => {
    const { planAndCheck } = await import('../../../src/core/graph/plan');
    let b = addScene(emptyStoryboard(), { id: 's1' });
    b = addClip(b, 's1', { id: 'a', prompt: 'door opens', firstFrameAssetId: 'f1', lastFrameAssetId: 'f2', generateSeconds: 6 });
    b = addScene(b, { id: 's2' });
    b = addClip(b, 's2', { id: 'b', prompt: 'she walks in', continuesPrevious: true, firstFrameAssetId: 'ignored' });
    const graph = storyboardGraph(b);
    expect(graph.nodes.find((n) => n.id === clipNodeId('a'))).toMatchObject({ kind: 'veo-video', params: { mode: 'first_last_frame', durationSeconds: 6 } });
    expect(graph.edges.filter((e) => e.to === clipNodeId('a')).map((e) => e.toPort).sort()).toEqual(['image', 'lastFrame', 'prompt']);
    expect(graph.nodes.find((n) => n.id === clipNodeId('b'))).toMatchObject({ kind: 'extend' });
    expect(graph.edges.filter((e) => e.to === clipNodeId('b')).map((e) => [e.from, e.toPort]).sort()).toEqual([[clipNodeId('a'), 'video'], [`${clipNodeId('b')}:prompt`, 'prompt']]);
    expect((await planAndCheck(graph, makeMemoryCacheStore(), { registry: defaultKindRegistry })).ok).toBe(true);
    // The first clip cannot continue anything: it stays a generation of its own.
    const alone = storyboardGraph(updateClip(b, 'a', { continuesPrevious: true }));
    expect(alone.nodes.find((n) => n.id === clipNodeId('a'))!.kind).toBe('veo-video');
  });
});

describe('a storyboard clip on ComfyUI', () => {
  it('compiles to a ComfyUI node running the shipped Wan preset, image→video with a first frame, free in the estimate', async () => {
    let b = addScene(emptyStoryboard(), { id: 's1', title: 'Own GPU' });
    b = addClip(b, 's1', { id: 't', prompt: 'A fox in snow', provider: 'comfyui', generateSeconds: 7, continuesPrevious: true });
    b = addClip(b, 's1', { id: 'i', prompt: 'The fox turns', provider: 'comfyui', firstFrameAssetId: 'frame-1', generateSeconds: 3, aspectRatio: '9:16' });
    const graph = storyboardGraph(b);
    const plan = await planAndCheck(graph, makeMemoryCacheStore(), { registry: defaultKindRegistry });
    expect(plan.ok).toBe(true);
    const node = (id: string) => graph.nodes.find((n) => n.id === clipNodeId(id))!;
    // Not Veo: no extend, and the length is the nearest the model makes (2-5 s).
    expect(node('t')).toMatchObject({ kind: 'comfyui', params: { workflow: 'preset:text-to-video', model: 'wan2.1-t2v-1.3b', durationSeconds: 5 } });
    expect(node('i')).toMatchObject({ kind: 'comfyui', params: { workflow: 'preset:image-to-video', model: 'wan2.1-i2v-14b-480p', durationSeconds: 3, aspectRatio: '9:16' } });
    expect(graph.edges.some((e) => e.to === clipNodeId('i') && e.toPort === 'image')).toBe(true);
    expect(estimateBatch(b.scenes[0]!.clips, () => false)).toMatchObject({ clips: 2, seconds: 8, usd: 0 });
  });
});
