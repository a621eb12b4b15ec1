import { describe, expect, it } from 'vitest';
import { videoStartRequest, VIDEO_RESOLUTIONS } from '../../../src/core/contracts/video-start';
import { defaultKindRegistry, parseParams } from '../../../src/core/graph/kind-registry';
import { videoStartBody, type StartImages, type VideoStartNode } from '../../../src/core/graph/video-start-body';
import { presetsOf } from '../../../src/core/pricing/model-presets';

const png = { mimeType: 'image/png' as const, data: 'iVBORw0KGgo=' };

/** Every combination of the given choices. */
function combos(choices: Record<string, readonly unknown[]>): Record<string, unknown>[] {
  return Object.entries(choices).reduce<Record<string, unknown>[]>((acc, [key, values]) => acc.flatMap((c) => values.map((v) => ({ ...c, [key]: v }))), [{}]);
}

/** The images a node would have wired in for its mode. */
function imagesFor(kind: VideoStartNode['kind'], params: Record<string, unknown>): StartImages {
  if (kind === 'runway-video' || kind === 'extend') return { firstFrame: png };
  switch (params.mode) {
    case 'image_to_video':
      return { firstFrame: png };
    case 'first_last_frame':
      return { firstFrame: png, lastFrame: png };
    case 'reference_images':
      return { referenceImages: [png, png] };
    default:
      return {};
  }
}

const VEO = presetsOf('veo');
const cases: [VideoStartNode['kind'], Record<string, readonly unknown[]>][] = [
  [
    'veo-video',
    {
      model: VEO.map((m) => m.id),
      mode: ['text_to_video', 'image_to_video', 'first_last_frame', 'reference_images'],
      aspectRatio: [...new Set(VEO.flatMap((m) => m.aspects))],
      durationSeconds: [...new Set(VEO.flatMap((m) => m.durations))],
      resolution: [...new Set(VEO.flatMap((m) => m.resolutions))],
    },
  ],
  ['sora-video', { model: presetsOf('openai').map((m) => m.id), aspectRatio: ['16:9', '9:16'], durationSeconds: [4, 8, 12] }],
  ['runway-video', { model: presetsOf('runway').map((m) => m.id), ratio: Object.values(presetsOf('runway')[0]!.frameSizes!), durationSeconds: presetsOf('runway')[0]!.durations }],
  ['extend', { seed: [undefined, 7] }],
];

describe('the video start contract and the nodes agree', () => {
  it.each(cases)('every %s param set the node accepts is a body the edge accepts', (kind, choices) => {
    const def = defaultKindRegistry.get(kind)!;
    let accepted = 0;
    for (const choice of combos(choices)) {
      const parsed = parseParams(def, choice);
      const body = videoStartBody({ kind, params: parsed.ok ? parsed.value : (choice as never) } as VideoStartNode, 'a lighthouse at dusk', imagesFor(kind, choice));
      const wire = videoStartRequest.safeParse(body);
      // Both sides read the model table: what the node refuses about length and size, the edge refuses too.
      expect(wire.success, `${kind} ${JSON.stringify(choice)}: ${wire.success ? '' : wire.error.issues[0]!.message}`).toBe(parsed.ok);
      if (parsed.ok) accepted++;
    }
    expect(accepted).toBeGreaterThan(0);
  });

  it('Runway frame sizes reach the wire as their aspect ratios', () => {
    const def = defaultKindRegistry.get('runway-video')!;
    const parsed = parseParams(def, { ratio: '1104:832' });
    if (!parsed.ok) throw new Error(parsed.message);
    expect(videoStartBody({ kind: 'runway-video', params: parsed.value } as VideoStartNode, 'x', { firstFrame: png })).toMatchObject({ aspectRatio: '4:3', model: 'gen4_turbo' });
  });

  it('refuses what no model in the table makes, naming the model and its own choices', () => {
    expect(VIDEO_RESOLUTIONS).toContain('4k');
    const fail = (body: unknown) => {
      const r = videoStartRequest.safeParse(body);
      if (r.success) throw new Error(`accepted ${JSON.stringify(body)}`);
      return { path: r.error.issues[0]!.path, message: r.error.issues[0]!.message };
    };
    expect(fail({ prompt: 'x', durationSeconds: 11 })).toMatchObject({ path: ['durationSeconds'] });
    expect(fail({ prompt: 'x', resolution: '8k' })).toMatchObject({ path: ['resolution'] });
    expect(fail({ prompt: 'x', model: 'veo-3.1-generate-preview', resolution: '4k', durationSeconds: 4 })).toEqual({ path: ['resolution'], message: '4k needs an 8 s duration' });
    expect(fail({ prompt: 'x', model: 'sora-2', durationSeconds: 6 })).toEqual({ path: ['durationSeconds'], message: 'OpenAI Sora 2 makes 4, 8, 12 s clips, not 6 s' });
    expect(fail({ prompt: 'x', model: 'gen4_turbo' })).toMatchObject({ path: ['firstFrame'], message: 'Runway Gen-4 Turbo needs a first frame image' });
    expect(fail({ prompt: 'x', model: 'sora-2', firstFrame: png, lastFrame: png })).toMatchObject({ path: ['lastFrame'] });
    // A model the table does not know (enabled at the edge only) is left to its provider's adapter.
    expect(videoStartRequest.safeParse({ prompt: 'x', model: 'veo3.1_fast', firstFrame: png, durationSeconds: 8, resolution: '1080p' }).success).toBe(true);
  });
});
