import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_DEFAULTS, startFakeUpstreams } from '../../edge/test/fakes/fake-upstreams.mjs';
import { freePort, waitFor } from './free-port';

/** `GEMINI_API_KEY=… npm run dev` (the edge `npm start` runs), with "Google" played by a local wire-format server. */
const KEY = FAKE_DEFAULTS.realLookingKeys.gemini;
let google: Awaited<ReturnType<typeof startFakeUpstreams>>;
let dev: ChildProcess;
let edgeUrl: string;
let output = '';
const secretDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('director-edge-secrets-'));
let dirsBefore: string[];

beforeAll(async () => {
  google = await startFakeUpstreams({ port: 0 });
  const [edgePort, localPort] = [await freePort(), await freePort()];
  edgeUrl = `http://127.0.0.1:${edgePort}`;
  dirsBefore = secretDirs();
  dev = spawn(process.execPath, ['edge/scripts/dev.mjs'], {
    env: { ...process.env, EDGE_PORT: String(edgePort), LOCAL_PROVIDERS_PORT: String(localPort), GEMINI_API_KEY: KEY, GEMINI_BASE_URL: google.url, VEO_BASE_URL: google.url, RUNWAY_API_KEY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (chunk) => (output += chunk));
  dev.stderr!.on('data', (chunk) => (output += chunk));
  await waitFor('the edge answering /api/health', async () => ((await fetch(`${edgeUrl}/api/health`)).ok ? true : undefined), 60_000, () => output);
});

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once('exit', resolve));
    dev.kill('SIGTERM');
    await exited;
  }
  await google?.close();
});

const auth = { Authorization: 'Bearer director-dev-token' };

describe('npm run dev with GEMINI_API_KEY', () => {
  it('sends Gemini and Veo to the real API with the key as x-goog-api-key, keeps Runway local, and never shows the key', async () => {
    const providers = (await (await fetch(`${edgeUrl}/api/providers`, { headers: auth })).json()) as any;
    expect(providers.gemini).toMatchObject({ enabled: true, local: false });
    expect(providers.video.map((v: any) => [v.id, v.local])).toEqual([
      ['veo', false],
      ['runway', true],
      // No OPENAI_API_KEY: Sora is off (it has no local demo).
      ['openai', false],
    ]);
    expect(output).toContain(`Gemini: real API at ${google.url} (key from GEMINI_API_KEY)`);
    expect(output).toContain('Runway: local demo');

    const before = ((await (await fetch(`${google.url}/__fake/requests`)).json()) as unknown[]).length;
    const answer = await fetch(`${edgeUrl}/api/gemini/v1beta/models/gemini-2.5-flash:generateContent`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hello' }] }] }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('X-Director-Local-Provider')).toBeNull();
    const seen = ((await (await fetch(`${google.url}/__fake/requests`)).json()) as Array<{ path: string; query: string; headers: Record<string, string> }>).slice(before);
    expect(seen.map((r) => r.path)).toEqual(['/v1beta/models/gemini-2.5-flash:generateContent']);
    expect(seen[0]!.headers['x-goog-api-key']).toBe(KEY);
    expect(seen[0]!.query).toBe('');

    // Not in the terminal, not on any process's command line.
    expect(output).not.toContain(KEY);
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      let cmdline = '';
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      expect(cmdline).not.toContain(KEY);
    }
  });

  it('removes the file that held the keys when it stops', async () => {
    expect(secretDirs().filter((d) => !dirsBefore.includes(d))).toHaveLength(1);
    const exited = new Promise((resolve) => dev.once('exit', resolve));
    dev.kill('SIGTERM');
    await exited;
    expect(secretDirs().filter((d) => !dirsBefore.includes(d))).toEqual([]);
  });
});
