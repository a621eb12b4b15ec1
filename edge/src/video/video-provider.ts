/** The provider-neutral video job interface. Each provider (Veo, Runway, OpenAI) has one adapter. */

export type VideoProviderId = 'veo' | 'runway' | 'openai';

/** An image given inline (base64) or by https URL. */
export type ImageInput = { mimeType: string; data: string } | { uri: string };

export interface VideoStartRequest {
  model: string;
  prompt: string;
  firstFrame?: ImageInput;
  lastFrame?: ImageInput;
  referenceImages?: ImageInput[];
  aspectRatio: '16:9' | '9:16';
  resolution: '720p' | '1080p' | '4k';
  durationSeconds?: number;
  negativePrompt?: string;
  seed?: number;
  audio?: boolean;
}

export type VideoJobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface VideoJobError {
  code: 'safety_filtered' | 'invalid_argument' | 'quota_exceeded' | 'upstream_error' | 'upstream_unavailable' | 'timeout' | 'forbidden';
  message: string;
  reasons?: string[];
}

export interface VideoJob {
  provider: VideoProviderId;
  /** Opaque, URL-safe id: store it the moment it exists, poll with it after a reload. */
  id: string;
  status: VideoJobStatus;
  /** 0..1 when the provider reports it. */
  progress?: number;
  /** Number of result files, fetched through GET …/jobs/:id/result?index=N. */
  outputs?: number;
  error?: VideoJobError;
}

export interface VideoProvider {
  readonly id: VideoProviderId;
  readonly models: readonly string[];
  /** Starts one paid generation. Callers make it idempotent; adapters never retry it. */
  start(request: VideoStartRequest): Promise<VideoJob>;
  poll(jobId: string): Promise<VideoJob>;
  /** Streams result file `index` (video/mp4). Throws conflict while the job is not done. */
  fetchResult(jobId: string, index: number): Promise<Response>;
  cancel(jobId: string): Promise<VideoJob>;
  /** A new job that changes a finished one as `prompt` says (OpenAI's remix); absent where the provider has none. */
  remix?(jobId: string, prompt: string): Promise<VideoJob>;
}
