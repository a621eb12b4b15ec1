import { presetOf } from '../pricing/model-presets';
import { framesFor, sizeFor } from './comfy-presets';
import type { WorkflowValues } from './comfy-workflow';

/** The ComfyUI node's params, as its kind's schema leaves them. */
export interface ComfyNodeParams {
  model: string;
  modelFile: string;
  aspectRatio: string;
  durationSeconds: number;
  shortSide: number;
  negativePrompt: string;
  seed?: number;
}

/** A seed from the job's cache key, so an unseeded node makes the same take when asked again. */
export function seedOf(cacheKey: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < cacheKey.length; i++) h = Math.imul(h ^ cacheKey.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The values a workflow's named inputs get from a node: prompt and negative, a seed, the frame
 * size for the aspect ratio, the frame count for the seconds at the model's rate (LTX takes 8n+1
 * frames, Wan and Hunyuan 4n+1), its fps and its model file (the person's override first).
 */
export function runValuesOf(params: ComfyNodeParams, prompt: string, cacheKey: string): WorkflowValues {
  const row = presetOf(params.model);
  const { width, height } = sizeFor(params.aspectRatio, params.shortSide);
  const fps = row?.fps;
  const modelFile = params.modelFile.trim() || row?.modelFile;
  return {
    prompt,
    negative: params.negativePrompt,
    seed: params.seed ?? seedOf(cacheKey),
    width,
    height,
    ...(fps ? { fps, frames: framesFor(params.durationSeconds, fps, params.model.startsWith('ltx') ? 8 : 4) } : {}),
    ...(modelFile ? { model: modelFile } : {}),
  };
}
