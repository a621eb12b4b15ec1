import { describe, expect, it } from 'vitest';
import { edge, fakeCounts, json } from './support/edge-client';
import { resetSeconds } from '../src/video/openai-adapter';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
let keySeq = 0;
const start = (body: unknown) => edge('/api/video/openai/jobs', json(body, { 'Idempotency-Key': `openai-${Date.now()}-${keySeq++}` }));
const poll = async (id: string) => (await (await edge(`/api/video/openai/jobs/${id}`)).json<any>()).job;

/** Polls until the job leaves queued/running (the fake finishes after two polls). */
async function finished(id: string) {
  for (let i = 0; i < 10; i++) {
    const job = await poll(id);
    if (job.status !== 'queued' && job.status !== 'running') return job;
  }
  throw new Error('job never finished');
}

describe('OpenAI Sora through the edge', () => {
  it('create (with a first frame) → poll with progress → download the content; the key never reaches the caller', async () => {
    const before = await fakeCounts();
    const res = await start({ model: 'sora-2', prompt: 'A paper boat on a rainy street', firstFrame: { mimeType: 'image/png', data: PNG }, durationSeconds: 4, aspectRatio: '9:16' });
    expect(res.status).toBe(201);
    const { job } = await res.json<any>();
    expect(job).toMatchObject({ provider: 'openai', status: 'queued' });
    expect(job.id).toMatch(/^video_[0-9a-f]+$/);
    expect(await poll(job.id)).toMatchObject({ status: 'queued' });
    expect(await poll(job.id)).toMatchObject({ status: 'running', progress: 0.5 });
    expect(await finished(job.id)).toMatchObject({ status: 'succeeded', outputs: 1 });
    const video = await edge(`/api/video/openai/jobs/${job.id}/result`);
    expect(video.status).toBe(200);
    expect(video.headers.get('Content-Type')).toBe('video/mp4');
    const text = new TextDecoder().decode(await video.arrayBuffer());
    expect(text).toContain('ftyp');
    expect(text).toContain('original');
    expect(text).not.toContain('sk-fake');
    const after = await fakeCounts();
    expect(after.openaiStarts - before.openaiStarts).toBe(1);
    expect(after.openaiDownloads - before.openaiDownloads).toBe(1);
    expect(after.openaiReferenceBytes).toBeGreaterThan(before.openaiReferenceBytes);
  });

  it('remixes a finished video into a new job; a provider without remix says so', async () => {
    const { job } = await (await start({ model: 'sora-2', prompt: 'A lighthouse at dusk', durationSeconds: 8 })).json<any>();
    await finished(job.id);
    // A remix is a paid start too: without a key it is refused, and a retry with the same key gets the same job.
    const unkeyed = await edge(`/api/video/openai/jobs/${job.id}/remix`, json({ prompt: 'Same shot, at dawn' }));
    expect(unkeyed.status).toBe(400);
    expect((await unkeyed.json<any>()).error.field).toBe('header Idempotency-Key');
    const before = (await fakeCounts()).openaiStarts;
    const remix = await edge(`/api/video/openai/jobs/${job.id}/remix`, json({ prompt: 'Same shot, at dawn' }, { 'Idempotency-Key': 'remix-lighthouse-1' }));
    expect(remix.status).toBe(201);
    const remixed = (await remix.json<any>()).job;
    expect(remixed.id).not.toBe(job.id);
    const again = await edge(`/api/video/openai/jobs/${job.id}/remix`, json({ prompt: 'Same shot, at dawn' }, { 'Idempotency-Key': 'remix-lighthouse-1' }));
    expect([again.status, (await again.json<any>()).job.id, again.headers.get('Idempotent-Replayed')]).toEqual([200, remixed.id, 'true']);
    expect((await fakeCounts()).openaiStarts - before).toBe(1);
    const otherPrompt = await edge(`/api/video/openai/jobs/${job.id}/remix`, json({ prompt: 'At noon' }, { 'Idempotency-Key': 'remix-lighthouse-1' }));
    expect(otherPrompt.status).toBe(409);
    await finished(remixed.id);
    expect(new TextDecoder().decode(await (await edge(`/api/video/openai/jobs/${remixed.id}/result`)).arrayBuffer())).toContain('remix');
    const runway = await edge('/api/video/runway/jobs/0b6f3c2e-5a41-4d8e-9c77-2f1e8a9d4b60/remix', json({ prompt: 'x' }));
    expect(runway.status).toBe(501);
    expect((await runway.json<any>()).error.code).toBe('not_supported');
  });

  it('a rate limit becomes quota_exceeded with the wait OpenAI gave; an exhausted quota has no wait', async () => {
    const limited = await start({ model: 'sora-2', prompt: '[fake:429] boat', durationSeconds: 4 });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('7');
    expect((await limited.json<any>()).error).toMatchObject({ code: 'quota_exceeded', message: expect.stringContaining('Rate limit reached for sora-2') });
    const broke = await start({ model: 'sora-2', prompt: '[fake:quota] boat', durationSeconds: 4 });
    expect(broke.status).toBe(429);
    expect(broke.headers.get('Retry-After')).toBeNull();
    expect((await broke.json<any>()).error.reasons).toEqual(['insufficient_quota']);
    expect([resetSeconds('6m0s'), resetSeconds('250ms'), resetSeconds('1s'), resetSeconds('soon')]).toEqual([360, 1, 1, undefined]);
  });

  it('a moderation failure is safety_filtered; lengths Sora does not make are refused naming the field', async () => {
    const { job } = await (await start({ model: 'sora-2', prompt: '[fake:moderation] boat', durationSeconds: 4 })).json<any>();
    expect(await finished(job.id)).toMatchObject({ status: 'failed', error: { code: 'safety_filtered', reasons: ['moderation_blocked'] } });
    const bad = await start({ model: 'sora-2', prompt: 'boat', durationSeconds: 6 });
    expect(bad.status).toBe(400);
    expect((await bad.json<any>()).error).toMatchObject({ code: 'invalid_argument', field: 'durationSeconds', message: expect.stringContaining('4, 8, 12') });
    expect((await edge('/api/video/openai/jobs/not-a-video-id')).status).toBe(404);
  });
});
