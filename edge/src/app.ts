import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { requireAccess } from './auth/require-access';
import { ConfigError } from './config/edge-config';
import type { Env } from './env';
import { corsPolicy } from './http/cors-policy';
import { EdgeError, errorResponse } from './http/edge-error';
import { requestLog } from './http/request-log';
import { markLocalProvider } from './http/local-provider-header';
import { edgeSecurityHeaders } from './http/security-headers';
import { geminiFileRoutes } from './gemini/gemini-file-routes';
import { geminiModelRoutes } from './gemini/gemini-model-routes';
import { renderRoutes } from './renders/render-routes';
import { healthRoute } from './routes/health-route';
import { providersRoute } from './routes/providers-route';
import { shareRoutes } from './shares/share-routes';
import { stockRoutes } from './stock/stock-routes';
import { videoRoutes } from './video/video-routes';

/** The edge's Hono app: middleware order is security headers → request id → log → CORS → auth → routes. */
export function createApp() {
  const app = new Hono<{ Bindings: Env }>();

  app.use('*', edgeSecurityHeaders());
  // Our own id for every request, never the client's X-Request-Id: what is logged is not caller input.
  app.use('*', requestId({ headerName: '' }));
  app.use('*', async (c, next) => {
    c.header('X-Request-Id', c.get('requestId'));
    await next();
  });
  app.use('*', requestLog());
  app.use('/api/*', corsPolicy());

  // Chained, so the routes' types make up `AppType`, which the app's typed client (`hc`) is built on.
  const openRoutes = app.route('/api/health', healthRoute)
    // Shares check access per method: reading a link needs no token, creating one does.
    .route('/api/shares', shareRoutes);

  for (const path of ['/api/providers', '/api/providers/*', '/api/gemini/*', '/api/video/*', '/api/stock/*', '/api/renders', '/api/renders/*']) {
    app.use(path, requireAccess());
  }
  app.use('/api/gemini/*', markLocalProvider(() => 'gemini'));
  app.use('/api/video/:provider/*', markLocalProvider((c) => c.req.param('provider')));
  const routes = openRoutes
    .route('/api/providers', providersRoute)
    .route('/api/gemini', geminiModelRoutes)
    .route('/api/gemini', geminiFileRoutes)
    .route('/api/video', videoRoutes)
    .route('/api/stock', stockRoutes)
    .route('/api/renders', renderRoutes);

  app.notFound((c) => errorResponse(c, new EdgeError('not_found', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`)));
  app.onError((err, c) => {
    if (err instanceof EdgeError) return errorResponse(c, err);
    if (err instanceof ConfigError) {
      console.error(JSON.stringify({ msg: 'config error', error: err.message }));
      return errorResponse(c, new EdgeError('internal', err.message));
    }
    // Unexpected: log the type and message only (a stack may hold request data).
    console.error(JSON.stringify({ msg: 'unhandled error', name: err.name, error: String(err.message).slice(0, 300) }));
    return errorResponse(c, new EdgeError('internal', 'the edge failed unexpectedly; the error was logged'));
  });
  return routes;
}

/** The edge's routes with their bodies and answers, for the app's typed client (`hc<AppType>`). */
export type AppType = ReturnType<typeof createApp>;
