import { Hono } from 'hono';
import type { Env } from '../env';

/** GET /api/health: liveness only; says nothing about configuration or secrets. */
export const healthRoute = new Hono<{ Bindings: Env }>().get('/', (c) => {
  c.header('Cache-Control', 'no-store');
  return c.json({ ok: true, service: 'director-edge', time: new Date().toISOString() });
});
