import type { z } from 'zod';
import { err, ok, type Result } from '../util/result';
import type { GraphNode } from './graph-types';
import { BUILT_IN_KINDS } from './kinds';
import type { AnyNodeKindDef } from './node-kind';

/** Looks kinds up by name; the core depends on this, the app may add kinds of its own. */
export interface KindRegistry {
  get(kind: string): AnyNodeKindDef | undefined;
  list(): readonly AnyNodeKindDef[];
}

export class DuplicateKindError extends Error {
  readonly code = 'duplicate_kind';
  constructor(kind: string) {
    super(`[graph] node kind "${kind}" is registered twice`);
  }
}

/**
 * @example
 * const registry = makeKindRegistry([...BUILT_IN_KINDS, myKind]);
 * registry.get('veo-video')?.version; // 1
 */
export function makeKindRegistry(defs: readonly AnyNodeKindDef[] = BUILT_IN_KINDS): KindRegistry {
  const byKind = new Map<string, AnyNodeKindDef>();
  for (const def of defs) {
    if (byKind.has(def.kind)) throw new DuplicateKindError(def.kind);
    byKind.set(def.kind, def);
  }
  const list = [...byKind.values()];
  return { get: (kind) => byKind.get(kind), list: () => list };
}

export const defaultKindRegistry: KindRegistry = makeKindRegistry();

/** "timing.durationSeconds: Invalid input" — the first problem, naming where it is. */
export function describeZodIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return `${issue.path.length ? issue.path.join('.') : '(params)'}: ${issue.message}`;
}

/** Validates params against the kind's schema, filling defaults and dropping unknown keys. */
export function parseParams(def: AnyNodeKindDef, raw: unknown): Result<Record<string, unknown>, 'invalid_params'> {
  const parsed = def.params.safeParse(raw ?? {});
  if (parsed.success) return ok(parsed.data as Record<string, unknown>);
  return err('invalid_params', `${def.title} params: ${describeZodIssues(parsed.error)}`);
}

/** Default params for a new node of this kind. */
export function defaultParams(def: AnyNodeKindDef): Record<string, unknown> {
  return def.params.parse({}) as Record<string, unknown>;
}

/** `"Shot 1" (veo-1)` or `Veo video (veo-1)`: how messages name a node. */
export function nameNode(node: GraphNode | undefined, id: string, registry: KindRegistry): string {
  if (!node) return `(missing node ${id})`;
  const title = node.label ? `"${node.label}"` : (registry.get(node.kind)?.title ?? node.kind);
  return `${title} (${id})`;
}
