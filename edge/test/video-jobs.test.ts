import { describe, expect, it } from 'vitest';
import { edge, fakeCounts, json } from './support/edge-client';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
let keySeq = 0;
const newKey = () => `test-key-${Date.now()}-${keySeq++}`;

function start(provider: string, body: unknown, key: string | null = newKey()) {
  return edge(`/api/video/${provider}/jobs`, json(body, key ? { 'Idempotency-Key': key } : {}));
}

describe('GET /api/providers', () => {
  it('lists what is enabled, without secrets', async () => {
    const res = await edge('/api/providers');
    const body = await res.json<any>();
    expect(body.gemini).toMatchObject({ enabled: true, acceptsUserKey: true });
    expect(body.video).toEqual([
      { id: 'veo', enabled: true, local: false, models: ['veo-3.1-generate-preview', 'veo-3.1-fast-generate-preview'] },
      { id: 'runway', enabled: true, local: false, models: ['gen4_turbo', 'veo3.1_fast'] },
      { id: 'openai', enabled: true, local: false, models: ['sora-2', 'sora-2-pro'] },
    ]);
    expect(body.renders.enabled).toBe(true);
  });

  it('reports a provider without a key as disabled, and its routes as 404', async () => {
    const body = await (await edge('/api/providers', { envOverrides: { RUNWAY_API_KEY: '' } })).json<any>();
    expect(body.video[1]).toEqual({ id: 'runway', enabled: false, local: false, models: [] });
    const res = await edge('/api/video/runway/jobs/0b6f3c2e-5a41-4d8e-9c77-2f1e8a9d4b60', { envOverrides: { RUNWAY_API_KEY: '' } });
    expect(res.status).toBe(404);
  });
});

describe('Veo jobs', () => {
  it('start → poll → fetch the video through the edge', async () => {
    const res = await start('veo', { prompt: 'A paper lantern drifts over a harbour', firstFrame: { mimeType: 'image/png', data: PNG }, durationSeconds: 8 });
    expect(res.status).toBe(201);
    const { job } = await res.json<any>();
    expect(job).toMatchObject({ provider: 'veo', status: 'running' });
    expect(job.id).toMatch(/^[A-Za-z0-9_-]+$/);

    const polled = await (await edge(`/api/video/veo/jobs/${job.id}`)).json<any>();
    expect(polled.job).toMatchObject({ id: job.id, status: 'succeeded', outputs: 1, progress: 1 });

    const before = await fakeCounts();
    const video = await edge(`/api/video/veo/jobs/${job.id}/result?index=0`);
    expect(video.status).toBe(200);
    expect(video.headers.get('Content-Type')).toBe('video/mp4');
    const bytes = new Uint8Array(await video.arrayBuffer());
    expect(String.fromCharCode(...bytes.subarray(4, 8))).toBe('ftyp');
    const after = await fakeCounts();
    expect(after.veoDownloads).toBe(before.veoDownloads + 1);
    // The fake redirects to another origin; the key must not follow.
    expect(after.keyOnRedirectedDownload).toBe(0);
  });

  it('a retried start with the same Idempotency-Key starts exactly one generation', async () => {
    const key = newKey();
    const prompt = `idempotent lantern ${key}`;
    const body = { prompt, aspectRatio: '9:16' };
    const first = await start('veo', body, key);
    const second = await start('veo', body, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await second.json<any>()).job.id).toBe((await first.json<any>()).job.id);
    expect((await fakeCounts()).veoStartsByPrompt[prompt]).toBe(1);
  });

  it('concurrent starts with one key still make one generation', async () => {
    const key = newKey();
    const prompt = `concurrent lantern ${key}`;
    const results = await Promise.all([start('veo', { prompt }, key), start('veo', { prompt }, key), start('veo', { prompt }, key)]);
    const statuses = results.map((r) => r.status).sort();
    // One wins (201); the others get the stored job (200) or "still in progress" (202, retry with the same key).
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => [200, 201, 202].includes(s))).toBe(true);
    expect((await fakeCounts()).veoStartsByPrompt[prompt]).toBe(1);
  });

  it('reusing a key for a different request is a 409', async () => {
    const key = newKey();
    expect((await start('veo', { prompt: `first ${key}` }, key)).status).toBe(201);
    const res = await start('veo', { prompt: `second ${key}` }, key);
    expect(res.status).toBe(409);
    expect((await res.json<any>()).error.code).toBe('conflict');
  });

  it('a failed start frees the key so the client can retry', async () => {
    const key = newKey();
    const failed = await start('veo', { prompt: '[fake:429] lantern' }, key);
    expect(failed.status).toBe(429);
    expect(failed.headers.get('Retry-After')).toBe('31');
    expect((await failed.json<any>()).error.code).toBe('quota_exceeded');
    const again = await start('veo', { prompt: '[fake:429] lantern' }, key);
    expect(again.status).toBe(429);
  });

  it('400 without an Idempotency-Key, naming the header', async () => {
    const res = await start('veo', { prompt: 'x' }, null);
    expect(res.status).toBe(400);
    expect((await res.json<any>()).error.field).toBe('header Idempotency-Key');
  });

  it('400 naming the bad body field', async () => {
    const res = await start('veo', { prompt: 'x', aspectRatio: '4:3' });
    expect(res.status).toBe(400);
    const { error } = await res.json<any>();
    expect(error.field).toBe('aspectRatio');
    expect(error.message).toContain('body.aspectRatio');
  });

  it('400 for a model that is not enabled', async () => {
    const res = await start('veo', { prompt: 'x', model: 'veo-9' });
    expect(res.status).toBe(400);
    expect((await res.json<any>()).error.field).toBe('model');
  });

  it('upstream parameter errors come back as invalid_argument', async () => {
    const res = await start('veo', { prompt: '[fake:invalid] x' });
    expect(res.status).toBe(400);
    expect((await res.json<any>()).error).toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('Request contains an invalid argument.') });
  });

  it('a length or size the model table does not give the named model is refused before the provider is called', async () => {
    const before = await fakeCounts();
    const res = await start('veo', { model: 'veo-3.1-generate-preview', prompt: 'x', resolution: '4k', durationSeconds: 4 });
    expect(res.status).toBe(400);
    expect((await res.json<any>()).error).toMatchObject({ field: 'resolution', message: 'body.resolution: 4k needs an 8 s duration' });
    const sora = await start('openai', { model: 'sora-2', prompt: 'x', durationSeconds: 6 });
    expect((await sora.json<any>()).error).toMatchObject({ field: 'durationSeconds', message: expect.stringContaining('makes 4, 8, 12 s clips') });
    const after = await fakeCounts();
    expect([after.veoStarts, after.openaiStarts]).toEqual([before.veoStarts, before.openaiStarts]);
  });

  it('a safety-filtered clip is a failed job with code safety_filtered and reasons', async () => {
    const { job } = await (await start('veo', { prompt: '[fake:rai] a famous person' })).json<any>();
    const polled = (await (await edge(`/api/video/veo/jobs/${job.id}`)).json<any>()).job;
    expect(polled.status).toBe('failed');
    expect(polled.error.code).toBe('safety_filtered');
    expect(polled.error.reasons[0]).toContain('public figure');
  });

  it('a failed operation maps its gRPC code', async () => {
    const { job } = await (await start('veo', { prompt: '[fake:fail] x' })).json<any>();
    const polled = (await (await edge(`/api/video/veo/jobs/${job.id}`)).json<any>()).job;
    expect(polled).toMatchObject({ status: 'failed', error: { code: 'upstream_error' } });
  });

  it('the result of an unfinished job is a 409', async () => {
    const { job } = await (await start('veo', { prompt: '[fake:polls:5] slow' })).json<any>();
    const res = await edge(`/api/video/veo/jobs/${job.id}/result`);
    expect(res.status).toBe(409);
  });

  it('forged job ids are refused before any upstream call', async () => {
    const forged = btoa('files/../../v1beta/models').replace(/=+$/, '');
    const res = await edge(`/api/video/veo/jobs/${forged}`);
    expect(res.status).toBe(404);
  });

  it('cancel is reported as not supported for Veo', async () => {
    const { job } = await (await start('veo', { prompt: 'cancel me' })).json<any>();
    const res = await edge(`/api/video/veo/jobs/${job.id}`, { method: 'DELETE' });
    expect(res.status).toBe(501);
    expect((await res.json<any>()).error.code).toBe('not_supported');
  });
});

describe('Runway jobs', () => {
  const frame = { mimeType: 'image/png', data: PNG };

  it('start → queued → running with progress → succeeded → result', async () => {
    const res = await start('runway', { model: 'gen4_turbo', prompt: 'Slow push-in on the lighthouse', firstFrame: frame, durationSeconds: 5 });
    expect(res.status).toBe(201);
    const { job } = await res.json<any>();
    expect(job).toMatchObject({ provider: 'runway', status: 'queued' });

    const poll = async () => (await (await edge(`/api/video/runway/jobs/${job.id}`)).json<any>()).job;
    expect((await poll()).status).toBe('queued');
    expect(await poll()).toMatchObject({ status: 'running', progress: 0.5 });
    expect(await poll()).toMatchObject({ status: 'succeeded', outputs: 1 });

    const video = await edge(`/api/video/runway/jobs/${job.id}/result`);
    expect(video.status).toBe(200);
    expect(video.headers.get('Content-Type')).toBe('video/mp4');
    expect((await video.arrayBuffer()).byteLength).toBeGreaterThan(24);
    expect((await fakeCounts()).authOnRunwayOutput).toBe(0);
  });

  it('cancels a running task', async () => {
    const { job } = await (await start('runway', { model: 'gen4_turbo', prompt: 'cancel', firstFrame: frame })).json<any>();
    const res = await edge(`/api/video/runway/jobs/${job.id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect((await res.json<any>()).job.status).toBe('cancelled');
  });

  it('needs a first frame (400 naming it) before calling Runway', async () => {
    const before = await fakeCounts();
    const res = await start('runway', { model: 'gen4_turbo', prompt: 'no image' });
    expect(res.status).toBe(400);
    expect((await res.json<any>()).error.field).toBe('firstFrame');
    expect((await fakeCounts()).runwayStarts).toBe(before.runwayStarts);
  });

  it('maps SAFETY.* failures to safety_filtered', async () => {
    const { job } = await (await start('runway', { model: 'gen4_turbo', prompt: '[fake:safety] x', firstFrame: frame })).json<any>();
    await edge(`/api/video/runway/jobs/${job.id}`);
    await edge(`/api/video/runway/jobs/${job.id}`);
    const polled = (await (await edge(`/api/video/runway/jobs/${job.id}`)).json<any>()).job;
    expect(polled).toMatchObject({ status: 'failed', error: { code: 'safety_filtered', reasons: ['SAFETY.INPUT.TEXT'] } });
  });

  it('maps the daily-limit 429', async () => {
    const res = await start('runway', { model: 'gen4_turbo', prompt: '[fake:429] x', firstFrame: frame });
    expect(res.status).toBe(429);
    expect((await res.json<any>()).error).toMatchObject({ code: 'quota_exceeded', message: expect.stringContaining('daily task limit') });
  });

  it('sends a Gen-4 aspect as the model table\'s frame size, and refuses one a Veo-on-Runway model lacks', async () => {
    expect((await start('runway', { model: 'gen4_turbo', prompt: 'wide', firstFrame: frame, aspectRatio: '21:9', durationSeconds: 5 })).status).toBe(201);
    const before = await fakeCounts();
    const res = await start('runway', { model: 'veo3.1_fast', prompt: 'square', firstFrame: frame, aspectRatio: '1:1', durationSeconds: 8 });
    expect(res.status).toBe(400);
    expect((await res.json<any>()).error).toMatchObject({ field: 'aspectRatio', message: expect.stringContaining('16:9 or 9:16') });
    expect((await fakeCounts()).runwayStarts).toBe(before.runwayStarts);
  });

  it('maps 1080p Veo-on-Runway to Runway\'s ratio', async () => {
    const res = await start('runway', { model: 'veo3.1_fast', prompt: 'hd', firstFrame: frame, lastFrame: frame, resolution: '1080p', durationSeconds: 8 });
    expect(res.status).toBe(201);
  });
});
