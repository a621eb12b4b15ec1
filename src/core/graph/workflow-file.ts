import { z } from 'zod';

export const WORKFLOW_TYPE = 'director-workflow';
export const WORKFLOW_VERSION = 1;

/** Sizes a workflow file may have; beyond them it is refused before any parsing work. */
export const WORKFLOW_LIMITS = {
  maxBytes: 2 * 1024 * 1024,
  maxNodes: 2000,
  maxEdges: 8000,
  maxGroups: 500,
  maxProblemsListed: 50,
} as const;

const id = z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/, 'expected an id of 1-80 letters, digits or "_.:-"');
const portName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,39}$/, 'expected a port name');
const coordinate = z.number().finite().min(-1e6).max(1e6);

/**
 * The graph part of a workflow file. Objects strip unknown keys (a newer app's extras are
 * dropped, not trusted); params stay loose here and are parsed by each kind's schema later.
 */
export const workflowGraphSchema = z.object({
  nodes: z
    .array(
      z.object({
        id,
        kind: z.string().min(1).max(64),
        params: z.record(z.string().max(64), z.unknown()).default({}),
        position: z.object({ x: coordinate, y: coordinate }),
        label: z.string().max(200).optional(),
        group: id.optional(),
      }),
    )
    .max(WORKFLOW_LIMITS.maxNodes),
  edges: z.array(z.object({ id, from: id, fromPort: portName, to: id, toPort: portName })).max(WORKFLOW_LIMITS.maxEdges),
  groups: z
    .array(z.object({ id, label: z.string().max(200), color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional() }))
    .max(WORKFLOW_LIMITS.maxGroups)
    .default([]),
});

export const workflowFileSchema = z.object({
  type: z.literal(WORKFLOW_TYPE),
  version: z.literal(WORKFLOW_VERSION),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  exportedAt: z.number().int().nonnegative().optional(),
  graph: workflowGraphSchema,
});

/** A workflow file as written by this version (strict type out). */
export type WorkflowFile = z.output<typeof workflowFileSchema>;
