/** The provider-neutral video job interface. Each provider (Veo, Runway, OpenAI) has one adapter. */

import type { VideoJob } from '../../../src/core/contracts/video-job';
import type { EdgeVideoProvider, VideoStartRequest } from '../../../src/core/contracts/video-start';

// The request and the job are the contract shared with the app (src/core/contracts).
export type { ImageInput, VideoStartRequest } from '../../../src/core/contracts/video-start';
export type { VideoJob, VideoJobError, VideoJobStatus } from '../../../src/core/contracts/video-job';
export type VideoProviderId = EdgeVideoProvider;

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
