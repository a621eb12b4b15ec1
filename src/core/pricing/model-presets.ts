/**
 * Every model Director can drive, one row each: who runs it, what it can make and what a second of
 * it costs at list price (with the day the price was read, shown beside every estimate). The
 * canvas nodes, the storyboard's clip form and every cost estimate read this table, so a new model
 * is one row here.
 */

export const VIDEO_PROVIDERS = ['veo', 'runway', 'openai', 'comfyui'] as const;
export type VideoProvider = (typeof VIDEO_PROVIDERS)[number];

export const GENERATION_MODES = ['text_to_video', 'image_to_video', 'first_last_frame', 'reference_images', 'text_to_image'] as const;
export type GenerationMode = (typeof GENERATION_MODES)[number];

export const ASPECT_RATIOS = ['16:9', '9:16', '4:3', '3:4', '1:1', '21:9'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export interface ModelPreset {
  /** The id the provider knows the model by (ComfyUI: the row's own id; the file is `modelFile`). */
  id: string;
  label: string;
  provider: VideoProvider;
  modes: readonly GenerationMode[];
  /** Seconds the model can make, shortest first; empty for a still-image model. */
  durations: readonly number[];
  resolutions: readonly string[];
  aspects: readonly AspectRatio[];
  /** Makes a soundtrack with the picture. */
  audio: boolean;
  /** List price of one generated second (one image for a still model); 0 on the person's own GPU. */
  usdPerSecond: number;
  /** Resolutions priced differently from `usdPerSecond`. */
  usdPerSecondAt?: Readonly<Record<string, number>>;
  /** Resolutions and modes the model makes only at its longest duration (Veo: 1080p, 4k, references). */
  longestOnly?: { resolutions: readonly string[]; modes: readonly GenerationMode[] };
  /** Where the price comes from, and the day it was read (YYYY-MM-DD). */
  priceSource: string;
  priceReadOn: string;
  /** Runway names its frame sizes in pixels: the size for each aspect. */
  frameSizes?: Readonly<Partial<Record<AspectRatio, string>>>;
  /** ComfyUI: the checkpoint / diffusion model file its loader node expects, and its frame rate. */
  modelFile?: string;
  fps?: number;
}

const VEO_READ = { priceReadOn: '2026-12-06' } as const;
// 4k since 2026-01-13 (shared/wire/veo.md); 1080p, 4k and reference images only at 8 s.
const VEO = {
  provider: 'veo',
  durations: [4, 6, 8],
  resolutions: ['720p', '1080p', '4k'],
  aspects: ['16:9', '9:16'],
  audio: true,
  longestOnly: { resolutions: ['1080p', '4k'], modes: ['reference_images'] },
} as const;
const VEO_MODES: readonly GenerationMode[] = ['text_to_video', 'image_to_video', 'first_last_frame', 'reference_images'];
const OWN_GPU = { usdPerSecond: 0, priceSource: 'runs on your own ComfyUI server', priceReadOn: '2026-12-06', audio: false, provider: 'comfyui' } as const;

export const MODEL_PRESETS: readonly ModelPreset[] = [
  { id: 'veo-3.1-generate-preview', label: 'Veo 3.1', ...VEO, modes: VEO_MODES, usdPerSecond: 0.4, usdPerSecondAt: { '4k': 0.6 }, priceSource: 'Gemini API pricing, Veo 3.1 Standard with audio (4k: $0.60)', ...VEO_READ },
  { id: 'veo-3.1-fast-generate-preview', label: 'Veo 3.1 Fast', ...VEO, modes: VEO_MODES, usdPerSecond: 0.15, usdPerSecondAt: { '4k': 0.3 }, priceSource: 'Gemini API pricing, Veo 3.1 Fast with audio (4k: $0.30)', ...VEO_READ },
  {
    id: 'gen4_turbo',
    label: 'Runway Gen-4 Turbo',
    provider: 'runway',
    modes: ['image_to_video'],
    // Any whole number of seconds from 2 to 10 (shared/wire/runway.md).
    durations: [2, 3, 4, 5, 6, 7, 8, 9, 10],
    resolutions: ['720p'],
    aspects: ['16:9', '9:16', '4:3', '3:4', '1:1', '21:9'],
    frameSizes: { '16:9': '1280:720', '9:16': '720:1280', '4:3': '1104:832', '3:4': '832:1104', '1:1': '960:960', '21:9': '1584:672' },
    audio: false,
    usdPerSecond: 0.05,
    priceSource: 'Runway API, 5 credits per second at $0.01 a credit',
    priceReadOn: '2026-12-06',
  },
  { id: 'sora-2', label: 'OpenAI Sora 2', provider: 'openai', modes: ['text_to_video', 'image_to_video'], durations: [4, 8, 12], resolutions: ['720p'], aspects: ['16:9', '9:16'], audio: true, usdPerSecond: 0.1, priceSource: 'OpenAI API pricing, sora-2 at 720p', priceReadOn: '2026-12-06' },
  { id: 'sora-2-pro', label: 'OpenAI Sora 2 Pro', provider: 'openai', modes: ['text_to_video', 'image_to_video'], durations: [4, 8, 12], resolutions: ['720p'], aspects: ['16:9', '9:16'], audio: true, usdPerSecond: 0.3, priceSource: 'OpenAI API pricing, sora-2-pro at 720p', priceReadOn: '2026-12-06' },
  { id: 'wan2.1-t2v-1.3b', label: 'Wan 2.1 T2V 1.3B (ComfyUI)', ...OWN_GPU, modes: ['text_to_video'], durations: [2, 3, 4, 5], resolutions: ['480p'], aspects: ['16:9', '9:16', '1:1'], modelFile: 'wan2.1_t2v_1.3B_fp16.safetensors', fps: 16 },
  { id: 'wan2.1-t2v-14b', label: 'Wan 2.1 T2V 14B (ComfyUI)', ...OWN_GPU, modes: ['text_to_video'], durations: [2, 3, 4, 5], resolutions: ['480p', '720p'], aspects: ['16:9', '9:16', '1:1'], modelFile: 'wan2.1_t2v_14B_fp8_e4m3fn.safetensors', fps: 16 },
  { id: 'wan2.1-i2v-14b-480p', label: 'Wan 2.1 I2V 14B 480p (ComfyUI)', ...OWN_GPU, modes: ['image_to_video'], durations: [2, 3, 4, 5], resolutions: ['480p'], aspects: ['16:9', '9:16', '1:1'], modelFile: 'wan2.1_i2v_480p_14B_fp8_e4m3fn.safetensors', fps: 16 },
  { id: 'wan2.2-ti2v-5b', label: 'Wan 2.2 TI2V 5B (ComfyUI)', ...OWN_GPU, modes: ['text_to_video', 'image_to_video'], durations: [2, 3, 4, 5], resolutions: ['720p'], aspects: ['16:9', '9:16', '1:1'], modelFile: 'wan2.2_ti2v_5B_fp16.safetensors', fps: 24 },
  { id: 'ltx-video-2b', label: 'LTX-Video 2B (ComfyUI)', ...OWN_GPU, modes: ['text_to_video', 'image_to_video'], durations: [2, 4, 6, 8, 10], resolutions: ['480p', '720p'], aspects: ['16:9', '9:16', '1:1'], modelFile: 'ltx-video-2b-v0.9.5.safetensors', fps: 24 },
  { id: 'hunyuan-video-t2v', label: 'HunyuanVideo T2V (ComfyUI)', ...OWN_GPU, modes: ['text_to_video'], durations: [2, 3, 4, 5], resolutions: ['480p', '720p'], aspects: ['16:9', '9:16', '1:1'], modelFile: 'hunyuan_video_t2v_720p_bf16.safetensors', fps: 24 },
  { id: 'flux1-dev', label: 'FLUX.1 dev (ComfyUI, stills)', ...OWN_GPU, modes: ['text_to_image'], durations: [], resolutions: ['1024px'], aspects: ['16:9', '9:16', '1:1', '4:3', '3:4'], modelFile: 'flux1-dev-fp8.safetensors' },
  { id: 'flux1-schnell', label: 'FLUX.1 schnell (ComfyUI, stills)', ...OWN_GPU, modes: ['text_to_image'], durations: [], resolutions: ['1024px'], aspects: ['16:9', '9:16', '1:1', '4:3', '3:4'], modelFile: 'flux1-schnell-fp8.safetensors' },
  { id: 'sdxl-base-1.0', label: 'SDXL 1.0 (ComfyUI, stills)', ...OWN_GPU, modes: ['text_to_image'], durations: [], resolutions: ['1024px'], aspects: ['16:9', '9:16', '1:1', '4:3', '3:4'], modelFile: 'sd_xl_base_1.0.safetensors' },
];

const BY_ID = new Map(MODEL_PRESETS.map((m) => [m.id, m]));

/** The row for a model id; undefined when the table does not know it. */
export const presetOf = (id: string): ModelPreset | undefined => BY_ID.get(id);

/** The rows one provider serves, in table order. */
export const presetsOf = (provider: VideoProvider): ModelPreset[] => MODEL_PRESETS.filter((m) => m.provider === provider);

/** The ids of a provider's models as a non-empty tuple, for a `z.enum` of a node's model param. */
export function modelIdsOf(provider: VideoProvider): [string, ...string[]] {
  const ids = presetsOf(provider).map((m) => m.id);
  if (!ids.length) throw new Error(`[model-presets] no model for provider "${provider}"`);
  return ids as [string, ...string[]];
}

/** Every duration any of a provider's models can make, shortest first. */
export const durationsOf = (provider: VideoProvider): number[] => [...new Set(presetsOf(provider).flatMap((m) => m.durations))].sort((a, b) => a - b);

/** Dollars for `seconds` of a model (at `resolution`, when its price depends on it), to the cent; undefined when the model is not in the table. */
export function priceOf(model: string, seconds: number, resolution?: string): number | undefined {
  const preset = presetOf(model);
  if (!preset) return undefined;
  const perSecond = (resolution !== undefined ? preset.usdPerSecondAt?.[resolution] : undefined) ?? preset.usdPerSecond;
  return Math.round(perSecond * seconds * 100) / 100;
}

/** The label a person knows the model by, or its id when the table does not know it. */
export const modelLabelOf = (model: string) => presetOf(model)?.label ?? model;

/** The oldest price date in the table: what every estimate says its prices were read on. */
export const PRICES_READ_ON = MODEL_PRESETS.map((m) => m.priceReadOn).reduce((a, b) => (b < a ? b : a));

export const formatUsd = (usd: number) => `$${usd.toFixed(2)}`;
