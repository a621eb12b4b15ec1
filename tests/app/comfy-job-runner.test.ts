import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeComfyJobRunner, type SocketLike } from '../../src/app/comfyui/comfy-job-runner';
import { systemClock } from '../../src/core/graph/clock';
import { RunnerError, type RunContext, type RunnerOutcome } from '../../src/core/graph/node-runner';
import { comfyuiKind } from '../../src/core/graph/kinds/comfyui-kind';
import { parseComfyOperationId } from '../../src/core/comfyui';
import { presetOf } from '../../src/core/pricing/model-presets';
import { COMFY_WORKFLOW_PRESETS, modelFilesOf } from '../../src/core/comfyui';
import { addComfyServer, setComfyServerPaused } from '../../src/db/comfy-servers-repo';
import { openDirectorDb, type DirectorDb } from '../../src/db/database';
// @ts-expect-error plain .mjs test fakes, no types
import { startFakeComfy } from '../fakes/fake-comfyui.mjs';
// @ts-expect-error plain .mjs test fakes, no types
import { connectWebSocket } from '../fakes/mini-websocket.mjs';

type Fake = { url: string; name: string; counts: { prompts: number; views: number; interrupts: number; deletes: number }; hold(): void; release(): void; isRunning(): boolean; kill(): void; close(): Promise<void> };

const T2V = COMFY_WORKFLOW_PRESETS.find((p) => p.mode === 'text_to_video')!;
const ALL_FILES = modelFilesOf(T2V.workflow);
/** Polls come quickly in tests; the websocket still wakes the runner first. */
const quick = { clock: systemClock, pollMs: 25 };
const socket = (url: string) => connectWebSocket(url) as SocketLike;
/** Conditions are polled, with room for a loaded machine. */
const WAIT = { timeout: 10_000, interval: 20 };

let db: DirectorDb;
let fakes: Fake[] = [];
const fake = async (name: string, models = ALL_FILES) => {
  const f = (await startFakeComfy({ name, models, stepMs: 2 })) as Fake;
  fakes.push(f);
  await addComfyServer(db, { url: f.url, name });
  return f;
};

beforeEach(() => {
  db = openDirectorDb(`comfy-${Math.random()}`);
});
afterEach(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  fakes = [];
  db.close();
});

function context(overrides: Partial<RunContext> = {}) {
  const checkpoints: string[] = [];
  const messages: string[] = [];
  const ctx: RunContext = {
    nodeId: 'n1',
    kind: 'comfyui',
    cacheKey: 'cache-key-1',
    attempt: 1,
    params: comfyuiKind.params.parse({ durationSeconds: 2 }),
    inputs: { prompt: 'a red fox runs through snow' },
    signal: new AbortController().signal,
    progress: (_f, m) => void (m && messages.push(m)),
    checkpoint: async (s) => void checkpoints.push(s.operationId),
    ...overrides,
  };
  return { ctx, checkpoints, messages };
}

const assetOf = async (outcome: RunnerOutcome) => {
  if (!outcome.ok) throw new Error(outcome.message);
  const asset = await db.assets.get((outcome.value.video as { assetId: string }).assetId);
  return new TextDecoder().decode(await asset!.blob.arrayBuffer());
};

describe('ComfyUI job runner against two fake servers', () => {
  it('queues on the server with the model and the shortest queue, follows websocket progress and stores the output once', async () => {
    const a = await fake('gpu-a', ['other.safetensors']);
    const b = await fake('gpu-b');
    const c = await fake('gpu-c');
    c.hold();
    // c is busy with someone else's prompt, a lacks the model: b gets the job.
    await fetch(`${c.url}/prompt`, { method: 'POST', body: JSON.stringify({ prompt: T2V.workflow, client_id: 'someone' }) });
    await vi.waitFor(() => expect(c.isRunning()).toBe(true), WAIT);
    const { ctx, checkpoints, messages } = context();
    const outcome = await makeComfyJobRunner(db, 'p1', { ...quick, openSocket: socket }).run(ctx);
    expect(await assetOf(outcome)).toContain('comfy video gpu-b');
    expect(outcome.ok && outcome.value.server).toBe('gpu-b');
    expect([a.counts.prompts, b.counts.prompts, b.counts.views]).toEqual([0, 1, 1]);
    expect(checkpoints).toHaveLength(1);
    expect(parseComfyOperationId(checkpoints[0]!)).toMatchObject({ serverId: (await db.comfyServers.toArray()).find((s) => s.name === 'gpu-b')!.id });
    expect(messages).toContain('step 2/4');
  });

  it('a server dropping mid-job fails the attempt with the reason; the retry finishes on the other one', async () => {
    const a = await fake('gpu-a');
    const b = await fake('gpu-b');
    a.hold();
    b.hold();
    const runner = makeComfyJobRunner(db, 'p1', { ...quick, openSocket: socket });
    const first = context();
    const running = runner.run(first.ctx);
    await vi.waitFor(() => expect(a.isRunning()).toBe(true), WAIT);
    a.kill();
    const failed = await running;
    expect(failed).toMatchObject({ ok: false, code: 'server_lost', retryable: true, restart: true, message: expect.stringContaining('gpu-a stopped answering mid-job') });
    b.release();
    const retry = context({ attempt: 2 });
    expect(await assetOf(await runner.run(retry.ctx))).toContain('comfy video gpu-b');
  });

  it('after a reload the stored prompt is followed on its server and its output fetched once', async () => {
    const a = await fake('gpu-a');
    a.hold();
    const firstPage = context();
    // The first page stops following (as when it is closed) right after storing the operation id.
    void makeComfyJobRunner(db, 'p1', { clock: { now: Date.now, sleep: () => new Promise(() => {}) }, openSocket: () => undefined }).run(firstPage.ctx);
    await vi.waitFor(() => expect(firstPage.checkpoints).toHaveLength(1), WAIT);
    const reloaded = context({ resumeFrom: { operationId: firstPage.checkpoints[0]! } });
    const following = makeComfyJobRunner(db, 'p1', { ...quick, openSocket: socket }).run(reloaded.ctx);
    a.release();
    expect(await assetOf(await following)).toContain('comfy video gpu-a');
    expect([a.counts.prompts, a.counts.views, reloaded.checkpoints.length]).toEqual([1, 1, 0]);
  });

  it('an out-of-memory execution error fails with one sentence and is not retried on its own', async () => {
    await fake('gpu-a');
    const { ctx } = context({ inputs: { prompt: 'huge scene [fake:oom]' } });
    const outcome = await makeComfyJobRunner(db, 'p1', { ...quick, openSocket: socket }).run(ctx);
    expect(outcome).toMatchObject({ ok: false, code: 'out_of_memory', retryable: false, message: expect.stringContaining('ran out of GPU memory in KSampler') });
  });

  it('cancel interrupts the running prompt; paused servers and missing models say why nothing runs', async () => {
    const a = await fake('gpu-a');
    a.hold();
    const cancel = new AbortController();
    const { ctx } = context({ signal: cancel.signal });
    const running = makeComfyJobRunner(db, 'p1', { ...quick, openSocket: socket }).run(ctx);
    await vi.waitFor(() => expect(a.isRunning()).toBe(true), WAIT);
    cancel.abort();
    const error = await running.then(() => null, (e: unknown) => e);
    expect((error as RunnerError).code).toBe('cancelled');
    await vi.waitFor(() => expect(a.counts.interrupts).toBe(1), WAIT);

    const [server] = await db.comfyServers.toArray();
    await setComfyServerPaused(db, server!.id, true);
    expect(await makeComfyJobRunner(db, 'p1', quick).run(context({ cacheKey: 'k2' }).ctx)).toMatchObject({ ok: false, code: 'all_paused' });
    await setComfyServerPaused(db, server!.id, false);
    const other = context({ cacheKey: 'k3', params: comfyuiKind.params.parse({ durationSeconds: 2, modelFile: 'missing.safetensors' }) });
    expect(await makeComfyJobRunner(db, 'p1', quick).run(other.ctx)).toMatchObject({ ok: false, code: 'model_missing', message: expect.stringContaining('missing.safetensors') });
    expect(presetOf('wan2.1-t2v-1.3b')!.modelFile).toBe(ALL_FILES.find((f) => f.startsWith('wan2.1_t2v')));
  });

  it('cancel while the prompt waits in the server queue removes it from the queue instead of interrupting', async () => {
    const a = await fake('gpu-a');
    a.hold();
    await fetch(`${a.url}/prompt`, { method: 'POST', body: JSON.stringify({ prompt: T2V.workflow, client_id: 'someone' }) });
    await vi.waitFor(() => expect(a.isRunning()).toBe(true), WAIT);
    const cancel = new AbortController();
    const { ctx, checkpoints } = context({ signal: cancel.signal });
    const running = makeComfyJobRunner(db, 'p1', { ...quick, openSocket: socket }).run(ctx);
    await vi.waitFor(() => expect(checkpoints).toHaveLength(1), WAIT);
    cancel.abort();
    expect(((await running.then(() => null, (e: unknown) => e)) as RunnerError).code).toBe('cancelled');
    await vi.waitFor(() => expect(a.counts.deletes).toBe(1), WAIT);
    expect(a.counts.interrupts).toBe(0);
  });
});
