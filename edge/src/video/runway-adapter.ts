import { presetOf } from '../../../src/core/pricing/model-presets';
import { EdgeError } from '../http/edge-error';
import { fetchUpstream } from '../upstream/fetch-upstream';
import { redact } from '../upstream/redact';
import { parseRetryDelay } from '../upstream/retry-delay';
import { fetchWithKeyOnSameOrigin } from './fetch-media';
import type { ImageInput, VideoJob, VideoProvider, VideoStartRequest } from './video-provider';

export interface RunwayOptions {
  apiKey: string;
  baseUrl: string;
  models: readonly string[];
  apiVersion: string;
  timeoutMs: number;
  /** Time a start may take in the background after the client was told "pending" (see video-routes). */
  startTimeoutMs: number;
}

const TASK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Runway image_to_video tasks (wire: shared/wire/runway.md). */
export function makeRunwayProvider(options: RunwayOptions): VideoProvider {
  const headers = {
    Authorization: `Bearer ${options.apiKey}`,
    'X-Runway-Version': options.apiVersion,
    Accept: 'application/json',
  };
  const upstreamOptions = { provider: 'runway', timeoutMs: options.timeoutMs };

  async function getTask(jobId: string): Promise<RunwayTask> {
    if (!TASK_ID.test(jobId)) throw new EdgeError('not_found', 'unknown job id');
    const { response } = await fetchUpstream(`${options.baseUrl}/v1/tasks/${jobId}`, { headers }, upstreamOptions);
    if (!response.ok) throw await runwayError(response, options.apiKey);
    return (await response.json()) as RunwayTask;
  }

  return {
    id: 'runway',
    models: options.models,

    async start(req) {
      const { response } = await fetchUpstream(
        `${options.baseUrl}/v1/image_to_video`,
        { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(toRunwayBody(req)) },
        { ...upstreamOptions, timeoutMs: options.startTimeoutMs },
      );
      if (!response.ok) throw await runwayError(response, options.apiKey);
      const { id } = (await response.json()) as { id?: string };
      if (typeof id !== 'string' || !TASK_ID.test(id)) throw new EdgeError('upstream_error', 'runway answered the start without a task id');
      return { provider: 'runway', id, status: 'queued' };
    },

    async poll(jobId) {
      return toJob(await getTask(jobId));
    },

    async fetchResult(jobId, index) {
      const task = await getTask(jobId);
      const job = toJob(task);
      if (job.status !== 'succeeded') throw new EdgeError('conflict', `runway job is ${job.status}; its video is not available`);
      const url = task.output?.[index];
      if (!url) throw new EdgeError('not_found', `runway job has no output at index ${index}`);
      // Output URLs are pre-signed: no key goes with them.
      return fetchWithKeyOnSameOrigin(url, {}, { ...upstreamOptions, secrets: [options.apiKey] });
    },

    async cancel(jobId) {
      if (!TASK_ID.test(jobId)) throw new EdgeError('not_found', 'unknown job id');
      const { response } = await fetchUpstream(`${options.baseUrl}/v1/tasks/${jobId}`, { method: 'DELETE', headers: { ...headers, Accept: '*/*' } }, upstreamOptions);
      if (!response.ok && response.status !== 404) throw await runwayError(response, options.apiKey);
      await response.body?.cancel();
      try {
        return toJob(await getTask(jobId));
      } catch (err) {
        // A finished task is deleted rather than cancelled; it is gone either way.
        if (err instanceof EdgeError && err.code === 'not_found') return { provider: 'runway', id: jobId, status: 'cancelled' };
        throw err;
      }
    },
  };
}

interface RunwayTask {
  id: string;
  status: 'PENDING' | 'THROTTLED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  progress?: number;
  output?: string[];
  failure?: string;
  failureCode?: string;
}

function toJob(task: RunwayTask): VideoJob {
  const base = { provider: 'runway' as const, id: task.id };
  switch (task.status) {
    case 'PENDING':
    case 'THROTTLED':
      return { ...base, status: 'queued' };
    case 'RUNNING':
      return { ...base, status: 'running', ...(typeof task.progress === 'number' ? { progress: task.progress } : {}) };
    case 'SUCCEEDED':
      return { ...base, status: 'succeeded', progress: 1, outputs: task.output?.length ?? 0 };
    case 'CANCELLED':
      return { ...base, status: 'cancelled' };
    case 'FAILED': {
      const code = task.failureCode ?? '';
      const reasons = code ? [code] : undefined;
      if (code.startsWith('SAFETY.')) {
        return { ...base, status: 'failed', error: { code: 'safety_filtered', message: `runway: ${task.failure ?? 'blocked by content moderation'}`, reasons } };
      }
      if (code.startsWith('ASSET.') || code.startsWith('INPUT.')) {
        return { ...base, status: 'failed', error: { code: 'invalid_argument', message: `runway: ${task.failure ?? 'invalid input'}`, reasons } };
      }
      return { ...base, status: 'failed', error: { code: 'upstream_error', message: `runway: ${task.failure ?? 'generation failed'}`, reasons } };
    }
    default:
      // The official SDK also treats unknown statuses as a failure to track the task.
      return { ...base, status: 'failed', error: { code: 'upstream_error', message: `runway: unknown task status "${String((task as { status?: unknown }).status)}"` } };
  }
}

/** Runway's `{"error": "...", "issues": [...]}` bodies → typed errors (runway.md §5). */
async function runwayError(response: Response, apiKey: string): Promise<EdgeError> {
  const text = await response.text().catch(() => '');
  let body: { error?: string; issues?: Array<{ path?: unknown[]; message?: string }> } = {};
  try {
    body = JSON.parse(text);
  } catch {
    /* empty or text/plain bodies happen (401) */
  }
  const message = `runway: ${redact(body.error ?? `HTTP ${response.status}`, [apiKey]).slice(0, 500)}`;
  const reasons = body.issues?.map((i) => `${(i.path ?? []).join('.')}: ${i.message ?? ''}`).slice(0, 10);
  const retryAfter = parseRetryDelay({ retryAfterHeader: response.headers.get('Retry-After') });
  switch (response.status) {
    case 400:
      return new EdgeError('invalid_argument', message, { reasons });
    case 401:
      return new EdgeError('upstream_auth', "runway rejected the edge's API key; the operator must fix RUNWAY_API_KEY");
    case 404:
      return new EdgeError('not_found', message);
    case 429:
      return new EdgeError('quota_exceeded', message, { retryAfter });
    case 504:
      return new EdgeError('timeout', message, { retryAfter });
    case 502:
    case 503:
      return new EdgeError('upstream_unavailable', message, { retryAfter });
    default:
      return new EdgeError('upstream_error', `${message} (HTTP ${response.status})`, { retryAfter });
  }
}

/** Neutral request → Runway body. Runway sizes frames by `ratio` ("1280:720"), not aspect + resolution. */
function toRunwayBody(req: VideoStartRequest) {
  if (!req.firstFrame) {
    throw new EdgeError('invalid_argument', 'body.firstFrame: Runway image_to_video needs a first frame image', { field: 'firstFrame' });
  }
  const isVeo = req.model.startsWith('veo');
  if (req.lastFrame && !isVeo) {
    throw new EdgeError('invalid_argument', `body.lastFrame: Runway model "${req.model}" takes no last frame (veo3.1 models do)`, { field: 'lastFrame' });
  }
  const ratio = runwayRatio(req, isVeo);
  const promptImage = req.lastFrame
    ? [
        { uri: imageUri(req.firstFrame), position: 'first' },
        { uri: imageUri(req.lastFrame), position: 'last' },
      ]
    : imageUri(req.firstFrame);
  const body: Record<string, unknown> = { model: req.model, promptImage, promptText: req.prompt, ratio };
  if (req.durationSeconds !== undefined) body.duration = req.durationSeconds;
  if (req.seed !== undefined) body.seed = req.seed;
  if (isVeo && req.negativePrompt) body.negativePrompt = req.negativePrompt;
  if (isVeo && req.audio !== undefined) body.audio = req.audio;
  return body;
}

/** Runway's frame size: the model's own size for the aspect (the model table's), else Veo-on-Runway's HD or 720p sizes. */
function runwayRatio(req: VideoStartRequest, isVeo: boolean): string {
  const size = presetOf(req.model)?.frameSizes?.[req.aspectRatio];
  if (size) return size;
  const portrait = req.aspectRatio === '9:16';
  if (!portrait && req.aspectRatio !== '16:9') {
    throw new EdgeError('invalid_argument', `body.aspectRatio: Runway model "${req.model}" makes 16:9 or 9:16, not ${req.aspectRatio}`, { field: 'aspectRatio' });
  }
  const hd = isVeo && req.resolution !== '720p';
  return hd ? (portrait ? '1080:1920' : '1920:1080') : portrait ? '720:1280' : '1280:720';
}

function imageUri(image: ImageInput): string {
  return 'uri' in image ? image.uri : `data:${image.mimeType};base64,${image.data}`;
}
