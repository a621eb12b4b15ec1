import type { MiddlewareHandler } from 'hono';

/**
 * One JSON line per request: method, route pattern (not the URL: no ids, no query strings that
 * could carry a key), status, duration and the client's label. Never bodies or headers.
 */
export function requestLog(): MiddlewareHandler {
  return async (c, next) => {
    const started = Date.now();
    await next();
    const line = {
      msg: 'request',
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Date.now() - started,
      client: c.get('client')?.label,
      requestId: c.get('requestId'),
    };
    console.log(JSON.stringify(line));
  };
}
