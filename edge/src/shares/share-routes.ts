import { Hono } from 'hono';
import { z } from 'zod';
import { requireAccess } from '../auth/require-access';
import { getConfig } from '../config/edge-config';
import type { Env } from '../env';
import { limitBody } from '../http/body-limit';
import { EdgeError } from '../http/edge-error';
import { validate } from '../http/validate-json';
import { addressLimiter } from '../limits/address-limiter';
import { meter } from '../limits/meter';
import { ShareStore } from './share-store';
import { SHARE_ID, newDeleteToken, newShareId } from './share-tokens';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * End-to-end encrypted shares: the body is ciphertext made in the browser, whose key stays in
 * the link's #fragment. Creating needs an access token; reading needs only the id (the link);
 * deleting needs the delete token returned at creation.
 */
export const shareRoutes = new Hono<{ Bindings: Env }>()
  .post(
    '/',
    requireAccess(),
    meter(1),
    limitBody((c) => getConfig(c.env as Env).shares.maxBytes),
    async (c) => {
      const { shares } = getConfig(c.env);
      const type = c.req.header('Content-Type') ?? '';
      if (!/^application\/octet-stream\b/i.test(type)) {
        throw new EdgeError('unsupported_media_type', `Content-Type must be application/octet-stream (ciphertext), got "${type || 'none'}"`);
      }
      const { expiresInDays } = validate(
        z.object({ expiresInDays: z.coerce.number().int().min(1).max(shares.maxTtlDays).default(shares.ttlDays) }),
        c.req.query(),
        'query',
      );
      // Buffered: R2 needs a known length, and the body limit already capped it.
      const body = await c.req.arrayBuffer();
      if (body.byteLength === 0) throw new EdgeError('invalid_argument', 'body: the share is empty', { field: 'body' });

      const now = Date.now();
      const id = newShareId();
      const deleteToken = newDeleteToken();
      const expiresAt = now + expiresInDays * DAY_MS;
      await new ShareStore(c.env.DB, c.env.SHARES_BUCKET).create({ id, body, size: body.byteLength, expiresAt, deleteToken, now });
      c.header('Cache-Control', 'no-store');
      return c.json({ id, deleteToken, expiresAt: new Date(expiresAt).toISOString(), size: body.byteLength }, 201);
    },
  )
  .get('/:id', async (c) => {
    // Reading needs no token, so the caller's address is what is limited (guessing ids, scraping).
    const perMinute = getConfig(c.env).limits.shareReadsPerMinute;
    const read = await addressLimiter(c, 'share-reads').charge({ perMinute, dailyUnits: 1, cost: 0 });
    if (!read.ok) throw new EdgeError('rate_limited', `too many share downloads from this address (limit ${perMinute} per minute)`, { retryAfter: read.retryAfter });
    const id = c.req.param('id');
    const store = new ShareStore(c.env.DB, c.env.SHARES_BUCKET);
    const found = SHARE_ID.test(id) ? await store.lookup(id, Date.now()) : ({ state: 'missing' } as const);
    if (found.state === 'missing' || found.state === 'deleted') throw new EdgeError('not_found', 'no share with this id (it may have been deleted)');
    if (found.state === 'expired') throw new EdgeError('gone', `this share expired on ${new Date(found.row.expires_at).toISOString()}`);
    const object = await store.readBytes(id);
    if (!object) throw new EdgeError('not_found', 'the share\'s data is missing');
    return new Response(object.body, {
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(object.size),
        'Cache-Control': 'no-store',
        'X-Share-Expires-At': new Date(found.row.expires_at).toISOString(),
      },
    });
  })
  .delete('/:id', async (c) => {
    const id = c.req.param('id');
    const token = c.req.header('X-Delete-Token');
    if (!token) throw new EdgeError('unauthorized', 'send the delete token from the share\'s creation in the X-Delete-Token header');
    const store = new ShareStore(c.env.DB, c.env.SHARES_BUCKET);
    const found = SHARE_ID.test(id) ? await store.lookup(id, Date.now()) : ({ state: 'missing' } as const);
    if (found.state === 'missing' || found.state === 'deleted') throw new EdgeError('not_found', 'no share with this id (it may have been deleted)');
    if (!(await store.tokenMatches(found.row, token))) throw new EdgeError('forbidden', 'delete token does not match this share');
    await store.delete(id, Date.now());
    return c.body(null, 204);
  });
