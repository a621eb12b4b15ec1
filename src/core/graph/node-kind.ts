import type { z } from 'zod';
import type { ParamInfoMap } from './param-info';
import type { PortType } from './port-types';

/**
 * Who does the work; the executor limits how many jobs of one provider run at once
 * (Veo quotas are not local CPU).
 */
export const PROVIDERS = ['veo', 'runway', 'gemini', 'local', 'render', 'comfyui', 'openai'] as const;
export type Provider = (typeof PROVIDERS)[number];

export interface InputPortSpec {
  name: string;
  /** Capitalised for messages: "Video input expects a video, got text". */
  label: string;
  accepts: readonly PortType[];
  /** Several edges may feed it; the runner gets an array in edge order. */
  multiple?: boolean;
  /** Upper bound for a multiple input (Veo takes at most 3 reference images). */
  max?: number;
  /** The node cannot run without it (mode-dependent rules go in `checkRunnable`). */
  required?: boolean;
}

export interface OutputPortSpec {
  name: string;
  label: string;
  type: PortType;
}

/**
 * One kind of node. The engine only reads this description; the work itself is done by a
 * `NodeRunner` the app registers for the kind.
 */
export interface NodeKindDef<P extends Record<string, unknown> = Record<string, unknown>> {
  kind: string;
  title: string;
  description: string;
  /** Bump when the runner's output for the same params changes: it enters every cache key. */
  version: number;
  provider: Provider;
  /** zod object schema with defaults; `parse({})` gives a new node's params. */
  params: z.ZodType<P>;
  /** Label, unit and choice names of every param, for the inspector and the node body. */
  paramInfo: ParamInfoMap<P>;
  /** Static ports, or ports derived from params (Composition props). */
  inputs: readonly InputPortSpec[] | ((params: P) => readonly InputPortSpec[]);
  outputs: readonly OutputPortSpec[];
  /** Param/input rules checked before a run, e.g. "first+last frame needs a last frame". */
  checkRunnable?: (params: P, connected: ReadonlySet<string>) => string | null;
  /** The part of params that identifies the output (Image: the content hash, not the upload id). */
  cacheIdentity?: (params: P) => unknown;
  /** Name of the seed param, when "re-run with a new seed" makes sense for this kind. */
  seedParam?: string;
}

export type AnyNodeKindDef = NodeKindDef<any>;

/** Types the definition against its schema; returns it unchanged. */
export function defineKind<S extends z.ZodType<Record<string, unknown>>>(def: NodeKindDef<z.output<S>> & { params: S }): NodeKindDef<z.output<S>> {
  return def;
}

export function inputPortsOf(def: AnyNodeKindDef, params: Record<string, unknown>): readonly InputPortSpec[] {
  return typeof def.inputs === 'function' ? def.inputs(params) : def.inputs;
}
