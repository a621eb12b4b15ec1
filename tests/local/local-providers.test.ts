import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalProviders } from '../../edge/local/local-providers.mjs';
import { waitFor } from './free-port';
import { DEFAULT_SCRIPT_OPTIONS, answerTextOf, parseScriptAnswer, scriptRequestBody } from '../../src/core/autopilot';

let local: Awaited<ReturnType<typeof startLocalProviders>>;
beforeAll(async () => (local = await startLocalProviders({ port: 0 })));
afterAll(() => local?.close());

const google = { 'x-goog-api-key': 'any-local-key', 'Content-Type': 'application/json' };
const runway = { Authorization: 'Bearer any-local-key', 'X-Runway-Version': '2024-11-06', 'Content-Type': 'application/json' };
const post = (route: string, headers: Record<string, string>, body: unknown) => fetch(`${local.url}${route}`, { method: 'POST', headers, body: JSON.stringify(body) });

async function probeSeconds(bytes: Buffer) {
  const dir = await mkdtemp(path.join(tmpdir(), 'local-providers-test-'));
  try {
    await writeFile(path.join(dir, 'v.mp4'), bytes);
    const { stdout } = await promisify(execFile)('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,width,height:format=duration', '-of', 'json', path.join(dir, 'v.mp4')]);
    return JSON.parse(stdout) as { streams: Array<{ codec_type: string; width: number; height: number }>; format: { duration: string } };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('local demo providers (wire formats of shared/wire)', () => {
  it('Veo extends a clip given as `video` inlineData: the input and 7 s more, at 720p', async () => {
    const input = await readFile('tests/media/fixtures/clip.mp4'); // 2 s, 160×120
    const start = await post('/v1beta/models/veo-3.1-generate-preview:predictLongRunning', google, {
      instances: [{ prompt: 'The scene continues at dusk', video: { inlineData: { mimeType: 'video/mp4', data: input.toString('base64') } } }],
      parameters: { resolution: '720p', sampleCount: 1 },
    });
    expect(start.status).toBe(200);
    const { name } = (await start.json()) as { name: string };
    expect(name).toMatch(/^models\/veo-3\.1-generate-preview\/operations\/[a-z0-9]{12}$/);
    type Operation = { done?: boolean; response?: any; error?: unknown };
    const op = await waitFor('the Veo operation to finish', async () => {
      const polled = (await (await fetch(`${local.url}/v1beta/${name}`, { headers: google })).json()) as Operation;
      return polled.done ? polled : undefined;
    }, 90_000);
    expect(op.error).toBeUndefined();
    const uri = op.response.generateVideoResponse.generatedSamples[0].video.uri as string;
    const video = Buffer.from(await (await fetch(uri, { headers: google })).arrayBuffer());
    const probed = await probeSeconds(video);
    expect(probed.streams).toEqual([{ codec_type: 'video', width: 1280, height: 720 }]);
    expect(Number(probed.format.duration)).toBeCloseTo(9, 1);
  });

  it('refuses what Veo and Runway refuse, in their error shapes', async () => {
    const veo = await post('/v1beta/models/veo-3.1-generate-preview:predictLongRunning', google, { instances: [{ prompt: 'x' }], parameters: { resolution: '1080p', durationSeconds: 4 } });
    expect(veo.status).toBe(400);
    expect(((await veo.json()) as any).error).toMatchObject({ status: 'INVALID_ARGUMENT', message: 'resolution 1080p requires durationSeconds 8' });
    const noKey = await fetch(`${local.url}/v1beta/models/veo-3.1-generate-preview:predictLongRunning`, { method: 'POST', body: '{}' });
    expect(noKey.status).toBe(403);
    const ratio = await post('/v1/image_to_video', runway, { model: 'gen4_turbo', promptImage: 'data:image/png;base64,AAAA', ratio: '1920:1080' });
    expect(ratio.status).toBe(400);
    expect(((await ratio.json()) as any).issues[0].path).toEqual(['ratio']);
    const noVersion = await post('/v1/image_to_video', { Authorization: 'Bearer k', 'Content-Type': 'application/json' }, { model: 'gen4_turbo' });
    expect(noVersion.status).toBe(400);
  });

  it('without ffmpeg, answers with what to install: never a stub', async () => {
    const saved = process.env.DIRECTOR_FFMPEG;
    process.env.DIRECTOR_FFMPEG = '/nonexistent/ffmpeg';
    try {
      const veo = await post('/v1beta/models/veo-3.1-generate-preview:predictLongRunning', google, { instances: [{ prompt: 'A lighthouse' }], parameters: { durationSeconds: 4 } });
      expect(veo.status).toBe(400);
      const veoError = ((await veo.json()) as any).error;
      expect(veoError.status).toBe('FAILED_PRECONDITION');
      expect(veoError.message).toContain('apt-get install -y ffmpeg');

      const image = await post('/v1beta/models/gemini-3.1-flash-image:generateContent', google, { contents: [{ role: 'user', parts: [{ text: 'A lighthouse' }] }] });
      expect(image.status).toBe(400);
      expect(((await image.json()) as any).error.message).toContain('needs /nonexistent/ffmpeg');

      const task = await post('/v1/image_to_video', runway, { model: 'gen4_turbo', promptImage: 'data:image/png;base64,AAAA', ratio: '1280:720', promptText: 'x' });
      expect(task.status).toBe(400);
      expect(((await task.json()) as any).error).toContain('apt-get install -y ffmpeg');
    } finally {
      if (saved === undefined) delete process.env.DIRECTOR_FFMPEG;
      else process.env.DIRECTOR_FFMPEG = saved;
    }
  });

  it('answers the Enhance node with a rewrite in the chosen style, and says it is the local demo elsewhere', async () => {
    const enhance = await post('/v1beta/models/gemini-2.5-pro:generateContent', google, {
      systemInstruction: { parts: [{ text: "Rewrite the user's video idea as a prompt for Google Veo.\nStyle: film noir: hard low-key light." }] },
      contents: [{ role: 'user', parts: [{ text: 'a detective walks home' }] }],
    });
    const text = ((await enhance.json()) as any).candidates[0].content.parts[0].text as string;
    expect(text).toMatch(/^A detective walks home\. Hard low-key light/);
    const chat = await post('/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse', google, { contents: [{ role: 'user', parts: [{ text: 'Make a video' }] }] });
    expect(chat.headers.get('content-type')).toBe('text/event-stream');
    const events = (await chat.text()).split('\r\n\r\n').filter(Boolean).map((e) => JSON.parse(e.replace(/^data: /, '')));
    expect(events.map((e) => e.candidates[0].content.parts[0].text).join('')).toContain('local demo model');
    expect(events.at(-1).candidates[0].finishReason).toBe('STOP');
  });

  it("answers Auto-pilot's script request with a schema-valid outline of the topic, labelled local", async () => {
    const response = await post('/v1beta/models/gemini-2.5-pro:generateContent', google, scriptRequestBody('the water cycle', { ...DEFAULT_SCRIPT_OPTIONS, lengthS: 30 }));
    const text = answerTextOf((await response.json()) as any);
    if (!text.ok) throw new Error(text.message);
    const parsed = parseScriptAnswer(text.text, 'en');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.script.title).toBe('The water cycle (local outline)');
    expect(parsed.script.scenes).toHaveLength(4);
    expect(parsed.script.scenes.every((s) => s.narration.includes('the water cycle'))).toBe(true);
    expect(parsed.script.scenes.reduce((n, s) => n + s.durationS, 0)).toBeCloseTo(30);
  });

  it('speaks with the offline voice for the TTS model: 24 kHz s16le PCM with speech in it, as long as the words need', async () => {
    const text = 'The lighthouse keeper climbs the stairs and lights the lamp.';
    const res = await post('/v1beta/models/gemini-2.5-flash-preview-tts:generateContent', google, {
      contents: [{ role: 'user', parts: [{ text }] }],
      generationConfig: { responseModalities: ['AUDIO'], speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Kore' } } } },
    });
    const inline = ((await res.json()) as any).candidates[0].content.parts[0].inlineData;
    expect(inline.mimeType).toBe('audio/L16;codec=pcm;rate=24000');
    const pcm = Buffer.from(inline.data, 'base64');
    const samples = Array.from({ length: pcm.length / 2 }, (_, i) => pcm.readInt16LE(i * 2) / 32768);
    const seconds = samples.length / 24_000;
    // Ten words at 165 a minute: three to five seconds.
    expect(seconds).toBeGreaterThan(2.5);
    expect(seconds).toBeLessThan(6);
    const rms = Math.sqrt(samples.reduce((a, v) => a + v * v, 0) / samples.length);
    expect(rms).toBeGreaterThan(0.02);
  });
});
