import { describe, expect, it } from 'vitest';
import { applyInputs, checkMapping, COMFY_WORKFLOW_PRESETS, framesFor, modelFilesOf, parseApiWorkflow, sizeFor } from '../../../src/core/comfyui';
import { checkModelPresets } from '../../../src/core/pricing/check-model-presets';
import { MODEL_PRESETS, presetOf } from '../../../src/core/pricing/model-presets';

const t2v = COMFY_WORKFLOW_PRESETS.find((p) => p.mode === 'text_to_video')!;

describe('ComfyUI workflows', () => {
  it('reads an API-format export and refuses the editor format, bad JSON and nodes without class_type in one sentence', () => {
    const parsed = parseApiWorkflow(JSON.stringify(t2v.workflow));
    expect(parsed.ok && Object.keys(parsed.value)).toEqual(Object.keys(t2v.workflow));
    expect(parseApiWorkflow('{"nodes": [], "links": []}')).toMatchObject({ ok: false, code: 'ui_format' });
    expect(parseApiWorkflow('not json')).toMatchObject({ ok: false, code: 'not_json' });
    expect(parseApiWorkflow('{"3": {"inputs": {}}}')).toMatchObject({ ok: false, code: 'not_workflow', message: expect.stringContaining('node "3"') });
    expect(parseApiWorkflow('[]')).toMatchObject({ ok: false, code: 'not_workflow' });
  });

  it('writes the named inputs into their nodes and leaves the stored workflow and links alone', () => {
    const before = JSON.stringify(t2v.workflow);
    const run = applyInputs(t2v.workflow, t2v.mapping, { prompt: 'a red fox in snow', negative: 'blur', seed: 42, width: 832, height: 480, frames: 81 });
    expect(run['4']!.inputs.text).toBe('a red fox in snow');
    expect(run['5']!.inputs.text).toBe('blur');
    expect(run['8']!.inputs).toMatchObject({ seed: 42, positive: ['4', 0], model: ['6', 0] });
    expect(run['7']!.inputs).toMatchObject({ width: 832, height: 480, length: 81 });
    expect(run['1']!.inputs.unet_name).toBe(presetOf('wan2.1-t2v-1.3b')!.modelFile);
    expect(JSON.stringify(t2v.workflow)).toBe(before);
  });

  it('names what is wrong with a mapping: a missing node, a missing input, a link it would cut', () => {
    expect(checkMapping(t2v.workflow, { prompt: [{ node: '99', input: 'text' }], seed: [{ node: '8', input: 'noise' }], width: [{ node: '8', input: 'model' }] })).toEqual([
      '"prompt" points at node 99, which this workflow does not have',
      '"seed" points at KSampler (node 8), which has no input "noise"',
      '"width" would replace a link into KSampler (node 8) input "model"',
    ]);
  });

  it('the three shipped presets map cleanly, load the model files of their rows and name real model presets', () => {
    expect(COMFY_WORKFLOW_PRESETS.map((p) => p.mode).sort()).toEqual(['image_to_video', 'text_to_image', 'text_to_video']);
    for (const preset of COMFY_WORKFLOW_PRESETS) {
      expect(checkMapping(preset.workflow, preset.mapping)).toEqual([]);
      const row = presetOf(preset.model)!;
      expect(row.provider).toBe('comfyui');
      expect(row.modes).toContain(preset.mode);
      expect(modelFilesOf(preset.workflow)).toContain(row.modelFile);
    }
    expect(modelFilesOf(COMFY_WORKFLOW_PRESETS.find((p) => p.mode === 'image_to_video')!.workflow)).toEqual(
      expect.arrayContaining(['umt5_xxl_fp8_e4m3fn_scaled.safetensors', 'wan_2.1_vae.safetensors', 'clip_vision_h.safetensors']),
    );
    expect(checkModelPresets(MODEL_PRESETS)).toEqual([]);
  });

  it('frames come as 4n+1 at the model rate, sizes as multiples of 16 on the short side', () => {
    expect(framesFor(5, 16)).toBe(81);
    expect(framesFor(2, 16)).toBe(33);
    expect(framesFor(4, 24, 8)).toBe(97);
    expect(sizeFor('16:9', 480)).toEqual({ width: 848, height: 480 });
    expect(sizeFor('9:16', 480)).toEqual({ width: 480, height: 848 });
    expect(sizeFor('1:1', 512)).toEqual({ width: 512, height: 512 });
  });
});

describe('ComfyUI node values', () => {
  it('fills prompt, size, frames at the model rate, its file (override first) and a seed from the cache key', async () => {
    const { runValuesOf, seedOf } = await import('../../../src/core/comfyui');
    const params = { model: 'wan2.1-t2v-1.3b', modelFile: '', aspectRatio: '16:9', durationSeconds: 5, shortSide: 480, negativePrompt: 'blur' };
    expect(runValuesOf(params, 'a fox', 'key-1')).toEqual({ prompt: 'a fox', negative: 'blur', seed: seedOf('key-1'), width: 848, height: 480, fps: 16, frames: 81, model: 'wan2.1_t2v_1.3B_fp16.safetensors' });
    expect(seedOf('key-1')).not.toBe(seedOf('key-2'));
    expect(runValuesOf({ ...params, modelFile: ' my-wan.safetensors ', seed: 7 }, 'a fox', 'k')).toMatchObject({ model: 'my-wan.safetensors', seed: 7 });
    expect(runValuesOf({ ...params, model: 'ltx-video-2b', durationSeconds: 4 }, 'x', 'k')).toMatchObject({ fps: 24, frames: 97 });
    const still = runValuesOf({ ...params, model: 'sdxl-base-1.0', aspectRatio: '1:1', shortSide: 1024 }, 'x', 'k');
    expect(still).toMatchObject({ width: 1024, height: 1024, model: 'sd_xl_base_1.0.safetensors' });
    expect(still).not.toHaveProperty('frames');
  });
});

describe('mapping an imported workflow', () => {
  it('suggests the mapping of the shipped presets from stock node types, and guesses what each makes', async () => {
    const { guessWorkflowMode, mappableInputsOf, suggestMapping } = await import('../../../src/core/comfyui');
    for (const preset of COMFY_WORKFLOW_PRESETS) {
      expect(suggestMapping(preset.workflow)).toEqual(preset.mapping);
      expect(guessWorkflowMode(preset.workflow)).toBe(preset.mode);
    }
    const titled = { ...t2v.workflow, '4': { ...t2v.workflow['4']!, _meta: { title: 'Negative' } } };
    expect(suggestMapping(titled)).toMatchObject({ prompt: [{ node: '5', input: 'text' }], negative: [{ node: '4', input: 'text' }] });
    const inputs = mappableInputsOf(t2v.workflow);
    expect(inputs.find((i) => i.node === '8' && i.input === 'seed')?.label).toBe('KSampler #8 · seed');
    expect(inputs.some((i) => i.node === '8' && i.input === 'model')).toBe(false);
  });
});
