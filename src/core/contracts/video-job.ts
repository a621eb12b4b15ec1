import type { EdgeVideoProvider } from './video-start';

// What the edge answers about a video job: the app's nodes poll it, every adapter makes it.

export type VideoJobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface VideoJobError {
  code: 'safety_filtered' | 'invalid_argument' | 'quota_exceeded' | 'upstream_error' | 'upstream_unavailable' | 'timeout' | 'forbidden';
  message: string;
  reasons?: string[];
}

export interface VideoJob {
  provider: EdgeVideoProvider;
  /** Opaque, URL-safe id: store it the moment it exists, poll with it after a reload. */
  id: string;
  status: VideoJobStatus;
  /** 0..1 when the provider reports it. */
  progress?: number;
  /** Number of result files, fetched through GET …/jobs/:id/result?index=N. */
  outputs?: number;
  error?: VideoJobError;
}

/** A start the provider has not confirmed yet: ask again with the same Idempotency-Key. */
export interface VideoStartPending {
  message: string;
  /** True when the provider may be generating already: the start is not repeated under this key. */
  uncertain: boolean;
  retryAfter: number;
}

/** POST …/jobs answers one of these; GET, DELETE and remix answer `{job}`. */
export type VideoStartAnswer = { job: VideoJob } | { pending: VideoStartPending };
export interface VideoJobAnswer {
  job: VideoJob;
}
