import { AbortedError, type Clock } from '../../../src/core/graph/clock';
import type { Graph, GraphEdge, GraphNode } from '../../../src/core/graph/graph-types';
import type { JobRecord, JobStore } from '../../../src/core/graph/job-store';
import { makeMemoryJobStore } from '../../../src/core/graph/job-store';
import { defaultKindRegistry, defaultParams, parseParams } from '../../../src/core/graph/kind-registry';
import type { NodeRunner, RunContext, RunnerOutcome } from '../../../src/core/graph/node-runner';
import { ok } from '../../../src/core/util/result';

/** `['veo-1', 'veo-video', { seed: 1 }]`: id, kind, params over the kind's defaults. */
export type NodeSpec = [id: string, kind: string, params?: Record<string, unknown>];

/**
 * Builds a graph from short specs; edges as 'from.port->to.port'.
 *
 * @example graphOf([['p', 'prompt', { text: 'hi' }], ['v', 'veo-video']], ['p.text->v.prompt'])
 */
export function graphOf(nodes: NodeSpec[], edges: string[] = []): Graph {
  return {
    nodes: nodes.map(([id, kind, params], i): GraphNode => {
      const def = defaultKindRegistry.get(kind);
      const merged = { ...(def ? defaultParams(def) : {}), ...params };
      const parsed = def && parseParams(def, merged);
      return { id, kind, params: parsed?.ok ? parsed.value : merged, position: { x: i * 10, y: 0 } };
    }),
    edges: edges.map(parseEdge),
    groups: [],
  };
}

export function parseEdge(text: string, i = 0): GraphEdge {
  const match = /^([\w-]+)\.(\w+)->([\w-]+)\.(\w+)$/.exec(text);
  if (!match) throw new Error(`bad edge spec ${text}`);
  const [, from, fromPort, to, toPort] = match as unknown as [string, string, string, string, string];
  return { id: `e${i}-${from}-${to}-${toPort}`, from, fromPort, to, toPort };
}

/** prompt → veo → extend, the chain most executor tests use. */
export function shotGraph(suffix = '1', text = `a warrior on a ridge, shot ${suffix}`): Graph {
  return graphOf(
    [
      [`prompt-${suffix}`, 'prompt', { text }],
      [`veo-${suffix}`, 'veo-video'],
      [`extend-${suffix}`, 'extend'],
    ],
    [`prompt-${suffix}.text->veo-${suffix}.prompt`, `veo-${suffix}.video->extend-${suffix}.video`],
  );
}

export function mergeGraphs(...graphs: Graph[]): Graph {
  return { nodes: graphs.flatMap((g) => g.nodes), edges: graphs.flatMap((g) => g.edges), groups: graphs.flatMap((g) => g.groups) };
}

export function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** Time that only moves when code sleeps: backoff tests run instantly and see every delay. */
export function makeTestClock(start = 1_000_000): Clock & { sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms, signal) {
      if (signal?.aborted) throw new AbortedError();
      sleeps.push(ms);
      now += ms;
      await Promise.resolve();
      if (signal?.aborted) throw new AbortedError();
    },
  };
}

/** A job store that remembers every row it was given, in order (the persisted history). */
export function makeRecordingJobStore(): JobStore & { history: JobRecord[]; all(): JobRecord[] } {
  const inner = makeMemoryJobStore();
  const history: JobRecord[] = [];
  return {
    ...inner,
    history,
    all: inner.all,
    async put(job) {
      history.push(structuredClone(job));
      await inner.put(job);
    },
  };
}

export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Waits (real time, briefly) until a condition holds. */
export async function until(condition: () => boolean | Promise<boolean>, what = 'condition', timeoutMs = 2000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

export type Behaviour = (ctx: RunContext, call: number) => Promise<RunnerOutcome>;

/**
 * Fake runners for every built-in kind. Outputs name the node, the inputs and the run number,
 * so tests can see what flowed where. Counts calls and in-flight work per provider.
 */
export function makeFakeRunners(options: { delayMs?: number } = {}) {
  const calls = new Map<string, number>();
  const contexts: RunContext[] = [];
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const behaviours = new Map<string, Behaviour>();
  const startOrder: string[] = [];

  const runners: Record<string, NodeRunner> = {};
  for (const def of defaultKindRegistry.list()) {
    runners[def.kind] = {
      async run(ctx) {
        const call = (calls.get(ctx.nodeId) ?? 0) + 1;
        calls.set(ctx.nodeId, call);
        contexts.push(ctx);
        startOrder.push(ctx.nodeId);
        const level = (inFlight.get(def.provider) ?? 0) + 1;
        inFlight.set(def.provider, level);
        maxInFlight.set(def.provider, Math.max(level, maxInFlight.get(def.provider) ?? 0));
        try {
          const behaviour = behaviours.get(ctx.nodeId);
          if (behaviour) return await behaviour(ctx, call);
          if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
          const outputs: Record<string, unknown> = {};
          for (const port of def.outputs)
            outputs[port.name] = def.kind === 'prompt' ? ctx.params.text : `${port.name}(${ctx.nodeId}#${call} <- ${JSON.stringify(ctx.inputs)})`;
          return ok(outputs);
        } finally {
          inFlight.set(def.provider, inFlight.get(def.provider)! - 1);
        }
      },
    };
  }
  const total = () => [...calls.values()].reduce((a, b) => a + b, 0);
  return { runners, calls, contexts, maxInFlight, behaviours, startOrder, total };
}

/** Resolves when the signal aborts (what a polling runner does when cancelled). */
export function abortion(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(new Error('aborted'));
    signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
  });
}
