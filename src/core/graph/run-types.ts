import type { JobRecord } from './job-store';

/** What became of one node in a run. */
export type NodeOutcome =
  | { state: 'done'; cacheKey: string; outputs: Record<string, unknown>; cached: boolean; takeId?: string }
  | { state: 'error'; code: string; message: string; attempts: number }
  /** Not run because `blockedBy` (the node that failed or was cancelled) is upstream. */
  | { state: 'blocked'; blockedBy: string; message: string }
  | { state: 'cancelled'; message: string };

/** Node states as the canvas shows them during and after runs. */
export type NodeRunState = 'cached' | 'queued' | 'running' | 'retrying' | 'done' | 'error' | 'blocked' | 'cancelled';

export interface NodeEvent {
  nodeId: string;
  state: NodeRunState;
  /** The job as just persisted (absent for cache hits). */
  job?: JobRecord;
  progress?: number;
  message?: string;
  blockedBy?: string;
}

export type EmitNodeEvent = (event: NodeEvent) => void;
