import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseAgentModel } from '../../src/app/agent-model-choice';
import { DEFAULT_SETTINGS } from '../../src/db/settings-repo';

/** A small HTTP server standing in for the edge's GET /api/providers, answering per token. */
let server: Server;
let url = '';
const ANSWERS: Record<string, { status: number; body: unknown }> = {
  'Bearer real': { status: 200, body: { gemini: { enabled: true } } },
  'Bearer demo': { status: 200, body: { gemini: { enabled: true, local: true } } },
  'Bearer nokey': { status: 200, body: { gemini: { enabled: false } } },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const answer = req.url === '/api/providers' ? ANSWERS[req.headers.authorization ?? ''] : undefined;
    res.writeHead(answer?.status ?? 403, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer?.body ?? { error: { code: 'forbidden' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('choosing the Director chat model', () => {
  const settings = (accessToken: string, edgeUrl = url) => ({ ...DEFAULT_SETTINGS, edgeUrl, accessToken });

  it('talks to Gemini only when the edge has a real key', async () => {
    expect(await chooseAgentModel(settings('real'))).toEqual({ kind: 'gemini', label: `Gemini · ${DEFAULT_SETTINGS.models.agent}` });
    expect(await chooseAgentModel(settings('demo'))).toMatchObject({ kind: 'local', reason: /local demo providers/ });
    expect(await chooseAgentModel(settings('nokey'))).toMatchObject({ kind: 'local', reason: /no Gemini key/ });
  });

  it('falls back to the local demo model with the reason', async () => {
    expect(await chooseAgentModel(settings(''))).toMatchObject({ kind: 'local', reason: /No access token/ });
    expect(await chooseAgentModel(settings('wrong'))).toMatchObject({ kind: 'local', reason: /refused the access token/ });
    expect(await chooseAgentModel(settings('real', 'http://127.0.0.1:9'))).toMatchObject({ kind: 'local', reason: /cannot be reached/ });
  });
});
