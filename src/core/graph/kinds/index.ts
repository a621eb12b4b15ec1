import type { AnyNodeKindDef } from '../node-kind';
import { beatsKind, characterKind, enhanceKind, faceAnalysisKind } from './analysis-kinds';
import { compositionKind, renderKind } from './assembly-kinds';
import { audioKind, imageKind, promptKind } from './source-kinds';
import { extendKind, runwayVideoKind, soraVideoKind, veoVideoKind } from './video-kinds';
import { comfyuiKind } from './comfyui-kind';

export { ENHANCE_PRESETS } from './analysis-kinds';
export { PROP_TYPES } from './assembly-kinds';
export { VEO_MODES } from './video-kinds';

/** Every built-in kind, in palette order. */
export const BUILT_IN_KINDS: readonly AnyNodeKindDef[] = [
  imageKind,
  promptKind,
  enhanceKind,
  faceAnalysisKind,
  characterKind,
  veoVideoKind,
  extendKind,
  runwayVideoKind,
  soraVideoKind,
  comfyuiKind,
  audioKind,
  beatsKind,
  compositionKind,
  renderKind,
];
