import { ASPECT_RATIOS, GENERATION_MODES, VIDEO_PROVIDERS, type ModelPreset } from './model-presets';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const VIDEO_MODES = new Set<string>(GENERATION_MODES.filter((m) => m !== 'text_to_image'));

/**
 * What is wrong with a preset table, one sentence per problem (empty when it is sound): ids are
 * unique, every field is one the app understands, video models list their durations shortest
 * first, prices are finite and dated, and a ComfyUI row names the model file its workflow loads.
 */
export function checkModelPresets(rows: readonly ModelPreset[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const at = `model "${row.id}"`;
    if (!row.id.trim()) problems.push('a model has an empty id');
    if (seen.has(row.id)) problems.push(`${at} is listed twice`);
    seen.add(row.id);
    if (!row.label.trim()) problems.push(`${at} has no label`);
    if (!VIDEO_PROVIDERS.includes(row.provider)) problems.push(`${at} has an unknown provider "${row.provider}"`);
    if (!row.modes.length) problems.push(`${at} lists no mode`);
    for (const mode of row.modes) if (!GENERATION_MODES.includes(mode)) problems.push(`${at} has an unknown mode "${mode}"`);
    const makesVideo = row.modes.some((m) => VIDEO_MODES.has(m));
    if (makesVideo && !row.durations.length) problems.push(`${at} makes video but lists no duration`);
    if (!makesVideo && row.durations.length) problems.push(`${at} makes stills but lists durations`);
    if (row.durations.some((d, i) => !Number.isInteger(d) || d <= 0 || (i > 0 && d <= row.durations[i - 1]!)))
      problems.push(`${at} durations must be whole seconds, shortest first, got ${JSON.stringify(row.durations)}`);
    if (!row.resolutions.length) problems.push(`${at} lists no resolution`);
    if (!row.aspects.length) problems.push(`${at} lists no aspect ratio`);
    for (const aspect of row.aspects) if (!ASPECT_RATIOS.includes(aspect)) problems.push(`${at} has an unknown aspect ratio "${aspect}"`);
    if (row.frameSizes) for (const aspect of row.aspects) if (!row.frameSizes[aspect]) problems.push(`${at} has no frame size for ${aspect}`);
    if (!Number.isFinite(row.usdPerSecond) || row.usdPerSecond < 0) problems.push(`${at} has a bad price ${row.usdPerSecond}`);
    if (!DATE.test(row.priceReadOn) || Number.isNaN(Date.parse(row.priceReadOn))) problems.push(`${at} price date must be YYYY-MM-DD, got "${row.priceReadOn}"`);
    if (!row.priceSource.trim()) problems.push(`${at} does not say where its price comes from`);
    if (row.provider === 'comfyui') {
      if (!row.modelFile?.trim()) problems.push(`${at} runs on ComfyUI but names no model file`);
      if (row.usdPerSecond !== 0) problems.push(`${at} runs on the person's own GPU, so its price must be 0`);
      if (makesVideo && !(row.fps && row.fps > 0)) problems.push(`${at} makes video on ComfyUI but has no frame rate`);
    }
  }
  return problems;
}
