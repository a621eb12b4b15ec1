import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, TEST_TOKEN } from './support/service-harness.js';
import { templateRequest } from './support/template-project.js';

// The HTTP contract without rendering anything: auth, validation, unknown ids.
let service: Awaited<ReturnType<typeof startTestService>>;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(() => service.close());

const request = templateRequest('basic', { width: 1920, height: 1080, fps: 10 });
const post = (body: unknown, headers: Record<string, string> = {}) => service.call('/renders', { method: 'POST', body: JSON.stringify(body), headers });

describe('auth', () => {
  it('401 without a token, 403 with a wrong one, in the error shape', async () => {
    const missing = await fetch(`${service.url}/renders/abc`);
    expect(missing.status).toBe(401);
    expect(await missing.json() as any).toEqual({ error: { code: 'unauthorized', message: expect.stringContaining('missing') } });
    const wrong = await fetch(`${service.url}/renders`, { method: 'POST', headers: { Authorization: 'Bearer not-the-token' }, body: '{}' });
    expect(wrong.status).toBe(403);
    const body = await wrong.json() as any;
    expect(body.error.code).toBe('forbidden');
    expect(JSON.stringify(body)).not.toContain(TEST_TOKEN);
  });

  it('health needs no token and shows no secrets', async () => {
    const res = await fetch(`${service.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json() as any).toMatchObject({ ok: true, backend: 'local', slots: 1 });
  });
});

describe('validation', () => {
  it('400 naming the field', async () => {
    const res = await post({ ...request, width: 99999 });
    expect(res.status).toBe(400);
    const { error } = await res.json() as any;
    expect(error).toMatchObject({ code: 'invalid_argument', field: 'width' });
    expect(error.message).toContain('width');

    const codec = await (await post({ ...request, codec: 'mp3' })).json() as any;
    expect(codec.error.field).toBe('codec');
  });

  it('rejects unsafe project paths', async () => {
    const traversal = await post({ ...request, source: { entry: '../x.ts', files: { '../x.ts': '' } } });
    expect(traversal.status).toBe(400);
    expect((await traversal.json() as any).error.field).toMatch(/^source\./);

    const reserved = await post({ ...request, source: { entry: 'src/index.ts', files: { ...request.source.files, 'node_modules/remotion/index.js': 'x' } } });
    expect(reserved.status).toBe(400);
    expect((await reserved.json() as any).error.field).toBe('source.files.node_modules/remotion/index.js');
  });

  it('415 for a body that is not JSON, 400 for broken JSON', async () => {
    expect((await post('x', { 'Content-Type': 'text/plain' })).status).toBe(415);
    const broken = await service.call('/renders', { method: 'POST', body: '{"source":' });
    expect(broken.status).toBe(400);
  });
});

describe('unknown renders', () => {
  it('404 for get, file and cancel', async () => {
    for (const [path, method] of [['/renders/nope', 'GET'], ['/renders/nope/file', 'GET'], ['/renders/nope', 'DELETE'], ['/renders/bad%20id', 'GET']] as const) {
      const res = await service.call(path, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((await res.json() as any).error.code).toBe('not_found');
    }
  });
});
