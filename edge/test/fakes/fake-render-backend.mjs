// Fake of Director's own render service (edge/render), so the edge's forwarding can be tested
// before the real service exists. Contract: README.md "Render service contract".
import { randomUUID } from 'node:crypto';
import { fakeMp4, readJson, sendJson } from './fake-http.mjs';

export function makeFakeRenderBackend(state) {
  const renders = new Map();

  function view(r) {
    return { id: r.id, status: r.status, progress: r.progress, stage: r.status === 'done' ? 'done' : r.status === 'cancelled' ? 'cancelled' : 'rendering', composition: r.composition };
  }

  return async function handle(req, res, url) {
    if (!url.pathname.startsWith('/renders')) return false;
    if (req.headers.authorization !== `Bearer ${state.options.renderToken}`) {
      sendJson(res, 401, { error: { code: 'unauthorized', message: 'render service token missing or wrong' } });
      return true;
    }
    if (url.pathname === '/renders' && req.method === 'POST') {
      const body = await readJson(req);
      const render = { id: randomUUID().replace(/-/g, ''), status: 'queued', progress: 0, composition: body?.composition, client: req.headers['x-director-client'] };
      renders.set(render.id, render);
      state.counts.renderStarts += 1;
      sendJson(res, 202, { render: view(render) });
      return true;
    }
    const m = /^\/renders\/([A-Za-z0-9_-]+)(\/file)?$/.exec(url.pathname);
    const render = m && renders.get(m[1]);
    if (!render) {
      sendJson(res, 404, { error: { code: 'not_found', message: 'no such render' } });
      return true;
    }
    if (m[2]) {
      if (render.status !== 'done') {
        sendJson(res, 409, { error: { code: 'conflict', message: `render is ${render.status}` } });
        return true;
      }
      const bytes = fakeMp4(`render ${render.id}`);
      res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': bytes.length, 'Content-Disposition': `attachment; filename="${render.id}.mp4"` });
      res.end(bytes);
      return true;
    }
    if (req.method === 'DELETE') {
      render.status = 'cancelled';
      sendJson(res, 200, { render: view(render) });
      return true;
    }
    if (render.status !== 'cancelled' && render.status !== 'done') {
      render.progress = Math.min(1, render.progress + 0.5);
      render.status = render.progress >= 1 ? 'done' : 'rendering';
    }
    sendJson(res, 200, { render: view(render) });
    return true;
  };
}
