import { durationsOf } from '../../../src/core/pricing/model-presets';
import { EdgeError } from '../http/edge-error';
import { fetchUpstream } from '../upstream/fetch-upstream';
import { redact } from '../upstream/redact';
import { parseRetryDelay } from '../upstream/retry-delay';
import type { VideoJob, VideoProvider, VideoStartRequest } from './video-provider';

export interface OpenAiVideoOptions {
  apiKey: string;
  baseUrl: string;
  models: readonly string[];
  timeoutMs: number;
  /** Time a start may take in the background after the client was told "pending" (see video-routes). */
  startTimeoutMs: number;
}

const VIDEO_ID = /^video_[A-Za-z0-9]{8,128}$/;
/** Sora makes 4, 8 or 12 s clips, sized in pixels. */
/** Sora's lengths, from the model table the app's Sora node is built from. */
const SECONDS = durationsOf('openai');

interface OpenAiVideo {
  id: string;
  object: 'video';
  status: 'queued' | 'in_progress' | 'completed' | 'failed';
  /** 0..100 */
  progress?: number;
  error?: { code?: string; message?: string } | null;
}

/**
 * OpenAI's Videos API (Sora): POST /v1/videos (multipart: model, prompt, seconds, size,
 * input_reference), GET /v1/videos/{id}, GET /v1/videos/{id}/content, POST /v1/videos/{id}/remix.
 */
export function makeOpenAiVideoProvider(options: OpenAiVideoOptions): VideoProvider {
  const headers = { Authorization: `Bearer ${options.apiKey}` };
  const upstreamOptions = { provider: 'openai', timeoutMs: options.timeoutMs };

  async function getVideo(jobId: string): Promise<OpenAiVideo> {
    if (!VIDEO_ID.test(jobId)) throw new EdgeError('not_found', 'unknown job id');
    const { response } = await fetchUpstream(`${options.baseUrl}/v1/videos/${jobId}`, { headers: { ...headers, Accept: 'application/json' } }, upstreamOptions);
    if (!response.ok) throw await openAiError(response, options.apiKey);
    return (await response.json()) as OpenAiVideo;
  }

  async function created(response: Response): Promise<VideoJob> {
    if (!response.ok) throw await openAiError(response, options.apiKey);
    const video = (await response.json()) as Partial<OpenAiVideo>;
    if (typeof video.id !== 'string' || !VIDEO_ID.test(video.id)) throw new EdgeError('upstream_error', 'openai answered the start without a video id');
    return toJob(video as OpenAiVideo);
  }

  return {
    id: 'openai',
    models: options.models,

    async start(req) {
      const { response } = await fetchUpstream(`${options.baseUrl}/v1/videos`, { method: 'POST', headers, body: toOpenAiForm(req) }, { ...upstreamOptions, timeoutMs: options.startTimeoutMs });
      return created(response);
    },

    async poll(jobId) {
      return toJob(await getVideo(jobId));
    },

    async fetchResult(jobId, index) {
      if (index !== 0) throw new EdgeError('not_found', `openai job has no output at index ${index}`);
      const job = toJob(await getVideo(jobId));
      if (job.status !== 'succeeded') throw new EdgeError('conflict', `openai job is ${job.status}; its video is not available`);
      const { response } = await fetchUpstream(`${options.baseUrl}/v1/videos/${jobId}/content?variant=video`, { headers }, upstreamOptions);
      if (!response.ok) throw await openAiError(response, options.apiKey);
      return new Response(response.body, { headers: { 'Content-Type': 'video/mp4', ...(response.headers.get('Content-Length') ? { 'Content-Length': response.headers.get('Content-Length')! } : {}) } });
    },

    async cancel(jobId) {
      if (!VIDEO_ID.test(jobId)) throw new EdgeError('not_found', 'unknown job id');
      // OpenAI has no cancel: deleting the video stops it being kept; the job ends as cancelled.
      const { response } = await fetchUpstream(`${options.baseUrl}/v1/videos/${jobId}`, { method: 'DELETE', headers }, upstreamOptions);
      if (!response.ok && response.status !== 404) throw await openAiError(response, options.apiKey);
      await response.body?.cancel();
      return { provider: 'openai', id: jobId, status: 'cancelled' };
    },

    async remix(jobId, prompt) {
      if (!VIDEO_ID.test(jobId)) throw new EdgeError('not_found', 'unknown job id');
      const { response } = await fetchUpstream(
        `${options.baseUrl}/v1/videos/${jobId}/remix`,
        { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ prompt }) },
        { ...upstreamOptions, timeoutMs: options.startTimeoutMs },
      );
      return created(response);
    },
  };
}

function toJob(video: OpenAiVideo): VideoJob {
  const base = { provider: 'openai' as const, id: video.id };
  switch (video.status) {
    case 'queued':
      return { ...base, status: 'queued' };
    case 'in_progress':
      return { ...base, status: 'running', ...(typeof video.progress === 'number' ? { progress: Math.min(1, Math.max(0, video.progress / 100)) } : {}) };
    case 'completed':
      return { ...base, status: 'succeeded', progress: 1, outputs: 1 };
    case 'failed': {
      const code = video.error?.code ?? '';
      const message = `openai: ${video.error?.message ?? 'generation failed'}`;
      const reasons = code ? [code] : undefined;
      if (/moderation|policy|safety/i.test(code)) return { ...base, status: 'failed', error: { code: 'safety_filtered', message, reasons } };
      return { ...base, status: 'failed', error: { code: 'upstream_error', message, reasons } };
    }
    default:
      return { ...base, status: 'failed', error: { code: 'upstream_error', message: `openai: unknown video status "${String((video as { status?: unknown }).status)}"` } };
  }
}

/**
 * Seconds until OpenAI's request window resets, from `x-ratelimit-reset-requests` ("1s", "6m0s",
 * "250ms") when there is no Retry-After.
 */
export function resetSeconds(value: string | null): number | undefined {
  if (!value) return undefined;
  const m = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/.exec(value.trim());
  if (!m || !m[0]) return undefined;
  const seconds = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) + Number(m[4] ?? 0) / 1000;
  return Math.max(1, Math.ceil(seconds));
}

/** OpenAI's `{"error": {message, type, param, code}}` bodies → typed errors; 429 keeps its wait. */
async function openAiError(response: Response, apiKey: string): Promise<EdgeError> {
  const text = await response.text().catch(() => '');
  let body: { error?: { message?: string; type?: string; param?: string | null; code?: string | null } } = {};
  try {
    body = JSON.parse(text);
  } catch {
    /* empty bodies happen */
  }
  const message = `openai: ${redact(body.error?.message ?? `HTTP ${response.status}`, [apiKey]).slice(0, 500)}`;
  const retryAfter = parseRetryDelay({ retryAfterHeader: response.headers.get('Retry-After') }) ?? resetSeconds(response.headers.get('x-ratelimit-reset-requests'));
  const field = body.error?.param ?? undefined;
  switch (response.status) {
    case 400:
      if (/moderation/i.test(body.error?.code ?? '')) return new EdgeError('safety_filtered', message, { reasons: [body.error!.code!] });
      return new EdgeError('invalid_argument', message, field ? { field } : {});
    case 401:
      return new EdgeError('upstream_auth', "openai rejected the edge's API key; the operator must fix OPENAI_API_KEY");
    case 404:
      return new EdgeError('not_found', message);
    case 429:
      // insufficient_quota is a billing limit: waiting does not help, so no retryAfter.
      return new EdgeError('quota_exceeded', message, body.error?.code === 'insufficient_quota' ? { reasons: ['insufficient_quota'] } : { retryAfter: retryAfter ?? 20 });
    case 502:
    case 503:
      return new EdgeError('upstream_unavailable', message, { retryAfter });
    case 504:
      return new EdgeError('timeout', message, { retryAfter });
    default:
      return new EdgeError('upstream_error', `${message} (HTTP ${response.status})`, { retryAfter });
  }
}

/** Neutral request → OpenAI's multipart body. Sora sizes frames in pixels and takes 4, 8 or 12 s. */
function toOpenAiForm(req: VideoStartRequest): FormData {
  if (req.lastFrame || req.referenceImages?.length) throw new EdgeError('invalid_argument', 'body.lastFrame / body.referenceImages: OpenAI Sora takes one first frame only', { field: req.lastFrame ? 'lastFrame' : 'referenceImages' });
  const seconds = req.durationSeconds ?? 8;
  if (!SECONDS.includes(seconds)) throw new EdgeError('invalid_argument', `body.durationSeconds: Sora makes ${SECONDS.join(', ')} s clips, got ${seconds}`, { field: 'durationSeconds' });
  const form = new FormData();
  form.set('model', req.model);
  form.set('prompt', req.prompt);
  form.set('seconds', String(seconds));
  form.set('size', req.aspectRatio === '9:16' ? '720x1280' : '1280x720');
  if (req.firstFrame) {
    if ('uri' in req.firstFrame) throw new EdgeError('invalid_argument', 'body.firstFrame: OpenAI Sora takes the first frame as inline data, not a URL', { field: 'firstFrame' });
    const bytes = Uint8Array.from(atob(req.firstFrame.data), (c) => c.charCodeAt(0));
    const ext = req.firstFrame.mimeType.split('/')[1] ?? 'png';
    form.set('input_reference', new File([bytes], `first-frame.${ext}`, { type: req.firstFrame.mimeType }));
  }
  return form;
}
