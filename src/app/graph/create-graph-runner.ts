import { createEffect, createSignal, on, onCleanup } from 'solid-js';
import { defaultKindRegistry } from '../../core/graph/kind-registry';
import { withOutsideIdentity } from '../../core/graph/with-outside-identity';
import { createLiveQuery } from '../live-query';
import { projectSourceHash } from './project-source-hash';
import { makeExecutor, type Executor } from '../../core/graph/executor';
import { systemClock } from '../../core/graph/clock';
import type { Graph } from '../../core/graph/graph-types';
import type { JobRecord } from '../../core/graph/job-store';
import { planAndCheck } from '../../core/graph/plan';
import { pickTake } from '../../core/graph/takes';
import type { NodeEvent } from '../../core/graph/run-types';
import { makeDexieCacheStore, makeDexieJobStore, makeDexieTakeStore } from '../../db/graph-stores';
import { isQueuePaused, setQueuePaused } from '../../db/queue-pause-repo';
import { db } from '../db';
import { makeAppRunners } from './runners/app-runners';

export interface NodeView {
  state: string;
  progress?: number;
  message?: string;
  outputs?: Record<string, unknown>;
}

/**
 * The canvas's engine: an executor over the project's Dexie stores and the app's runners, node
 * states for the canvas, the job list for the queue panel. On start it marks cached nodes done
 * and resumes jobs a reload interrupted (their provider operations are polled, not restarted).
 */
export function createGraphRunner(projectId: () => string, graph: () => Graph, options: { ownsNode?: (nodeId: string) => boolean } = {}) {
  const [states, setStates] = createSignal<ReadonlyMap<string, NodeView>>(new Map());
  const [jobs, setJobs] = createSignal<JobRecord[]>([]);
  const [paused, setPausedSignal] = createSignal(false);
  const cache = makeDexieCacheStore(db, projectId());
  // Composition nodes key on the project's code and assets too: an edit in the Code view makes
  // them (and the renders below them) stale instead of serving an old render.
  const sources = createLiveQuery(() => projectSourceHash(projectId()), '');
  let sourcesRead!: () => void;
  const sourcesReady = new Promise<void>((resolve) => (sourcesRead = resolve));
  createEffect(on(sources.loaded, (loaded) => loaded && sourcesRead()));
  const registry = withOutsideIdentity(defaultKindRegistry, ['composition'], sources.value);
  const setState = (id: string, view: NodeView) => setStates((m) => new Map(m).set(id, { ...m.get(id), ...view }));

  const onEvent = (e: NodeEvent) => {
    const view: NodeView = { state: e.state === 'cached' ? 'done' : e.state, ...(e.progress !== undefined ? { progress: e.progress } : {}), message: e.message ?? e.job?.error?.message ?? e.job?.progressMessage ?? '' };
    setState(e.nodeId, view);
    setJobs(executor.activeJobs());
    // A node finished while the rest of the run goes on: show its output now, from the cache.
    const key = e.job?.cacheKey;
    if (e.state === 'done' && key)
      void cache.getMany([key]).then(([entry]) => entry && setState(e.nodeId, { state: 'done', outputs: entry.outputs }));
  };
  const takes = makeDexieTakeStore(db);
  // One clock for the executor's backoff and the runners' polling waits.
  const clock = systemClock;
  const executor: Executor = makeExecutor({
    runners: makeAppRunners(db, projectId(), clock),
    registry,
    clock,
    cache,
    jobs: makeDexieJobStore(db),
    takes,
    projectId: projectId(),
    ...(options.ownsNode ? { ownsNode: options.ownsNode } : {}),
    onEvent,
  });
  onCleanup(() => executor.dispose());
  // A pause set before a reload holds before anything is resumed or run.
  const pauseRead = isQueuePaused(db, projectId()).then(
    (value) => {
      executor.setPaused(value);
      setPausedSignal(value);
    },
    () => undefined,
  );
  const ready = () => Promise.all([sourcesReady, pauseRead]);

  /** What is already done for the current graph (cached outputs), shown without running anything. */
  const refreshCached = async () => {
    await sourcesReady;
    const plan = await planAndCheck(graph(), cache, { registry });
    if (!plan.ok) return;
    for (const [id, entry] of plan.value.hits) setState(id, { state: 'done', outputs: entry.outputs, message: '' });
    // A node shown as done whose output is no longer cached for its current key was edited: stale.
    const stale = [...states()].filter(([id, v]) => v.state === 'done' && !plan.value.hits.has(id) && plan.value.toRun.includes(id)).map(([id]) => id);
    if (stale.length) setStates((m) => {
      const next = new Map(m);
      for (const id of stale) next.set(id, { state: 'stale', message: 'Changed since its last run' });
      return next;
    });
  };

  const afterRun = async (result: Awaited<ReturnType<Executor['run']>>) => {
    if (result.ok) for (const [id, outcome] of Object.entries(result.value.outcomes)) if (outcome.state === 'done') setState(id, { state: 'done', outputs: outcome.outputs, message: '' });
    setJobs(executor.activeJobs());
    return result;
  };

  createEffect(on(sources.value, () => void refreshCached(), { defer: true }));

  return {
    states,
    registry,
    jobs,
    refreshCached,
    // Each waits for the source hash, or Composition nodes would be keyed without it.
    run: (targets?: string[]) =>
      ready()
        .then(() => executor.run(graph(), targets))
        .then(afterRun)
        // A run that only hits the cache changes nothing on screen: this mark is how the e2e tests
        // and the bench know it returned, instead of sleeping.
        .finally(() => performance.mark('director:run-finished')),
    resume: () => ready().then(() => executor.resume(graph())).then(afterRun),
    retry: (jobId: string) => ready().then(() => executor.retry(graph(), jobId)).then(afterRun),
    cancel: (id: string) => executor.cancel(id),
    /** Makes an earlier take current: its params come back, its outputs too when the inputs are unchanged. */
    pickTake: async (nodeId: string, takeId: string) => {
      await sourcesReady;
      return pickTake(graph(), nodeId, takeId, { takes, cache, registry });
    },
    runFirst: (id: string) => executor.runFirst(id),
    paused,
    /** Holds the project's queue (running jobs finish, waiting ones wait), kept across a reload. */
    setPaused: (value: boolean) => {
      executor.setPaused(value);
      setPausedSignal(value);
      void setQueuePaused(db, projectId(), value);
    },
  };
}
