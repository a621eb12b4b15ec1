import type { ComfyServer } from '../../core/comfyui/comfy-server';
import type { ApiWorkflow } from '../../core/comfyui/comfy-workflow';
import type { ComfyFile } from '../../core/comfyui/comfy-outputs';

/** A call to a ComfyUI server that did not get an answer, or got one it should not have. */
export class ComfyCallError extends Error {
  readonly code: 'server_unreachable' | 'unauthorized' | 'bad_status';
  readonly status: number;
  readonly body: unknown;
  constructor(code: ComfyCallError['code'], message: string, status = 0, body: unknown = undefined) {
    super(message);
    this.code = code;
    this.status = status;
    this.body = body;
  }
}

/** What the person is told when the browser cannot reach a server (refused, down, or no CORS header). */
export const unreachableMessage = (server: Pick<ComfyServer, 'name' | 'url'>) =>
  `${server.name} (${server.url}) does not answer from this page: check that it runs and was started with --enable-cors-header (python main.py --listen --enable-cors-header).`;

export interface ComfyClient {
  systemStats(signal?: AbortSignal): Promise<unknown>;
  queue(signal?: AbortSignal): Promise<unknown>;
  objectInfo(signal?: AbortSignal): Promise<unknown>;
  /** POST /prompt; a 400 (validation) comes back as its body for describePromptRejection. */
  queuePrompt(prompt: ApiWorkflow, clientId: string, signal?: AbortSignal): Promise<{ ok: true; promptId: string } | { ok: false; body: unknown }>;
  history(promptId: string, signal?: AbortSignal): Promise<unknown>;
  view(file: ComfyFile, signal?: AbortSignal): Promise<Blob>;
  uploadImage(image: Blob, filename: string, signal?: AbortSignal): Promise<string>;
  interrupt(promptId: string): Promise<void>;
  deleteQueued(promptId: string): Promise<void>;
}

/** A client for one server: every call goes straight from the browser, with the server's Authorization when it has one. */
export function makeComfyClient(server: Pick<ComfyServer, 'name' | 'url' | 'authorization'>, fetchImpl: typeof fetch = (...a) => fetch(...a)): ComfyClient {
  const headers = (extra: Record<string, string> = {}) => ({ ...(server.authorization ? { Authorization: server.authorization } : {}), ...extra });

  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await fetchImpl(`${server.url}${path}`, { ...init, headers: headers(init.headers as Record<string, string>) });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ComfyCallError('server_unreachable', unreachableMessage(server));
    }
    if (response.status === 401 || response.status === 403) throw new ComfyCallError('unauthorized', `${server.name} refused the call (${response.status}); check its authorization header in Settings → Compute.`, response.status);
    return response;
  }
  async function json(path: string, init: RequestInit = {}): Promise<unknown> {
    const response = await call(path, init);
    const body = await response.json().catch(() => undefined);
    if (!response.ok) throw new ComfyCallError('bad_status', `${server.name} answered ${path} with ${response.status}.`, response.status, body);
    return body;
  }
  const post = (path: string, body: unknown, signal?: AbortSignal) => json(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal });

  return {
    systemStats: (signal) => json('/system_stats', { signal }),
    queue: (signal) => json('/queue', { signal }),
    objectInfo: (signal) => json('/object_info', { signal }),
    async queuePrompt(prompt, clientId, signal) {
      const response = await call('/prompt', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ prompt, client_id: clientId }), signal });
      const body = (await response.json().catch(() => undefined)) as { prompt_id?: unknown } | undefined;
      if (response.ok && typeof body?.prompt_id === 'string') return { ok: true, promptId: body.prompt_id };
      if (response.status === 400) return { ok: false, body };
      throw new ComfyCallError('bad_status', `${server.name} answered /prompt with ${response.status}.`, response.status, body);
    },
    history: (promptId, signal) => json(`/history/${encodeURIComponent(promptId)}`, { signal }),
    async view(file, signal) {
      const query = new URLSearchParams({ filename: file.filename, subfolder: file.subfolder, type: file.type });
      const response = await call(`/view?${query}`, { signal });
      if (!response.ok) throw new ComfyCallError('bad_status', `${server.name} has no output ${file.filename} (${response.status}).`, response.status);
      return response.blob();
    },
    async uploadImage(image, filename, signal) {
      const form = new FormData();
      form.append('image', image, filename);
      form.append('overwrite', 'true');
      const body = (await json('/upload/image', { method: 'POST', body: form, signal })) as { name?: unknown };
      if (typeof body?.name !== 'string') throw new ComfyCallError('bad_status', `${server.name} did not take the input image.`);
      return body.name;
    },
    interrupt: async (promptId) => void (await post('/interrupt', { prompt_id: promptId })),
    deleteQueued: async (promptId) => void (await post('/queue', { delete: [promptId] })),
  };
}
