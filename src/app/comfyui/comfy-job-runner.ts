import { ok } from '../../core/util/result';
import { fileStamp } from '../../core/util/format';
import { RunnerError, runnerFailure, type NodeRunner, type RunContext, type RunnerOutcome } from '../../core/graph/node-runner';
import { AbortedError, systemClock, type Clock } from '../../core/graph/clock';
import { chooseServer } from '../../core/comfyui/choose-server';
import { comfyOperationId, parseComfyOperationId } from '../../core/comfyui/comfy-operation-id';
import { describePromptRejection, readHistory, type ComfyFile } from '../../core/comfyui/comfy-outputs';
import { comfyPresetOf } from '../../core/comfyui/comfy-presets';
import { foldComfyMessage, runFraction, runMessage, startRunState, type ComfyRunState } from '../../core/comfyui/comfy-progress';
import { runValuesOf, type ComfyNodeParams } from '../../core/comfyui/comfy-run-values';
import { socketUrlOf, type ComfyServer } from '../../core/comfyui/comfy-server';
import { isQueued } from '../../core/comfyui/comfy-server-info';
import { applyInputs, modelFilesOf, type ApiWorkflow, type InputMapping } from '../../core/comfyui/comfy-workflow';
import { addAsset } from '../../db/assets-repo';
import { listComfyServers } from '../../db/comfy-servers-repo';
import { getComfyWorkflow } from '../../db/comfy-workflows-repo';
import type { DirectorDb } from '../../db/database';
import { blobOf } from '../graph/runners/asset-refs';
import { ComfyCallError, makeComfyClient, type ComfyClient } from './comfy-client';
import { makeStandingReader } from './comfy-standing';

/** The part of the browser's WebSocket the runner uses, so Node tests can pass their own. */
export interface SocketLike {
  readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  close(): void;
}

export interface ComfyRunnerOptions {
  clock?: Clock;
  /** Opens ComfyUI's event stream; undefined where there is no WebSocket (progress then comes from polls alone). */
  openSocket?: (url: string) => SocketLike | undefined;
  clientOf?: (server: ComfyServer) => ComfyClient;
  /** How often history is polled while the websocket is quiet. */
  pollMs?: number;
}

/** History is read this often even while the websocket is quiet (it is what a reload resumes from). */
const POLL_MS = 2000;
/** How long a start waits for the event stream to open: ComfyUI drops events for a client id it has no socket for. */
const SOCKET_OPEN_MS = 3000;

/** Resolves once the socket is open, has failed, or the wait is over (progress then comes from polls). */
function whenOpen(socket: SocketLike | undefined, clock: Clock): Promise<void> {
  if (!socket || socket.readyState !== 0) return Promise.resolve();
  return new Promise((resolve) => {
    const waiting = new AbortController();
    const done = () => {
      waiting.abort();
      socket.onopen = null;
      resolve();
    };
    socket.onopen = done;
    socket.onclose = done;
    clock.sleep(SOCKET_OPEN_MS, waiting.signal).then(done, () => undefined);
  });
}

const browserSocket = (url: string): SocketLike | undefined => (typeof WebSocket === 'function' ? (new WebSocket(url) as unknown as SocketLike) : undefined);

async function workflowOf(db: DirectorDb, id: string): Promise<{ workflow: ApiWorkflow; mapping: InputMapping; mode: string }> {
  const preset = comfyPresetOf(id);
  if (preset) return preset;
  const record = await getComfyWorkflow(db, id);
  if (!record) throw new RunnerError('missing_input', 'This node’s ComfyUI workflow is no longer in the project; choose another.', { retryable: false });
  if (!record.mapping.prompt?.length && record.mode !== 'image_to_video') throw new RunnerError('missing_input', `Map the "prompt" input of workflow "${record.name}" first.`, { retryable: false });
  return record;
}

/**
 * ComfyUI nodes: choose a server (healthy, has the model files, shortest queue, not one that
 * already failed this job), upload the input image, queue the workflow with a client id, store
 * server + prompt id at once, follow the websocket into the node's progress, then read
 * `/history` and fetch the output once with `/view`. After a reload it follows the stored prompt
 * on its server. A server that stops answering fails the attempt with the reason, and the retry
 * goes to another server.
 */
export function makeComfyJobRunner(db: DirectorDb, projectId: string, options: ComfyRunnerOptions = {}): NodeRunner {
  const clock = options.clock ?? systemClock;
  const pollMs = options.pollMs ?? POLL_MS;
  const openSocket = options.openSocket ?? browserSocket;
  const clientOf = options.clientOf ?? ((server: ComfyServer) => makeComfyClient(server));
  const standings = makeStandingReader(clientOf);
  /** Servers that failed a job (by cache key) in this session: its retry goes elsewhere. */
  const failedOn = new Map<string, Set<string>>();
  const clientId = `director-${Math.random().toString(36).slice(2, 10)}`;

  const lost = (ctx: RunContext, server: ComfyServer, reason: string): RunnerOutcome => {
    failedOn.set(ctx.cacheKey, new Set([...(failedOn.get(ctx.cacheKey) ?? []), server.id]));
    return runnerFailure('server_lost', `ComfyUI server ${server.name} stopped answering mid-job (${reason}); the retry goes to another server.`, { restart: true, retryable: true });
  };

  async function follow(ctx: RunContext, server: ComfyServer, promptId: string, total: number, socket: SocketLike | undefined): Promise<RunnerOutcome> {
    const client = clientOf(server);
    let state: ComfyRunState = startRunState(promptId, total);
    let wake: () => void = () => {};
    if (socket) {
      socket.onmessage = (event) => {
        if (typeof event.data !== 'string') return; // binary frames are previews
        const next = foldComfyMessage(state, JSON.parse(event.data));
        if (next === state) return;
        state = next;
        if (state.phase === 'running' || state.phase === 'queued') ctx.progress(0.05 + 0.85 * runFraction(state), runMessage(state));
        else wake();
      };
      socket.onclose = () => wake();
    }
    try {
      for (;;) {
        ctx.signal.throwIfAborted();
        let history: unknown;
        try {
          history = await client.history(promptId, ctx.signal);
        } catch (e) {
          if (e instanceof ComfyCallError) return lost(ctx, server, e.code === 'server_unreachable' ? 'connection lost' : e.message);
          throw e;
        }
        const outcome = readHistory(history, promptId);
        if (outcome.status === 'succeeded') return await fetchOutput(ctx, client, server, outcome.files);
        if (outcome.status === 'failed') return runnerFailure(outcome.code, outcome.message, { restart: true, retryable: false });
        const queue = await client.queue(ctx.signal).catch((e) => (e instanceof ComfyCallError ? e : Promise.reject(e)));
        if (queue instanceof ComfyCallError) return lost(ctx, server, 'connection lost');
        if (!isQueued(queue, promptId) && readHistory(await client.history(promptId, ctx.signal).catch(() => ({})), promptId).status === 'pending')
          return lost(ctx, server, 'it forgot the prompt, probably a restart');
        // Wait for the websocket to say something decisive, or for the next poll.
        const waiting = new AbortController();
        const onAbort = () => waiting.abort();
        ctx.signal.addEventListener('abort', onAbort, { once: true });
        wake = () => waiting.abort();
        await clock.sleep(pollMs, waiting.signal).catch((e) => (e instanceof AbortedError ? undefined : Promise.reject(e)));
        ctx.signal.removeEventListener('abort', onAbort);
      }
    } catch (e) {
      if (ctx.signal.aborted) {
        await cancel(client, promptId);
        throw new RunnerError('cancelled', 'Cancelled.', { retryable: false });
      }
      throw e;
    } finally {
      socket?.close();
    }
  }

  /** Cancel: take it out of the queue while it waits, interrupt it once it runs. */
  async function cancel(client: ComfyClient, promptId: string) {
    const queue = (await client.queue().catch(() => undefined)) as { queue_pending?: unknown[][] } | undefined;
    const waiting = queue?.queue_pending?.some((entry) => entry[1] === promptId);
    await (waiting ? client.deleteQueued(promptId) : client.interrupt(promptId)).catch(() => undefined);
  }

  async function fetchOutput(ctx: RunContext, client: ComfyClient, server: ComfyServer, files: ComfyFile[]): Promise<RunnerOutcome> {
    const file = files[0];
    if (!file) return runnerFailure('no_output', `The workflow finished on ${server.name} without saving a video or an image; give it a SaveVideo or SaveImage node.`, { restart: true, retryable: false });
    ctx.progress(0.95, 'downloading');
    const blob = await client.view(file, ctx.signal);
    const video = /\.(mp4|webm|mov|mkv)$/i.test(file.filename);
    const ext = file.filename.split('.').pop()!.toLowerCase();
    const type = video ? (ext === 'webm' ? 'video/webm' : 'video/mp4') : ext === 'png' ? 'image/png' : `image/${ext === 'jpg' ? 'jpeg' : ext}`;
    const asset = await addAsset(db, projectId, `generated/comfyui-${fileStamp()}.${ext}`, new Blob([blob], { type }));
    // The node has a video and an image port; a workflow fills one, the other stays empty.
    const ref = { assetId: asset.id };
    return ok({ video: video ? ref : null, image: video ? null : ref, origin: { provider: 'comfyui', local: false }, server: server.name });
  }

  return {
    async run(ctx) {
      const servers = await listComfyServers(db);
      const resumed = ctx.resumeFrom ? parseComfyOperationId(ctx.resumeFrom.operationId) : undefined;
      if (resumed) {
        const server = servers.find((s) => s.id === resumed.serverId);
        if (!server) return runnerFailure('server_removed', 'The ComfyUI server this job ran on was removed; Retry runs it on another.', { restart: true, retryable: false });
        const socket = openSocket(socketUrlOf(server.url, clientId));
        return follow(ctx, server, resumed.promptId, 10, socket);
      }
      const p = ctx.params as unknown as ComfyNodeParams & { workflow: string };
      const { workflow, mapping, mode } = await workflowOf(db, p.workflow);
      const prompt = typeof ctx.inputs.prompt === 'string' ? ctx.inputs.prompt.trim() : '';
      if (!prompt && mode !== 'image_to_video') throw new RunnerError('missing_input', 'Connect a Prompt with some text.', { retryable: false });
      const values = runValuesOf(p, prompt, ctx.cacheKey);
      let graph = applyInputs(workflow, mapping, values);

      ctx.progress(0.01, 'choosing a server');
      const reports = await Promise.all(servers.map((s) => standings.read(s, ctx.signal)));
      const choice = chooseServer(reports, { models: modelFilesOf(graph), excluded: failedOn.get(ctx.cacheKey) });
      if (!choice.ok) return runnerFailure(choice.code, choice.message, { retryable: false });
      const server = servers.find((s) => s.id === choice.value.id)!;
      const client = clientOf(server);
      try {
        if (mapping.inputImage?.length) {
          const image = await blobOf(db, ctx.inputs.image, 'Input image');
          ctx.progress(0.02, `uploading to ${server.name}`);
          const name = await client.uploadImage(image.blob, `director-${ctx.cacheKey.slice(0, 16)}.${image.type === 'image/jpeg' ? 'jpg' : 'png'}`, ctx.signal);
          graph = applyInputs(graph, mapping, { inputImage: name });
        }
        // The socket opens before the prompt is queued, so no event of it is missed.
        const socket = openSocket(socketUrlOf(server.url, clientId));
        await whenOpen(socket, clock);
        const queued = await client.queuePrompt(graph, clientId, ctx.signal);
        if (!queued.ok) {
          socket?.close();
          const rejection = describePromptRejection(queued.body);
          return runnerFailure(rejection.code, rejection.message, { retryable: false });
        }
        await ctx.checkpoint({ operationId: comfyOperationId(server.id, queued.promptId) });
        ctx.progress(0.05, `queued on ${server.name}`);
        return await follow(ctx, server, queued.promptId, Object.keys(graph).length, socket);
      } catch (e) {
        if (e instanceof ComfyCallError) return lost(ctx, server, e.code === 'server_unreachable' ? 'connection lost' : e.message);
        if (e instanceof RunnerError) throw e;
        if ((e as Error).name === 'AbortError' || e instanceof AbortedError) throw new RunnerError('cancelled', 'Cancelled.', { retryable: false });
        throw e;
      }
    },
  };
}
