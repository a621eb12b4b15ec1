import { err, ok, type Err, type Ok } from '../util/result';
import { describeZodIssues, defaultKindRegistry, type KindRegistry } from './kind-registry';
import type { Graph } from './graph-types';
import { validateGraph, type GraphProblem } from './validate-graph';
import { WORKFLOW_LIMITS, WORKFLOW_TYPE, WORKFLOW_VERSION, workflowFileSchema } from './workflow-file';

export type WorkflowErrorCode = 'too_large' | 'invalid_json' | 'not_a_workflow' | 'unsupported_version' | 'invalid_workflow';

export type WorkflowError = Err<WorkflowErrorCode> & { problems: GraphProblem[] };

export interface RestoredWorkflow {
  name: string;
  description: string;
  graph: Graph;
}

/** Loose type in: JSON text, or whatever a file, a paste or a share link parsed to. */
export type ImportedWorkflow = unknown;

/** Upgrades from older file versions, one step each (none yet: version 1 is the first). */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

/**
 * The one gate a workflow passes on its way in: size, JSON, envelope, version (migrated up,
 * newer refused), schema, then the graph itself (kinds, params, edges, groups, cycles).
 * All or nothing: any problem refuses the whole file and every problem is listed.
 *
 * @example
 * const result = restoreWorkflow(await file.text());
 * if (!result.ok) showProblems(result.message, result.problems);
 */
export function restoreWorkflow(input: ImportedWorkflow, registry: KindRegistry = defaultKindRegistry): Ok<RestoredWorkflow> | WorkflowError {
  const fail = (code: WorkflowErrorCode, message: string, problems: GraphProblem[] = []): WorkflowError => ({
    ...err(code, message),
    problems: problems.slice(0, WORKFLOW_LIMITS.maxProblemsListed),
  });

  let doc: unknown = input;
  if (typeof input === 'string') {
    if (input.length > WORKFLOW_LIMITS.maxBytes) return fail('too_large', `Workflow is ${input.length} characters; the limit is ${WORKFLOW_LIMITS.maxBytes}`);
    try {
      doc = JSON.parse(input);
    } catch (thrown) {
      return fail('invalid_json', `Workflow is not valid JSON: ${(thrown as Error).message}`);
    }
  }

  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || (doc as Record<string, unknown>).type !== WORKFLOW_TYPE)
    return fail('not_a_workflow', `Not a Director workflow (expected "type": "${WORKFLOW_TYPE}")`);
  let envelope = doc as Record<string, unknown>;
  const version = envelope.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('unsupported_version', `Workflow version must be a whole number from 1, got ${JSON.stringify(version)?.slice(0, 40)}`);
  if (version > WORKFLOW_VERSION)
    return fail('unsupported_version', `Workflow version ${version} was made by a newer Director (this one reads up to ${WORKFLOW_VERSION})`);
  for (let v = version; v < WORKFLOW_VERSION; v++) envelope = { ...MIGRATIONS[v]!(envelope), version: v + 1 };

  const parsed = workflowFileSchema.safeParse(envelope);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue): GraphProblem => ({
      code: issue.path[1] === 'edges' ? 'bad_edge' : 'malformed',
      where: issue.path.join('.') || '(root)',
      message: issue.message,
    }));
    return fail('invalid_workflow', `Workflow is malformed: ${describeZodIssues(parsed.error)}`, problems);
  }

  const file = parsed.data;
  const checked = validateGraph({ nodes: file.graph.nodes, edges: file.graph.edges, groups: file.graph.groups }, registry);
  if (checked.problems.length) {
    const count = checked.problems.length;
    return fail('invalid_workflow', `Workflow has ${count} problem${count === 1 ? '' : 's'}: ${checked.problems[0]!.message}`, checked.problems);
  }
  return ok({ name: file.name, description: file.description, graph: checked.graph });
}
