import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { edge, json } from './support/edge-client';
import { readMp4 } from './support/mp4-tracks';

/** The edge as `npm start` runs it without keys: every provider is the local demo server. */
const localEnv = () => ({
  GEMINI_BASE_URL: inject('localProvidersUrl'),
  GEMINI_API_KEY: 'director-local-demo-key',
  VEO_BASE_URL: inject('localProvidersUrl'),
  VEO_API_KEY: 'director-local-demo-key',
  RUNWAY_BASE_URL: inject('localProvidersUrl'),
  RUNWAY_API_KEY: 'director-local-demo-key',
  LOCAL_PROVIDERS: 'gemini,veo,runway',
  UPSTREAM_TIMEOUT_MS: '20000',
});

/** Polls a job until it ends, within a deadline (the local maker needs a few seconds per clip). */
async function untilDone(provider: string, id: string, deadlineMs = 80_000) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const { job } = await (await edge(`/api/video/${provider}/jobs/${id}`, { envOverrides: localEnv() })).json<any>();
    if (!['queued', 'running'].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`${provider} job still ${job.status} after ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('local demo providers through the real edge', () => {
  it('GET /api/providers says which providers are the local demo ones (LOCAL_PROVIDERS)', async () => {
    const local = await (await edge('/api/providers', { envOverrides: { ...localEnv(), LOCAL_PROVIDERS: 'veo,runway' } })).json<any>();
    expect(local.gemini).toMatchObject({ enabled: true, local: false });
    expect(local.video.map((v: any) => [v.id, v.enabled, v.local])).toEqual([
      ['veo', true, true],
      ['runway', true, true],
      // OpenAI has no local demo: with a key it is the real API (here, the test fake).
      ['openai', true, false],
    ]);
    const real = await (await edge('/api/providers')).json<any>();
    expect([real.gemini.local, ...real.video.map((v: any) => v.local)]).toEqual([false, false, false, false]);
    const wrong = await edge('/api/providers', { envOverrides: { LOCAL_PROVIDERS: 'veo,openai' } });
    expect(wrong.status).toBe(500);
    expect((await wrong.json<any>()).error.message).toContain('LOCAL_PROVIDERS may name gemini, veo, runway; got "openai"');
  });

  it('a Veo job ends with a downloadable MP4 that has an H.264 video track of the asked size and length', { timeout: 120_000 }, async () => {
    const start = await edge('/api/video/veo/jobs', {
      ...json({ prompt: 'A paper lantern drifts over a night harbour', aspectRatio: '9:16', durationSeconds: 4 }, { 'Idempotency-Key': 'local-veo-portrait-1' }),
      envOverrides: localEnv(),
    });
    expect(start.status).toBe(201);
    expect(start.headers.get('X-Director-Local-Provider')).toBe('veo');
    const { job } = await start.json<any>();
    const done = await untilDone('veo', job.id);
    expect(done).toMatchObject({ status: 'succeeded', outputs: 1 });

    const file = await edge(`/api/video/veo/jobs/${job.id}/result`, { envOverrides: localEnv() });
    expect(file.status).toBe(200);
    expect(file.headers.get('Content-Type')).toBe('video/mp4');
    // The app labels what a local provider made: the edge says which one answered.
    expect(file.headers.get('X-Director-Local-Provider')).toBe('veo');
    const mp4 = readMp4(new Uint8Array(await file.arrayBuffer()));
    expect(mp4.tracks).toEqual([{ handler: 'vide', codec: 'avc1', width: 720, height: 1280 }]);
    expect(mp4.seconds).toBeCloseTo(4, 1);
  });

  it('a Runway job (first frame from the local image model) ends with an MP4 of its ratio', { timeout: 120_000 }, async () => {
    const image = await edge('/api/gemini/v1beta/models/gemini-3.1-flash-image:generateContent', {
      ...json({ contents: [{ role: 'user', parts: [{ text: 'A red bicycle by a canal' }] }], generationConfig: { responseModalities: ['IMAGE'], imageConfig: { aspectRatio: '16:9' } } }),
      envOverrides: localEnv(),
    });
    expect(image.status).toBe(200);
    expect(image.headers.get('X-Director-Local-Provider')).toBe('gemini');
    const part = (await image.json<any>()).candidates[0].content.parts.find((p: any) => p.inlineData);
    expect(part.inlineData.mimeType).toBe('image/png');
    const png = Uint8Array.from(atob(part.inlineData.data), (c) => c.charCodeAt(0));
    // A real picture at Gemini's 16:9 size, not a 1×1 placeholder: IHDR width and height.
    const ihdr = new DataView(png.buffer, 16, 8);
    expect([ihdr.getUint32(0), ihdr.getUint32(4)]).toEqual([1344, 768]);

    const start = await edge('/api/video/runway/jobs', {
      ...json({ model: 'gen4_turbo', prompt: 'The bicycle rolls along the canal', firstFrame: { mimeType: 'image/png', data: part.inlineData.data }, durationSeconds: 2 }, { 'Idempotency-Key': 'local-runway-landscape-1' }),
      envOverrides: localEnv(),
    });
    expect(start.status).toBe(201);
    const { job } = await start.json<any>();
    expect(await untilDone('runway', job.id)).toMatchObject({ status: 'succeeded', outputs: 1 });
    const file = await edge(`/api/video/runway/jobs/${job.id}/result`, { envOverrides: localEnv() });
    const mp4 = readMp4(new Uint8Array(await file.arrayBuffer()));
    expect(mp4.tracks).toEqual([{ handler: 'vide', codec: 'avc1', width: 1280, height: 720 }]);
    expect(mp4.seconds).toBeCloseTo(2, 1);
  });
});
