import { describe, expect, it } from 'vitest';
import {
  comfyOperationId,
  describePromptRejection,
  foldComfyMessage,
  isQueued,
  modelsFromObjectInfo,
  parseComfyOperationId,
  queueLengthOf,
  readHistory,
  readSystemStats,
  runFraction,
  runMessage,
  startRunState,
} from '../../../src/core/comfyui';

const msg = (type: string, data: Record<string, unknown>) => ({ type, data: { prompt_id: 'p1', ...data } });

describe('ComfyUI wire', () => {
  it('folds websocket messages into per-node progress, ignoring other prompts', () => {
    let s = startRunState('p1', 4);
    expect(runMessage(s)).toBe('queued on the server');
    s = foldComfyMessage(s, msg('execution_start', {}));
    s = foldComfyMessage(s, msg('execution_cached', { nodes: ['1'] }));
    expect(runFraction(s)).toBe(0.25);
    s = foldComfyMessage(s, msg('executing', { node: '2' }));
    s = foldComfyMessage(s, msg('executing', { node: '3' }));
    s = foldComfyMessage(s, msg('progress', { node: '3', value: 5, max: 10 }));
    expect(runFraction(s)).toBe(0.625);
    expect(runMessage(s)).toBe('step 5/10');
    expect(foldComfyMessage(s, { type: 'progress', data: { prompt_id: 'other', node: '3', value: 10, max: 10 } })).toBe(s);
    s = foldComfyMessage(s, msg('executed', { node: '4', output: {} }));
    s = foldComfyMessage(s, msg('execution_success', {}));
    expect([s.phase, runFraction(s)]).toEqual(['succeeded', 1]);
    const failed = foldComfyMessage(startRunState('p1', 3), msg('execution_error', { node_type: 'KSampler', exception_type: 'torch.OutOfMemoryError', exception_message: 'Allocation on device\n' }));
    expect(failed).toMatchObject({ phase: 'failed', error: { nodeType: 'KSampler', exceptionType: 'torch.OutOfMemoryError', message: 'Allocation on device' } });
    expect(foldComfyMessage(startRunState('p1', 3), msg('executing', { node: null })).phase).toBe('succeeded');
  });

  it('reads history: pending, files (videos first, temp previews left out) and errors with their reason', () => {
    expect(readHistory({}, 'p1')).toEqual({ status: 'pending' });
    const done = {
      p1: {
        outputs: { '9': { images: [{ filename: 'prev.png', subfolder: '', type: 'temp' }, { filename: 'still.png', subfolder: '', type: 'output' }] }, '11': { images: [{ filename: 'director_00001_.mp4', subfolder: 'video', type: 'output' }], animated: [true] } },
        status: { status_str: 'success', completed: true, messages: [] },
      },
    };
    expect(readHistory(done, 'p1')).toEqual({ status: 'succeeded', files: [{ filename: 'director_00001_.mp4', subfolder: 'video', type: 'output' }, { filename: 'still.png', subfolder: '', type: 'output' }] });
    const oom = { p1: { outputs: {}, status: { status_str: 'error', completed: false, messages: [['execution_start', {}], ['execution_error', { node_type: 'KSampler', exception_type: 'torch.OutOfMemoryError', exception_message: 'Allocation on device' }]] } } };
    expect(readHistory(oom, 'p1')).toMatchObject({ status: 'failed', code: 'out_of_memory', message: expect.stringContaining('ran out of GPU memory in KSampler') });
  });

  it('turns a rejected prompt with a model not in the loader list into model_missing, naming the file', () => {
    const body = {
      error: { type: 'prompt_outputs_failed_validation', message: 'Prompt outputs failed validation', details: '', extra_info: {} },
      node_errors: { '1': { class_type: 'UNETLoader', dependent_outputs: ['11'], errors: [{ type: 'value_not_in_list', message: 'Value not in list', details: "unet_name: 'wan.safetensors' not in []", extra_info: { input_name: 'unet_name', received_value: 'wan.safetensors' } }] } },
    };
    expect(describePromptRejection(body)).toEqual({ code: 'model_missing', message: expect.stringContaining('does not have wan.safetensors (UNETLoader unet_name)') });
    expect(describePromptRejection({ error: { message: 'bad' }, node_errors: {} })).toMatchObject({ code: 'workflow_invalid' });
  });

  it('reads server info, queue and model lists in both object_info formats', () => {
    expect(readSystemStats({ system: { comfyui_version: '0.3.60' }, devices: [{ name: 'cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync', type: 'cuda', vram_total: 25_000_000_000, vram_free: 20_000_000_000 }] })).toEqual({
      gpu: 'NVIDIA GeForce RTX 4090',
      vramTotalBytes: 25_000_000_000,
      vramFreeBytes: 20_000_000_000,
      comfyVersion: '0.3.60',
    });
    expect(readSystemStats({ error: 'x' })).toBeUndefined();
    const queue = { queue_running: [[0, 'p1', {}, {}, []]], queue_pending: [[1, 'p2', {}, {}, []], [2, 'p3', {}, {}, []]] };
    expect([queueLengthOf(queue), isQueued(queue, 'p2'), isQueued(queue, 'p9')]).toEqual([3, true, false]);
    const info = {
      UNETLoader: { input: { required: { unet_name: [['wan.safetensors', 'ltx.safetensors']], weight_dtype: [['default', 'fp8_e4m3fn']] } } },
      CheckpointLoaderSimple: { input: { required: { ckpt_name: ['COMBO', { options: ['sdxl.safetensors'] }] } } },
      KSampler: { input: { required: { seed: ['INT', { default: 0 }] } } },
    };
    expect(modelsFromObjectInfo(info)).toEqual(['ltx.safetensors', 'sdxl.safetensors', 'wan.safetensors']);
  });

  it('checkpoints the server and prompt id in one operation id and reads it back; anything else is not one', () => {
    const id = comfyOperationId('srv-1', '7c1f5a3e-1b2d-4c5e-9f00-123456789abc');
    expect(parseComfyOperationId(id)).toEqual({ serverId: 'srv-1', promptId: '7c1f5a3e-1b2d-4c5e-9f00-123456789abc' });
    expect(parseComfyOperationId('operations/abc')).toBeUndefined();
  });
});
