import { newId as randomId } from '../util/ids';
import { ok, type Ok } from '../util/result';
import type { CacheStore } from './cache-store';
import { systemClock, type Clock } from './clock';
import { executeNode, type NodeServices, type NodeTask } from './execute-node';
import type { Graph } from './graph-types';
import type { JobRecord, JobStore } from './job-store';
import { makeJobWriter } from './job-writer';
import { defaultKindRegistry, nameNode, type KindRegistry } from './kind-registry';
import type { Provider } from './node-kind';
import type { NodeRunner } from './node-runner';
import { planAndCheck, type Plan, type PlanError } from './plan';
import { makeProviderSlots } from './provider-slots';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import type { EmitNodeEvent, NodeOutcome } from './run-types';
import { makeMemoryTakeStore, type TakeStore } from './take-store';
import { topologyOf } from './topology';

export interface ExecutorOptions {
  /** Kind → runner. A node whose kind has none fails with `no_runner`. */
  runners: Readonly<Record<string, NodeRunner | undefined>>;
  cache: CacheStore;
  jobs: JobStore;
  takes?: TakeStore;
  registry?: KindRegistry;
  /** Jobs in flight per provider, over DEFAULT_PROVIDER_LIMITS. */
  limits?: Partial<Record<Provider, number>>;
  retry?: Partial<RetryPolicy>;
  clock?: Clock;
  newId?: () => string;
  projectId?: string;
  /**
   * Which of the project's jobs are this executor's to resume or supersede (default: all). The
   * canvas and the storyboard share the project's job store, each with its own graph.
   */
  ownsNode?: (nodeId: string) => boolean;
  onEvent?: EmitNodeEvent;
}

export interface RunOptions {
  /** Higher runs first among jobs waiting for the same provider. */
  priority?: number;
  /** Aborting cancels the jobs this run started. */
  signal?: AbortSignal;
}

export interface RunReport {
  /** Every target is done. */
  ok: boolean;
  plan: Plan;
  /** Outcome of every node the run touched (cache hits included). */
  outcomes: Record<string, NodeOutcome>;
}

export type RunResult = Ok<RunReport> | PlanError;

export interface Executor {
  /** Pulls the targets (default: every node): runs only what is missing for the current keys. */
  run(graph: Graph, targets?: readonly string[], options?: RunOptions): Promise<RunResult>;
  /** After a reload: picks up the project's queued/running jobs whose keys still match. */
  resume(graph: Graph): Promise<RunResult>;
  /** Runs a job's node again (the queue panel's "retry"). */
  retry(graph: Graph, jobId: string): Promise<RunResult>;
  /** Cancels a job (by job id or node id): queued jobs stop at once, running ones get the abort. */
  cancel(jobOrNodeId: string): boolean;
  /** Moves a job (and the jobs it waits on) ahead of every other waiting job. */
  runFirst(jobOrNodeId: string): boolean;
  /** Holds every waiting job (running ones finish); false lets them start again. */
  setPaused(paused: boolean): void;
  /** Jobs this executor is working on, for the queue panel. */
  activeJobs(): JobRecord[];
  /** Cancels everything in flight. */
  dispose(): void;
}

interface ActiveTask {
  task: NodeTask;
  promise: Promise<NodeOutcome>;
  upstreamKeys: string[];
}

/**
 * @example
 * const executor = makeExecutor({ runners, cache: makeMemoryCacheStore(), jobs: makeMemoryJobStore() });
 * const result = await executor.run(graph, ['extend-1']);
 */
export function makeExecutor(options: ExecutorOptions): Executor {
  const registry = options.registry ?? defaultKindRegistry;
  const projectId = options.projectId ?? '';
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? randomId;
  const { cache, jobs } = options;
  const emit: EmitNodeEvent = options.onEvent ?? (() => {});
  const services: Omit<NodeServices, 'describe'> = {
    registry,
    runners: options.runners,
    cache,
    takes: options.takes ?? makeMemoryTakeStore(),
    slots: makeProviderSlots(options.limits),
    clock,
    policy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    newId,
    projectId,
    emit,
  };
  // Keyed by cache key: two runs (or two identical nodes) wanting the same output share one job.
  const active = new Map<string, ActiveTask>();
  let topPriority = 0;

  const findActive = (id: string) => [...active.values()].find((a) => a.task.writer.current.id === id || a.task.node.id === id);

  async function run(graph: Graph, targets?: readonly string[], runOptions: RunOptions = {}): Promise<RunResult> {
    const planned = await planAndCheck(graph, cache, { targets, registry });
    if (!planned.ok) return planned;
    const plan = planned.value;
    const topo = plan.topology;
    const describe = (id: string) => nameNode(topo.nodeById.get(id), id, registry);
    const unfinished = latestByNode(await jobs.listUnfinished(projectId));

    // Tasks are registered without awaiting anything, so a concurrent run sees them and shares.
    const bookkeeping: Promise<unknown>[] = [];
    const outcomes = new Map<string, Promise<NodeOutcome>>();
    for (const [id, entry] of plan.hits) {
      outcomes.set(id, Promise.resolve({ state: 'done', cacheKey: entry.key, outputs: entry.outputs, cached: true, takeId: entry.takeId }));
      emit({ nodeId: id, state: 'cached' });
      const stale = unfinished.get(id);
      // Finished before the app closed, but the job row never said so.
      if (stale && stale.cacheKey === entry.key && !findActive(stale.id))
        bookkeeping.push(jobs.put({ ...stale, state: 'done', progress: 1, updatedAt: clock.now() }));
    }

    const started: ActiveTask[] = [];
    for (const id of plan.toRun) {
      const cacheKey = plan.keys.get(id)!;
      const shared = active.get(cacheKey);
      if (shared) {
        outcomes.set(id, shared.promise);
        continue;
      }
      // Params as planned: an in-place edit during the run must not reach a runner under the old key.
      const plannedNode = topo.nodeById.get(id)!;
      const node = { ...plannedNode, params: structuredClone(plannedNode.params) };
      const def = registry.get(node.kind)!;
      const previous = unfinished.get(id);
      const previousIsIdle = previous !== undefined && !findActive(previous.id);
      const resumable = previousIsIdle && previous.cacheKey === cacheKey ? previous : undefined;
      if (previousIsIdle && !resumable)
        bookkeeping.push(jobs.put({ ...previous, state: 'cancelled', error: { code: 'superseded', message: 'Superseded: the node changed' }, updatedAt: clock.now() }));

      const priority = runOptions.priority ?? 0;
      const now = clock.now();
      const initial: JobRecord = resumable ?? {
        id: newId(),
        projectId,
        nodeId: id,
        kind: node.kind,
        provider: def.provider,
        cacheKey,
        state: 'queued',
        progress: 0,
        attempts: 0,
        priority,
        createdAt: now,
        updatedAt: now,
      };
      const writer = makeJobWriter(jobs, initial, clock, () => {});
      const edges = topo.incoming.get(id)!;
      const upstreamIds = [...new Set(edges.map((e) => e.from))];
      const task: NodeTask = {
        node,
        def,
        cacheKey,
        edges,
        upstream: new Map(upstreamIds.map((from) => [from, outcomes.get(from)!])),
        writer,
        ticket: { id: initial.id, priority: Math.max(priority, initial.priority) },
        controller: new AbortController(),
        // A job that was running when the tab went continues as the same attempt, with or without
        // a stored operation id: the start may have been sent, and the same attempt reuses its
        // idempotency key, so the edge answers with that start instead of making a second one.
        resumingAfterReload: resumable?.state === 'running',
      };
      // Queued the moment it exists; the writer keeps this write ahead of the task's own.
      if (!task.resumingAfterReload) bookkeeping.push(writer.update({ state: 'queued' }));
      emit({ nodeId: id, state: task.resumingAfterReload ? 'running' : 'queued', job: writer.current });

      const entry: ActiveTask = { task, promise: undefined!, upstreamKeys: upstreamIds.map((from) => plan.keys.get(from)!) };
      entry.promise = executeNode(task, { ...services, describe }).finally(() => {
        if (active.get(cacheKey) === entry) active.delete(cacheKey);
      });
      active.set(cacheKey, entry);
      started.push(entry);
      outcomes.set(id, entry.promise);
    }
    // A failed write surfaces in the task that owns it; the run itself never throws.
    await Promise.allSettled(bookkeeping);

    const abortRun = () => started.forEach((s) => s.task.controller.abort());
    runOptions.signal?.addEventListener('abort', abortRun, { once: true });
    if (runOptions.signal?.aborted) abortRun();
    const settled = await Promise.all([...outcomes].map(async ([id, p]) => [id, await p] as const));
    runOptions.signal?.removeEventListener('abort', abortRun);

    const byId = Object.fromEntries(settled);
    return ok({ ok: plan.targets.every((id) => byId[id]?.state === 'done'), plan, outcomes: byId });
  }

  async function resume(graph: Graph): Promise<RunResult> {
    const topo = topologyOf(graph);
    const owns = options.ownsNode ?? (() => true);
    const pending = [...latestByNode(await jobs.listUnfinished(projectId)).values()].filter((job) => owns(job.nodeId) && !findActive(job.id));
    const present = pending.filter((job) => topo.nodeById.has(job.nodeId));
    if (present.length === 0) return run(graph, []);
    const planned = await planAndCheck(graph, cache, { targets: present.map((j) => j.nodeId), registry });
    if (!planned.ok) return planned;
    const current = present.filter((job) => planned.value.keys.get(job.nodeId) === job.cacheKey);
    // Jobs for a node's older params are not resumed: their result would be stale on arrival.
    for (const job of pending)
      if (!current.includes(job))
        await jobs.put({ ...job, state: 'cancelled', error: { code: 'superseded', message: 'Superseded: the node changed or was removed' }, updatedAt: clock.now() });
    return run(graph, current.map((j) => j.nodeId));
  }

  async function retry(graph: Graph, jobId: string): Promise<RunResult> {
    const job = await jobs.get(jobId);
    return run(graph, job ? [job.nodeId] : [jobId]);
  }

  function cancel(jobOrNodeId: string): boolean {
    const found = findActive(jobOrNodeId);
    found?.task.controller.abort();
    return found !== undefined;
  }

  function runFirst(jobOrNodeId: string): boolean {
    const found = findActive(jobOrNodeId);
    if (!found) return false;
    const priority = ++topPriority + 1_000_000;
    // The job cannot start before its inputs exist: move those ahead too.
    const stack = [found];
    const seen = new Set<ActiveTask>();
    while (stack.length) {
      const entry = stack.pop()!;
      if (seen.has(entry)) continue;
      seen.add(entry);
      entry.task.ticket.priority = priority;
      services.slots.bump(entry.task.ticket.id, priority);
      void entry.task.writer.update({ priority }).catch(() => {});
      for (const key of entry.upstreamKeys) {
        const up = active.get(key);
        if (up) stack.push(up);
      }
    }
    return true;
  }

  return {
    run,
    resume,
    retry,
    cancel,
    runFirst,
    setPaused: (paused: boolean) => services.slots.setPaused(paused),
    activeJobs: () => [...active.values()].map((a) => a.task.writer.current),
    dispose: () => active.forEach((a) => a.task.controller.abort()),
  };
}

function latestByNode(jobs: readonly JobRecord[]): Map<string, JobRecord> {
  const byNode = new Map<string, JobRecord>();
  for (const job of jobs) byNode.set(job.nodeId, job); // oldest first, so the newest wins
  return byNode;
}
