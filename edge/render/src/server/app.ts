import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { routePath } from 'hono/route';
import type { RenderBackend } from '../backends/render-backend.js';
import { RENDER_ID, renderStartRequest } from '../contract/render-request.js';
import type { RenderAnswer } from '../contract/render-view.js';
import { unsafePathReason } from '../project/workspace.js';
import { bearerAuth } from './bearer-auth.js';
import type { Logger } from './logger.js';
import { ServiceError } from './service-error.js';
import { readJsonBody } from './validate-body.js';

export interface AppOptions {
  backend: RenderBackend;
  token: string;
  maxBodyBytes: number;
  log: Logger;
}

/**
 * The render service's HTTP surface, the contract the edge forwards to (edge/README.md, "Render
 * service contract"): POST /renders, GET /renders/:id, GET /renders/:id/file, DELETE /renders/:id.
 */
export function createApp({ backend, token, maxBodyBytes, log }: AppOptions): Hono {
  const app = new Hono();

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // Route pattern only: no ids, no query, no headers.
    log.info('request', { method: c.req.method, route: routePath(c), status: c.res.status, ms: Math.round(performance.now() - started) });
  });

  app.onError((err, c) => {
    const known = err instanceof ServiceError ? err : null;
    if (!known) log.warn('unexpected error', { name: err.name, message: err.message.slice(0, 300) });
    const error = known ?? new ServiceError('internal', 'the render service failed unexpectedly');
    c.header('Cache-Control', 'no-store');
    return c.json(error.toBody(), error.status);
  });
  app.notFound((c) => c.json(new ServiceError('not_found', 'no such route').toBody(), 404));

  app.get('/health', (c) => c.json({ ok: true, backend: backend.kind, ...backend.stats() }));

  const renders = new Hono();
  renders.use(bearerAuth(token));
  renders.post(
    '/',
    bodyLimit({ maxSize: maxBodyBytes, onError: () => { throw new ServiceError('payload_too_large', `render request is larger than ${maxBodyBytes} bytes`); } }),
    async (c) => {
      const request = await readJsonBody(c, renderStartRequest);
      checkPaths(request.source.files, request.assets);
      const render = await backend.start(request, c.req.header('X-Director-Client')?.slice(0, 100));
      return c.json({ render } satisfies RenderAnswer, 202);
    },
  );
  renders.get('/:id', async (c) => c.json({ render: await backend.get(renderId(c.req.param('id'))) } satisfies RenderAnswer));
  renders.delete('/:id', async (c) => c.json({ render: await backend.cancel(renderId(c.req.param('id'))) } satisfies RenderAnswer));
  renders.get('/:id/file', async (c) => {
    const file = await backend.file(renderId(c.req.param('id')));
    file.stream.on('end', () => file.onFetched());
    const headers: Record<string, string> = {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'Cache-Control': 'no-store',
    };
    if (file.size !== undefined) headers['Content-Length'] = String(file.size);
    return new Response(Readable.toWeb(file.stream) as ReadableStream, { status: 200, headers });
  });
  app.route('/renders', renders);
  return app;
}

function renderId(id: string): string {
  if (!RENDER_ID.test(id)) throw new ServiceError('not_found', 'no such render');
  return id;
}

/** Paths the schema allows but the workspace must not take (e.g. node_modules/…) are a 400, not a failed render. */
function checkPaths(files: Record<string, string>, assets: Array<{ path: string }>): void {
  for (const p of Object.keys(files)) {
    const reason = unsafePathReason(p);
    if (reason) throw new ServiceError('invalid_argument', `body.source.files.${p}: ${reason}`, { field: `source.files.${p}` });
  }
  assets.forEach((a, i) => {
    const reason = unsafePathReason(`public/${a.path}`);
    if (reason) throw new ServiceError('invalid_argument', `body.assets[${i}].path: ${reason}`, { field: `assets[${i}].path` });
  });
}
