import { describe, expect, it } from 'vitest';
import { edge, fakeCounts, json } from './support/edge-client';

const request = {
  source: { entry: 'src/index.ts', files: { 'src/index.ts': 'export {}', 'src/Root.tsx': 'export const Root = () => null;' } },
  composition: 'Main',
  inputProps: { title: 'Hello' },
  codec: 'h264',
  width: 1920,
  height: 1080,
};

describe('server renders (forwarded to the render service)', () => {
  it('start → progress → file', async () => {
    const before = await fakeCounts();
    const res = await edge('/api/renders', json(request));
    expect(res.status).toBe(202);
    const { render } = await res.json<any>();
    expect(render).toMatchObject({ status: 'queued', progress: 0, composition: 'Main' });
    expect((await fakeCounts()).renderStarts).toBe(before.renderStarts + 1);

    expect((await (await edge(`/api/renders/${render.id}`)).json<any>()).render.progress).toBe(0.5);
    const early = await edge(`/api/renders/${render.id}/file`);
    expect(early.status).toBe(409);
    expect((await early.json<any>()).error.code).toBe('conflict');
    expect((await (await edge(`/api/renders/${render.id}`)).json<any>()).render).toMatchObject({ status: 'done', progress: 1 });

    const file = await edge(`/api/renders/${render.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('Content-Type')).toBe('video/mp4');
    expect(file.headers.get('Content-Disposition')).toContain('attachment');
  });

  it('cancel', async () => {
    const { render } = await (await edge('/api/renders', json(request))).json<any>();
    const res = await edge(`/api/renders/${render.id}`, { method: 'DELETE' });
    expect((await res.json<any>()).render.status).toBe('cancelled');
  });

  it('400 naming the field, without calling the service', async () => {
    const before = await fakeCounts();
    const res = await edge('/api/renders', json({ ...request, width: 99999 }));
    expect(res.status).toBe(400);
    expect((await res.json<any>()).error.field).toBe('width');
    const traversal = await edge('/api/renders', json({ ...request, source: { entry: '../x.ts', files: { '../x.ts': '' } } }));
    expect(traversal.status).toBe(400);
    expect((await traversal.json<any>()).error.field).toMatch(/^source\./);
    expect((await fakeCounts()).renderStarts).toBe(before.renderStarts);
  });

  it('404 for an unknown render, 501 when no backend is configured', async () => {
    expect((await edge('/api/renders/nope')).status).toBe(404);
    const res = await edge('/api/renders', { ...json(request), envOverrides: { RENDER_BACKEND_URL: '' } });
    expect(res.status).toBe(501);
    expect((await res.json<any>()).error.code).toBe('not_configured');
  });

  it('a wrong service token is reported as the operator\'s problem', async () => {
    const res = await edge('/api/renders', { ...json(request), envOverrides: { RENDER_BACKEND_TOKEN: 'wrong-token-value' } });
    expect(res.status).toBe(502);
    expect((await res.json<any>()).error.code).toBe('upstream_auth');
  });

  it('names the render service and its address when nothing answers there', async () => {
    // Port 9 (discard) has no listener on a test machine: the connection is refused.
    const res = await edge('/api/renders', { ...json(request), envOverrides: { RENDER_BACKEND_URL: 'http://127.0.0.1:9' } });
    expect(res.status).toBe(503);
    const { error } = await res.json<any>();
    expect(error.code).toBe('service_unreachable');
    expect(error.message).toContain('The render service at http://127.0.0.1:9 is not running (connection refused)');
    const poll = await edge('/api/renders/abc123', { envOverrides: { RENDER_BACKEND_URL: 'http://127.0.0.1:9' } });
    expect((await poll.json<any>()).error.code).toBe('service_unreachable');
  });
});
