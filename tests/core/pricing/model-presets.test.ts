import { describe, expect, it } from 'vitest';
import { toJSONSchema } from 'zod';
import { checkModelPresets } from '../../../src/core/pricing/check-model-presets';
import { MODEL_PRESETS, presetOf, priceOf, PRICES_READ_ON, type ModelPreset } from '../../../src/core/pricing/model-presets';
import { runwayVideoKind, veoVideoKind } from '../../../src/core/graph/kinds/video-kinds';
import { CLIP_MODEL_CHOICES, DURATIONS_OF_PROVIDER } from '../../../src/core/storyboard/storyboard-graph';

const row = (patch: Partial<ModelPreset>): ModelPreset => ({ ...presetOf('veo-3.1-generate-preview')!, ...patch });

describe('model presets', () => {
  it('the shipped table is sound and covers at least 13 models across Veo, Runway, OpenAI and ComfyUI', () => {
    expect(checkModelPresets(MODEL_PRESETS)).toEqual([]);
    expect(MODEL_PRESETS.length).toBeGreaterThanOrEqual(13);
    expect(new Set(MODEL_PRESETS.map((m) => m.provider))).toEqual(new Set(['veo', 'runway', 'openai', 'comfyui']));
    expect(PRICES_READ_ON).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('names each problem of a broken table in one sentence', () => {
    const broken = [
      row({}),
      row({}),
      row({ id: 'x', durations: [8, 4], priceReadOn: '6 Dec', usdPerSecond: Number.NaN }),
      row({ id: 'c', provider: 'comfyui', usdPerSecond: 0.2, modelFile: undefined, fps: undefined }),
      row({ id: 'r', frameSizes: { '16:9': '1280:720' } }),
      row({ id: 's', modes: ['text_to_image'] }),
    ];
    expect(checkModelPresets(broken)).toEqual([
      'model "veo-3.1-generate-preview" is listed twice',
      'model "x" durations must be whole seconds, shortest first, got [8,4]',
      'model "x" has a bad price NaN',
      'model "x" price date must be YYYY-MM-DD, got "6 Dec"',
      'model "c" runs on ComfyUI but names no model file',
      'model "c" runs on the person\'s own GPU, so its price must be 0',
      'model "c" makes video on ComfyUI but has no frame rate',
      'model "r" has no frame size for 9:16',
      'model "s" makes stills but lists durations',
    ]);
  });

  it('prices a generation from its row, to the cent; an unknown model has no price', () => {
    expect(priceOf('veo-3.1-generate-preview', 8)).toBe(3.2);
    expect(priceOf('sora-2', 12)).toBe(1.2);
    expect(priceOf('wan2.1-t2v-1.3b', 5)).toBe(0);
    expect(priceOf('no-such-model', 5)).toBeUndefined();
  });

  it('the Veo and Runway nodes offer exactly the models, lengths and sizes of their rows', () => {
    const veo = toJSONSchema(veoVideoKind.params, { unrepresentable: 'any', io: 'input' }) as { properties: Record<string, { enum?: unknown[]; anyOf?: { const: unknown }[] }> };
    expect(veo.properties.model!.enum).toEqual(MODEL_PRESETS.filter((m) => m.provider === 'veo').map((m) => m.id));
    expect(veo.properties.durationSeconds!.anyOf!.map((c) => c.const)).toEqual([4, 6, 8]);
    expect(veoVideoKind.paramInfo!.model!.options).toMatchObject({ 'veo-3.1-fast-generate-preview': 'Veo 3.1 Fast' });
    const runway = runwayVideoKind.params.parse({});
    expect(runway).toMatchObject({ model: 'gen4_turbo', ratio: '1280:720', durationSeconds: 5 });
    expect(runwayVideoKind.params.safeParse({ ratio: '960:960' }).success).toBe(true);
    expect(runwayVideoKind.params.safeParse({ durationSeconds: 6 }).success).toBe(true);
    expect(runwayVideoKind.params.safeParse({ durationSeconds: 11 }).success).toBe(false);
  });

  it('the storyboard clip form lists its models and lengths from the table', () => {
    expect(CLIP_MODEL_CHOICES.map((c) => c.label)).toEqual(['Veo 3.1', 'Veo 3.1 Fast', 'Runway Gen-4 Turbo', 'Wan 2.1 T2V 1.3B (ComfyUI)']);
    expect(DURATIONS_OF_PROVIDER.runway).toEqual(presetOf('gen4_turbo')!.durations);
  });
});
