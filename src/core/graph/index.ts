/**
 * Graph engine (no DOM): model, node kinds, validation, pull executor with a persisted cache,
 * jobs, takes, workflows. The app mostly needs: `connect`/`checkConnection` (canvas),
 * `makeExecutor` + `NodeRunner`s (run, resume, cancel, retry, run first), `markStale` (after
 * edits), `listTakes`/`pickTake`/`withNewSeed` (history), `exportWorkflow`/`restoreWorkflow`.
 * Storage adapters implement `CacheStore`, `JobStore` and `TakeStore`.
 */
export type { Graph, GraphNode, GraphEdge, GraphGroup, NodePosition } from './graph-types';
export { emptyGraph } from './graph-types';
export { PORT_TYPES, type PortType, describePortType, portAccepts } from './port-types';
export { PROVIDERS, type Provider, type NodeKindDef, type AnyNodeKindDef, type InputPortSpec, type OutputPortSpec, defineKind, inputPortsOf } from './node-kind';
export { BUILT_IN_KINDS, ENHANCE_PRESETS, PROP_TYPES, VEO_MODES } from './kinds';
export { type KindRegistry, makeKindRegistry, defaultKindRegistry, parseParams, defaultParams, nameNode } from './kind-registry';
export { checkConnection, type ConnectionErrorCode, type ConnectionRequest } from './check-connection';
export { addNode, connect, disconnect, removeNodes, updateParams, moveNodes, groupNodes, ungroup, type NewNode } from './graph-edits';
export { validateGraph, type GraphProblem, type GraphProblemCode } from './validate-graph';
export { topologyOf, type Topology } from './topology';
export { findCycle } from './find-cycle';
export { canonicalJson } from './canonical-json';
export { hashText } from './hash-text';
export { computeCacheKeys } from './cache-keys';
export { type CacheStore, type CacheEntry, makeMemoryCacheStore } from './cache-store';
export { planAndCheck, type Plan, type PlanError, type PlanErrorCode, type PlanOptions } from './plan';
export { type JobRecord, type JobState, type JobStore, JOB_STATES, makeMemoryJobStore } from './job-store';
export { type Take, type TakeStore, makeMemoryTakeStore } from './take-store';
export { listTakes, pickTake, withNewSeed } from './takes';
export { type NodeRunner, type RunContext, type RunnerOutcome, type RunnerFailure, RunnerError, runnerFailure } from './node-runner';
export { type RetryPolicy, DEFAULT_RETRY_POLICY, retryDelayMs, isRetryable } from './retry-policy';
export { type Clock, systemClock, AbortedError } from './clock';
export { DEFAULT_PROVIDER_LIMITS, makeProviderSlots, type ProviderSlots } from './provider-slots';
export { makeExecutor, type Executor, type ExecutorOptions, type RunOptions, type RunReport, type RunResult } from './executor';
export type { NodeOutcome, NodeEvent, NodeRunState } from './run-types';
export { markStale, cacheKeysOfGraph, type CanvasNodeState, type NodeStateChange } from './stale';
export { exportWorkflow } from './export-workflow';
export { restoreWorkflow, type RestoredWorkflow, type WorkflowError, type WorkflowErrorCode } from './restore-workflow';
export { WORKFLOW_LIMITS, WORKFLOW_TYPE, WORKFLOW_VERSION, type WorkflowFile } from './workflow-file';
export { STARTER_WORKFLOWS, characterThreeShotsWorkflow, beatCutMontageWorkflow } from './starter-workflows';
