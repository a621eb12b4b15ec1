import { EdgeError } from '../http/edge-error';
import { fetchUpstream } from '../upstream/fetch-upstream';
import { googleError } from '../upstream/google-error';
import { fetchWithKeyOnSameOrigin } from './fetch-media';
import { decodeJobId, encodeJobId } from './job-id';
import type { ImageInput, VideoJob, VideoJobError, VideoProvider, VideoStartRequest } from './video-provider';

export interface VeoOptions {
  apiKey: string;
  baseUrl: string;
  models: readonly string[];
  timeoutMs: number;
  /** Time a start may take in the background after the client was told "pending" (see video-routes). */
  startTimeoutMs: number;
}

/** Operation names Veo returns; anything else is refused before we put the key on it. */
const OPERATION_NAME = /^models\/[a-z0-9][a-z0-9.\-]{0,127}\/operations\/[A-Za-z0-9_-]{1,128}$/;

/** Veo on the Gemini API: predictLongRunning + operation polling (wire: shared/wire/veo.md). */
export function makeVeoProvider(options: VeoOptions): VideoProvider {
  const headers = { 'x-goog-api-key': options.apiKey, 'Content-Type': 'application/json' };
  const secrets = [options.apiKey];

  async function getOperation(jobId: string): Promise<VeoOperation> {
    const name = decodeJobId(jobId, OPERATION_NAME);
    const { response } = await fetchUpstream(`${options.baseUrl}/v1beta/${name}`, { headers }, { provider: 'veo', timeoutMs: options.timeoutMs });
    if (!response.ok) throw await googleError(response, { provider: 'veo', userKey: false, secrets });
    return (await response.json()) as VeoOperation;
  }

  return {
    id: 'veo',
    models: options.models,

    async start(req) {
      const { response } = await fetchUpstream(
        `${options.baseUrl}/v1beta/models/${req.model}:predictLongRunning`,
        { method: 'POST', headers, body: JSON.stringify(toVeoBody(req)) },
        { provider: 'veo', timeoutMs: options.startTimeoutMs },
      );
      if (!response.ok) throw await googleError(response, { provider: 'veo', userKey: false, secrets });
      const op = (await response.json()) as VeoOperation;
      if (typeof op.name !== 'string' || !OPERATION_NAME.test(op.name)) {
        throw new EdgeError('upstream_error', 'veo answered the start without a valid operation name');
      }
      return toJob(op);
    },

    async poll(jobId) {
      return toJob(await getOperation(jobId));
    },

    async fetchResult(jobId, index) {
      const op = await getOperation(jobId);
      const job = toJob(op);
      if (job.status !== 'succeeded') throw new EdgeError('conflict', `veo job is ${job.status}; its video is not available`);
      const uri = op.response?.generateVideoResponse?.generatedSamples?.[index]?.video?.uri;
      if (!uri) throw new EdgeError('not_found', `veo job has no video at index ${index}`);
      // The file URI needs the key: only send it to the configured Google origin.
      if (new URL(uri).origin !== new URL(options.baseUrl).origin) {
        throw new EdgeError('upstream_error', 'veo returned a video URI outside the configured base URL');
      }
      return fetchWithKeyOnSameOrigin(uri, { 'x-goog-api-key': options.apiKey }, { provider: 'veo', timeoutMs: options.timeoutMs, secrets });
    },

    async cancel() {
      throw new EdgeError('not_supported', 'Veo operations on the Gemini API cannot be cancelled; the clip will still finish (and be billed)');
    },
  };
}

interface VeoOperation {
  name: string;
  done?: boolean;
  error?: { code?: number; message?: string };
  response?: {
    generateVideoResponse?: {
      generatedSamples?: Array<{ video?: { uri?: string } }>;
      raiMediaFilteredCount?: number;
      raiMediaFilteredReasons?: string[];
    };
  };
}

function toJob(op: VeoOperation): VideoJob {
  const id = encodeJobId(op.name);
  if (!op.done) return { provider: 'veo', id, status: 'running' };
  if (op.error) return { provider: 'veo', id, status: 'failed', error: rpcError(op.error) };
  const result = op.response?.generateVideoResponse ?? {};
  const samples = result.generatedSamples?.filter((s) => s.video?.uri) ?? [];
  if (samples.length === 0) {
    const reasons = result.raiMediaFilteredReasons ?? [];
    return {
      provider: 'veo',
      id,
      status: 'failed',
      error: reasons.length || result.raiMediaFilteredCount
        ? { code: 'safety_filtered', message: 'Veo filtered the video for safety; nothing was charged', reasons }
        : { code: 'upstream_error', message: 'Veo finished without a video' },
    };
  }
  return { provider: 'veo', id, status: 'succeeded', progress: 1, outputs: samples.length };
}

/** google.rpc.Status codes (numeric, gRPC) to our job error codes. */
function rpcError(error: { code?: number; message?: string }): VideoJobError {
  const message = `veo: ${error.message ?? 'generation failed'}`;
  switch (error.code) {
    case 3:
    case 9:
    case 11:
      return { code: 'invalid_argument', message };
    case 4:
      return { code: 'timeout', message };
    case 7:
    case 16:
      return { code: 'forbidden', message };
    case 8:
      return { code: 'quota_exceeded', message };
    case 14:
      return { code: 'upstream_unavailable', message };
    default:
      return { code: 'upstream_error', message };
  }
}

function toVeoBody(req: VideoStartRequest) {
  const instance: Record<string, unknown> = { prompt: req.prompt };
  if (req.firstFrame) instance.image = veoImage(req.firstFrame, 'firstFrame');
  if (req.lastFrame) instance.lastFrame = veoImage(req.lastFrame, 'lastFrame');
  if (req.referenceImages?.length) {
    instance.referenceImages = req.referenceImages.map((img, i) => ({ image: veoImage(img, `referenceImages[${i}]`), referenceType: 'asset' }));
  }
  const parameters: Record<string, unknown> = { aspectRatio: req.aspectRatio, resolution: req.resolution, sampleCount: 1 };
  if (req.durationSeconds !== undefined) parameters.durationSeconds = req.durationSeconds;
  if (req.negativePrompt) parameters.negativePrompt = req.negativePrompt;
  if (req.seed !== undefined) parameters.seed = req.seed;
  return { instances: [instance], parameters };
}

function veoImage(image: ImageInput, field: string) {
  if ('uri' in image) throw new EdgeError('invalid_argument', `body.${field}: Veo on the Gemini API needs inline image data, not a URI`, { field });
  return { inlineData: { mimeType: image.mimeType, data: image.data } };
}
