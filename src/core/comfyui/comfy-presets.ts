import { presetOf } from '../pricing/model-presets';
import type { ApiWorkflow, InputMapping } from './comfy-workflow';

/** A workflow the person can run from a node: the API-format graph, its input mapping and the model row it drives. */
export interface ComfyWorkflowPreset {
  id: string;
  name: string;
  /** text_to_image, image_to_video or text_to_video: which node inputs it needs. */
  mode: 'text_to_image' | 'image_to_video' | 'text_to_video';
  /** Its row in the model presets (labels, lengths, frame rate). */
  model: string;
  workflow: ApiWorkflow;
  mapping: InputMapping;
}

const fileOf = (model: string) => presetOf(model)!.modelFile!;
const link = (node: string, output = 0) => [node, output];
const sampler = (model: unknown, positive: unknown, negative: unknown, latent: unknown, how = { sampler_name: 'uni_pc', scheduler: 'simple' }) => ({
  class_type: 'KSampler',
  inputs: { model, positive, negative, latent_image: latent, seed: 0, steps: 30, cfg: 6, ...how, denoise: 1 },
});

/** SDXL still: checkpoint → two text encodings → empty latent → sampler → decode → SaveImage. */
const textToImage: ApiWorkflow = {
  '1': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: fileOf('sdxl-base-1.0') } },
  '2': { class_type: 'CLIPTextEncode', inputs: { clip: link('1', 1), text: '' } },
  '3': { class_type: 'CLIPTextEncode', inputs: { clip: link('1', 1), text: '' } },
  '4': { class_type: 'EmptyLatentImage', inputs: { width: 1024, height: 1024, batch_size: 1 } },
  '5': sampler(link('1'), link('2'), link('3'), link('4'), { sampler_name: 'euler', scheduler: 'normal' }),
  '6': { class_type: 'VAEDecode', inputs: { samples: link('5'), vae: link('1', 2) } },
  '7': { class_type: 'SaveImage', inputs: { images: link('6'), filename_prefix: 'director' } },
};

/** Wan 2.1 text→video: diffusion model, umt5 text encoder, Wan VAE, video latent, sampler, CreateVideo → SaveVideo (mp4). */
const wanLoaders = (unet: string): ApiWorkflow => ({
  '1': { class_type: 'UNETLoader', inputs: { unet_name: unet, weight_dtype: 'default' } },
  '2': { class_type: 'CLIPLoader', inputs: { clip_name: 'umt5_xxl_fp8_e4m3fn_scaled.safetensors', type: 'wan', device: 'default' } },
  '3': { class_type: 'VAELoader', inputs: { vae_name: 'wan_2.1_vae.safetensors' } },
  '4': { class_type: 'CLIPTextEncode', inputs: { clip: link('2'), text: '' } },
  '5': { class_type: 'CLIPTextEncode', inputs: { clip: link('2'), text: '' } },
  '6': { class_type: 'ModelSamplingSD3', inputs: { model: link('1'), shift: 8 } },
});
const wanOutput = (samplerInputs: { positive: unknown; negative: unknown; latent: unknown }): ApiWorkflow => ({
  '8': sampler(link('6'), samplerInputs.positive, samplerInputs.negative, samplerInputs.latent),
  '9': { class_type: 'VAEDecode', inputs: { samples: link('8'), vae: link('3') } },
  '10': { class_type: 'CreateVideo', inputs: { images: link('9'), fps: 16 } },
  '11': { class_type: 'SaveVideo', inputs: { video: link('10'), filename_prefix: 'video/director', format: 'mp4', codec: 'h264' } },
});

const textToVideo: ApiWorkflow = {
  ...wanLoaders(fileOf('wan2.1-t2v-1.3b')),
  '7': { class_type: 'EmptyHunyuanLatentVideo', inputs: { width: 832, height: 480, length: 33, batch_size: 1 } },
  ...wanOutput({ positive: link('4'), negative: link('5'), latent: link('7') }),
};

const imageToVideo: ApiWorkflow = {
  ...wanLoaders(fileOf('wan2.1-i2v-14b-480p')),
  '12': { class_type: 'LoadImage', inputs: { image: 'example.png' } },
  '13': { class_type: 'CLIPVisionLoader', inputs: { clip_name: 'clip_vision_h.safetensors' } },
  '14': { class_type: 'CLIPVisionEncode', inputs: { clip_vision: link('13'), image: link('12'), crop: 'none' } },
  '7': { class_type: 'WanImageToVideo', inputs: { positive: link('4'), negative: link('5'), vae: link('3'), clip_vision_output: link('14'), start_image: link('12'), width: 832, height: 480, length: 33, batch_size: 1 } },
  ...wanOutput({ positive: link('7', 0), negative: link('7', 1), latent: link('7', 2) }),
};

const WAN_MAPPING: InputMapping = {
  prompt: [{ node: '4', input: 'text' }],
  negative: [{ node: '5', input: 'text' }],
  seed: [{ node: '8', input: 'seed' }],
  width: [{ node: '7', input: 'width' }],
  height: [{ node: '7', input: 'height' }],
  frames: [{ node: '7', input: 'length' }],
  fps: [{ node: '10', input: 'fps' }],
  model: [{ node: '1', input: 'unet_name' }],
};

/** The three workflows that ship, written against ComfyUI's stock nodes; their model file names are editable like any input. */
export const COMFY_WORKFLOW_PRESETS: readonly ComfyWorkflowPreset[] = [
  {
    id: 'preset:text-to-image',
    name: 'Text → image (SDXL)',
    mode: 'text_to_image',
    model: 'sdxl-base-1.0',
    workflow: textToImage,
    mapping: {
      prompt: [{ node: '2', input: 'text' }],
      negative: [{ node: '3', input: 'text' }],
      seed: [{ node: '5', input: 'seed' }],
      width: [{ node: '4', input: 'width' }],
      height: [{ node: '4', input: 'height' }],
      model: [{ node: '1', input: 'ckpt_name' }],
    },
  },
  { id: 'preset:image-to-video', name: 'Image → video (Wan 2.1 I2V)', mode: 'image_to_video', model: 'wan2.1-i2v-14b-480p', workflow: imageToVideo, mapping: { ...WAN_MAPPING, inputImage: [{ node: '12', input: 'image' }] } },
  { id: 'preset:text-to-video', name: 'Text → video (Wan 2.1 T2V)', mode: 'text_to_video', model: 'wan2.1-t2v-1.3b', workflow: textToVideo, mapping: WAN_MAPPING },
];

export const comfyPresetOf = (id: string) => COMFY_WORKFLOW_PRESETS.find((p) => p.id === id);

/**
 * Frames for a clip of `seconds` at the model's rate. Wan and Hunyuan latents take 4n+1 frames
 * (LTX 8n+1), so the count is rounded to the nearest such length.
 */
export function framesFor(seconds: number, fps: number, step = 4): number {
  const raw = Math.max(1, Math.round(seconds * fps));
  return Math.max(1, Math.round((raw - 1) / step)) * step + 1;
}

/** Width and height for an aspect ratio at a short side of `short` pixels, multiples of 16. */
export function sizeFor(aspect: string, short: number): { width: number; height: number } {
  const [w, h] = aspect.split(':').map(Number) as [number, number];
  const long = Math.round((short * Math.max(w, h)) / Math.min(w, h) / 16) * 16;
  return w >= h ? { width: long, height: short } : { width: short, height: long };
}
