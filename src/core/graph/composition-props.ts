import type { PROP_TYPES } from './kinds/assembly-kinds';

export type PropType = (typeof PROP_TYPES)[number];
export interface DeclaredProp {
  name: string;
  type: PropType;
  multiple?: boolean;
}

/** How a wired media value reaches composition code: by its asset name, for `staticFile(name)`. */
export type AssetNameOf = (assetId: string) => string | undefined;

export class PropWiringError extends Error {}

const assetIdOf = (value: unknown): string | null =>
  value && typeof value === 'object' && typeof (value as { assetId?: unknown }).assetId === 'string' ? (value as { assetId: string }).assetId : null;

function one(prop: DeclaredProp, value: unknown, nameOf: AssetNameOf): unknown {
  switch (prop.type) {
    case 'text':
      if (typeof value !== 'string') throw new PropWiringError(`Prop "${prop.name}" expects text.`);
      return value;
    case 'beats': {
      const b = value as { bpm?: unknown; beats?: unknown; downbeats?: unknown; durationSec?: unknown } | null;
      if (!b || typeof b.bpm !== 'number' || !Array.isArray(b.beats)) throw new PropWiringError(`Prop "${prop.name}" expects beats.`);
      return { bpm: b.bpm, beats: b.beats, downbeats: Array.isArray(b.downbeats) ? b.downbeats : [], ...(typeof b.durationSec === 'number' ? { durationSec: b.durationSec } : {}) };
    }
    default: {
      const id = assetIdOf(value);
      if (!id) throw new PropWiringError(`Prop "${prop.name}" expects ${prop.type === 'image' ? 'an image' : `a ${prop.type}`}.`);
      const name = nameOf(id);
      if (!name) throw new PropWiringError(`The ${prop.type} wired to prop "${prop.name}" is no longer in the project.`);
      return name;
    }
  }
}

/**
 * The input props a Composition node hands to Remotion: texts as strings, beats as
 * {bpm, beats, downbeats}, images/videos/audio as asset names (composition code calls
 * `staticFile(props.clip)`), a multiple prop as an array in wiring order. Unwired props are left
 * out so the composition's own defaultProps apply.
 */
export function resolveCompositionProps(declared: readonly DeclaredProp[], inputs: Record<string, unknown>, nameOf: AssetNameOf): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const prop of declared) {
    const value = inputs[prop.name];
    if (value === undefined || value === null) continue;
    if (prop.multiple) {
      const values = Array.isArray(value) ? value : [value];
      props[prop.name] = values.map((v) => one(prop, v, nameOf));
    } else props[prop.name] = one(prop, Array.isArray(value) ? value[0] : value, nameOf);
  }
  return props;
}
