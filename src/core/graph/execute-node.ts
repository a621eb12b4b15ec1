import type { CacheStore } from './cache-store';
import { AbortedError, type Clock } from './clock';
import type { GraphEdge, GraphNode } from './graph-types';
import type { JobWriter } from './job-writer';
import { parseParams, type KindRegistry } from './kind-registry';
import { inputPortsOf, type AnyNodeKindDef } from './node-kind';
import { toRunnerFailure, type NodeRunner, type RunContext, type RunnerOutcome } from './node-runner';
import type { ProviderSlots, SlotTicket } from './provider-slots';
import { retryDelayMs, type RetryPolicy } from './retry-policy';
import type { EmitNodeEvent, NodeOutcome } from './run-types';
import type { TakeStore } from './take-store';

/** Executor-wide services one node execution uses. */
export interface NodeServices {
  registry: KindRegistry;
  runners: Readonly<Record<string, NodeRunner | undefined>>;
  cache: CacheStore;
  takes: TakeStore;
  slots: ProviderSlots;
  clock: Clock;
  policy: RetryPolicy;
  newId: () => string;
  projectId: string;
  emit: EmitNodeEvent;
  describe: (nodeId: string) => string;
}

/** One node to execute: where its inputs come from and the job that records it. */
export interface NodeTask {
  node: GraphNode;
  def: AnyNodeKindDef;
  cacheKey: string;
  /** Incoming edges, graph order. */
  edges: readonly GraphEdge[];
  /** Outcome of each upstream node, by node id. */
  upstream: ReadonlyMap<string, Promise<NodeOutcome>>;
  writer: JobWriter;
  ticket: SlotTicket;
  controller: AbortController;
  /** The job was 'running' with an operation id when the app last closed: poll, don't start. */
  resumingAfterReload: boolean;
}

/**
 * The life of one job: wait for inputs, check, take a provider slot, run (or resume), retry
 * with backoff, keep the take, fill the cache. Every state change is persisted through the
 * writer before the next step. Returns an outcome; never throws.
 */
export async function executeNode(task: NodeTask, services: NodeServices): Promise<NodeOutcome> {
  try {
    return await executeNodeSteps(task, services);
  } catch (thrown) {
    if (thrown instanceof AbortedError) return cancel(task, services);
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    const outcome: NodeOutcome = { state: 'error', code: 'executor_failed', message, attempts: task.writer.current.attempts };
    await task.writer.update({ state: 'error', error: { code: outcome.code, message } }).catch(() => {});
    services.emit({ nodeId: task.node.id, state: 'error', job: task.writer.current, message });
    return outcome;
  }
}

async function executeNodeSteps(task: NodeTask, services: NodeServices): Promise<NodeOutcome> {
  const { node, def, writer } = task;
  const signal = task.controller.signal;

  const upstream = await untilAborted(Promise.all([...task.upstream].map(async ([id, p]) => [id, await p] as const)), signal);
  for (const [id, outcome] of upstream) {
    if (outcome.state === 'done') continue;
    const root = outcome.state === 'blocked' ? outcome.blockedBy : id;
    const why = outcome.state === 'blocked' ? outcome.message.replace(/^Stopped: /, '') : `${services.describe(id)} ${describeFailure(outcome)}`;
    const message = `Stopped: ${why}`;
    await writer.update({ state: 'cancelled', blockedBy: root, error: { code: 'upstream_failed', message } });
    services.emit({ nodeId: node.id, state: 'blocked', job: writer.current, blockedBy: root, message });
    return { state: 'blocked', blockedBy: root, message };
  }
  const outputsOf = new Map(upstream.map(([id, o]) => [id, o.state === 'done' ? o.outputs : {}]));

  const parsed = parseParams(def, node.params);
  if (!parsed.ok) return fail(task, services, parsed.code, parsed.message);
  const params = parsed.value;

  const ports = inputPortsOf(def, params);
  const connected = new Set(task.edges.map((e) => e.toPort));
  const missing = ports.find((port) => port.required && !connected.has(port.name));
  if (missing) return fail(task, services, 'missing_input', `${def.title} needs its ${missing.label} input connected`);
  const notRunnable = def.checkRunnable?.(params, connected);
  if (notRunnable) return fail(task, services, 'not_runnable', notRunnable);

  const runner = services.runners[def.kind];
  if (!runner) return fail(task, services, 'no_runner', `No runner is registered for ${def.title} nodes`);

  const inputs: Record<string, unknown> = {};
  for (const port of ports) {
    const values = task.edges.filter((e) => e.toPort === port.name).map((e) => outputsOf.get(e.from)?.[e.fromPort]);
    if (port.multiple) inputs[port.name] = values;
    else if (values.length) inputs[port.name] = values[0];
  }

  let reloadResume = task.resumingAfterReload;
  for (;;) {
    const release = await services.slots.acquire(def.provider, reloadResume ? { ...task.ticket, wasRunning: true } : task.ticket, signal);
    const attempt = reloadResume ? writer.current.attempts : writer.current.attempts + 1;
    const operationId = writer.current.operationId;
    let outcome: RunnerOutcome;
    try {
      await writer.update({ state: 'running', attempts: attempt, retryAt: undefined, progress: reloadResume ? writer.current.progress : 0 });
      services.emit({ nodeId: node.id, state: 'running', job: writer.current, progress: writer.current.progress });
      reloadResume = false;
      const ctx = makeContext(task, services, { attempt, params, inputs, operationId });
      outcome = await runner.run(ctx).catch(toRunnerFailure);
    } finally {
      release();
    }

    if (outcome.ok) {
      const absent = def.outputs.find((port) => !(port.name in outcome.value));
      if (absent) return fail(task, services, 'bad_runner_output', `${def.title} runner returned no "${absent.name}" output`);
      return finish(task, services, params, outcome.value);
    }
    if (signal.aborted) return cancel(task, services);

    const delay = retryDelayMs(outcome, attempt, services.policy);
    const patch = outcome.restart ? { operationId: undefined } : {};
    if (delay === null) {
      await writer.update(patch);
      const tried = attempt > 1 ? ` (after ${attempt} attempts)` : '';
      return fail(task, services, outcome.code, `${outcome.message}${tried}`);
    }
    await writer.update({ ...patch, state: 'queued', retryAt: services.clock.now() + delay, error: { code: outcome.code, message: outcome.message } });
    services.emit({ nodeId: node.id, state: 'retrying', job: writer.current, message: `${outcome.message}; retrying in ${Math.ceil(delay / 1000)} s` });
    await services.clock.sleep(delay, signal);
  }
}

function makeContext(
  task: NodeTask,
  services: NodeServices,
  run: { attempt: number; params: Record<string, unknown>; inputs: Record<string, unknown>; operationId: string | undefined },
): RunContext {
  const { writer, node } = task;
  return {
    nodeId: node.id,
    kind: node.kind,
    cacheKey: task.cacheKey,
    attempt: run.attempt,
    params: run.params,
    inputs: run.inputs,
    signal: task.controller.signal,
    resumeFrom: run.operationId ? { operationId: run.operationId } : undefined,
    progress(fraction, message) {
      const progress = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
      const job = writer.current;
      // Persist visible changes only: a runner may report progress hundreds of times.
      if (Math.abs(progress - job.progress) < 0.01 && message === job.progressMessage) return;
      void writer.update({ progress, progressMessage: message }).catch(() => {});
      services.emit({ nodeId: node.id, state: 'running', job: writer.current, progress, message });
    },
    async checkpoint(state) {
      await writer.update({ operationId: state.operationId });
    },
  };
}

async function finish(task: NodeTask, services: NodeServices, params: Record<string, unknown>, outputs: Record<string, unknown>): Promise<NodeOutcome> {
  const { node, def, writer } = task;
  const takeId = services.newId();
  const createdAt = services.clock.now();
  // Take and cache first: if the app dies before the job says 'done', a resume finds the cache.
  await services.takes.add({
    id: takeId,
    projectId: services.projectId,
    nodeId: node.id,
    kind: def.kind,
    kindVersion: def.version,
    cacheKey: task.cacheKey,
    params,
    outputs,
    jobId: writer.current.id,
    createdAt,
  });
  await services.cache.set({ key: task.cacheKey, kind: def.kind, outputs, takeId, createdAt });
  await writer.update({ state: 'done', progress: 1, takeId, error: undefined, retryAt: undefined });
  services.emit({ nodeId: node.id, state: 'done', job: writer.current, progress: 1 });
  return { state: 'done', cacheKey: task.cacheKey, outputs, cached: false, takeId };
}

async function fail(task: NodeTask, services: NodeServices, code: string, message: string): Promise<NodeOutcome> {
  await task.writer.update({ state: 'error', error: { code, message }, retryAt: undefined });
  services.emit({ nodeId: task.node.id, state: 'error', job: task.writer.current, message });
  return { state: 'error', code, message, attempts: task.writer.current.attempts };
}

async function cancel(task: NodeTask, services: NodeServices): Promise<NodeOutcome> {
  const message = 'Cancelled';
  await task.writer.update({ state: 'cancelled', error: { code: 'cancelled', message }, retryAt: undefined });
  services.emit({ nodeId: task.node.id, state: 'cancelled', job: task.writer.current, message });
  return { state: 'cancelled', message };
}

function describeFailure(outcome: Exclude<NodeOutcome, { state: 'done' | 'blocked' }>): string {
  return outcome.state === 'cancelled' ? 'was cancelled' : `failed: ${outcome.message}`;
}

/** Rejects with AbortedError as soon as the signal aborts, whatever `promise` is doing. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new AbortedError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortedError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
