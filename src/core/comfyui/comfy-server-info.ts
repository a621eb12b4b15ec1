import { MODEL_INPUTS } from './comfy-workflow';

/** What Settings → Compute shows of a server: its GPU, VRAM and ComfyUI version from `/system_stats`. */
export interface ComfyServerInfo {
  gpu: string;
  vramTotalBytes: number;
  vramFreeBytes: number;
  comfyVersion?: string;
}

export function readSystemStats(body: unknown): ComfyServerInfo | undefined {
  const b = body as { system?: { comfyui_version?: unknown }; devices?: { name?: unknown; vram_total?: unknown; vram_free?: unknown }[] };
  const device = Array.isArray(b?.devices) ? b.devices[0] : undefined;
  if (!b?.system || !device) return undefined;
  return {
    // ComfyUI names the device like "cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync".
    gpu: String(device.name ?? 'unknown').replace(/^cuda:\d+\s+/, '').replace(/\s*:\s*\w+$/, ''),
    vramTotalBytes: Number(device.vram_total) || 0,
    vramFreeBytes: Number(device.vram_free) || 0,
    ...(typeof b.system.comfyui_version === 'string' ? { comfyVersion: b.system.comfyui_version } : {}),
  };
}

/** Running plus pending prompts in a `/queue` answer. */
export function queueLengthOf(body: unknown): number {
  const b = body as { queue_running?: unknown[]; queue_pending?: unknown[] };
  return (Array.isArray(b?.queue_running) ? b.queue_running.length : 0) + (Array.isArray(b?.queue_pending) ? b.queue_pending.length : 0);
}

/** Whether a prompt is still in a `/queue` answer (each entry is `[number, promptId, prompt, extra, outputs]`). */
export function isQueued(body: unknown, promptId: string): boolean {
  const b = body as { queue_running?: unknown[][]; queue_pending?: unknown[][] };
  return [...(b?.queue_running ?? []), ...(b?.queue_pending ?? [])].some((entry) => Array.isArray(entry) && entry[1] === promptId);
}

/**
 * The model files a server's loader nodes offer, from `/object_info`: each loader input named like
 * `ckpt_name` lists its choices, either as `[[...files], {...}]` or, in newer ComfyUI,
 * `["COMBO", { options: [...files] }]`.
 */
export function modelsFromObjectInfo(body: unknown): string[] {
  const files = new Set<string>();
  for (const node of Object.values((body ?? {}) as Record<string, { input?: { required?: Record<string, unknown>; optional?: Record<string, unknown> } }>)) {
    const inputs = { ...node?.input?.required, ...node?.input?.optional };
    for (const [name, spec] of Object.entries(inputs)) {
      if (!MODEL_INPUTS.has(name) || !Array.isArray(spec)) continue;
      const choices = Array.isArray(spec[0]) ? spec[0] : spec[0] === 'COMBO' ? (spec[1] as { options?: unknown })?.options : undefined;
      if (Array.isArray(choices)) for (const f of choices) if (typeof f === 'string') files.add(f);
    }
  }
  return [...files].sort();
}
