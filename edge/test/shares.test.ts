import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { edge } from './support/edge-client';

const { DB, SHARES_BUCKET } = env as unknown as { DB: D1Database; SHARES_BUCKET: R2Bucket };

function ciphertext(size: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return bytes;
}

async function createShare(bytes: Uint8Array, query = '') {
  const res = await edge(`/api/shares${query}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: bytes });
  return { res, body: res.status === 201 ? await res.json<any>() : await res.json<any>() };
}

describe('shares', () => {
  it('create → get returns the same bytes, without a token', async () => {
    const bytes = ciphertext(150_000);
    const { res, body } = await createShare(bytes);
    expect(res.status).toBe(201);
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{22}$/); // 128 random bits, base64url
    expect(body.deleteToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.size).toBe(150_000);
    const expires = Date.parse(body.expiresAt);
    expect(expires - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);

    const got = await edge(`/api/shares/${body.id}`, { token: null });
    expect(got.status).toBe(200);
    expect(got.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(got.headers.get('Cache-Control')).toBe('no-store');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
  });

  it('stores only a hash of the delete token', async () => {
    const { body } = await createShare(ciphertext(10));
    const row = await DB.prepare('SELECT * FROM shares WHERE id = ?').bind(body.id).first<any>();
    expect(row.delete_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(body.deleteToken);
  });

  it('ids are unique and random', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await createShare(ciphertext(8, i))).body.id);
    expect(ids.size).toBe(5);
  });

  it('honours expiresInDays and rejects out-of-range values naming the field', async () => {
    const { body } = await createShare(ciphertext(8), '?expiresInDays=2');
    expect(Date.parse(body.expiresAt) - Date.now()).toBeLessThan(2 * 24 * 3600 * 1000 + 60_000);
    const bad = await createShare(ciphertext(8), '?expiresInDays=9999');
    expect(bad.res.status).toBe(400);
    expect(bad.body.error.field).toBe('expiresInDays');
  });

  it('wrong delete token → 403 and the share stays; right token → 204, then 404', async () => {
    const { body } = await createShare(ciphertext(64));
    const wrong = await edge(`/api/shares/${body.id}`, { method: 'DELETE', token: null, headers: { 'X-Delete-Token': 'x'.repeat(43) } });
    expect(wrong.status).toBe(403);
    expect((await edge(`/api/shares/${body.id}`, { token: null })).status).toBe(200);

    const missing = await edge(`/api/shares/${body.id}`, { method: 'DELETE', token: null });
    expect(missing.status).toBe(401);

    const ok = await edge(`/api/shares/${body.id}`, { method: 'DELETE', token: null, headers: { 'X-Delete-Token': body.deleteToken } });
    expect(ok.status).toBe(204);
    const gone = await edge(`/api/shares/${body.id}`, { token: null });
    expect(gone.status).toBe(404);
    expect((await SHARES_BUCKET.get(`shares/${body.id}`))).toBeNull();
    const again = await edge(`/api/shares/${body.id}`, { method: 'DELETE', token: null, headers: { 'X-Delete-Token': body.deleteToken } });
    expect(again.status).toBe(404);
  });

  it('an expired share answers 410; the sweep removes its bytes and it still answers 410', async () => {
    const { body } = await createShare(ciphertext(32));
    await DB.prepare('UPDATE shares SET expires_at = ? WHERE id = ?').bind(Date.now() - 1000, body.id).run();
    const res = await edge(`/api/shares/${body.id}`, { token: null });
    expect(res.status).toBe(410);
    expect((await res.json<any>()).error.code).toBe('gone');

    const { ShareStore } = await import('../src/shares/share-store');
    const swept = await new ShareStore(DB, SHARES_BUCKET).sweepExpired(Date.now());
    expect(swept).toBeGreaterThanOrEqual(1);
    expect(await SHARES_BUCKET.get(`shares/${body.id}`)).toBeNull();
    expect((await edge(`/api/shares/${body.id}`, { token: null })).status).toBe(410);
  });

  it('unknown and malformed ids → 404', async () => {
    expect((await edge('/api/shares/AAAAAAAAAAAAAAAAAAAAAA', { token: null })).status).toBe(404);
    expect((await edge('/api/shares/..%2F..%2Fetc', { token: null })).status).toBe(404);
  });

  it('413 over SHARE_MAX_BYTES, 415 for non-binary bodies, 400 for empty ones', async () => {
    const big = await edge('/api/shares', {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: ciphertext(2048),
      envOverrides: { SHARE_MAX_BYTES: '1024' },
    });
    expect(big.status).toBe(413);
    expect((await big.json<any>()).error.code).toBe('payload_too_large');

    const text = await edge('/api/shares', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    expect(text.status).toBe(415);
    const empty = await createShare(new Uint8Array(0));
    expect(empty.res.status).toBe(400);
  });

  it('creating needs an access token', async () => {
    const res = await edge('/api/shares', { method: 'POST', token: null, headers: { 'Content-Type': 'application/octet-stream' }, body: ciphertext(8) });
    expect(res.status).toBe(401);
  });
});
