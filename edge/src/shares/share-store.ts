import { constantTimeEqual, sha256, sha256Hex, toHex } from '../auth/token-hash';

/** A share's row in D1 (migrations/0001_create_shares.sql). */
export interface ShareRow {
  id: string;
  size_bytes: number;
  created_at: number;
  expires_at: number;
  delete_token_hash: string;
  deleted_at: number | null;
  purged_at: number | null;
}

export type ShareLookup = { state: 'live'; row: ShareRow } | { state: 'missing' } | { state: 'deleted' } | { state: 'expired'; row: ShareRow };

/** Ciphertext in R2 + metadata in D1. The edge never sees a decryption key. */
export class ShareStore {
  constructor(
    private readonly db: D1Database,
    private readonly bucket: R2Bucket,
  ) {}

  /** Stores the bytes, then the row (a row never points at missing bytes). */
  async create(input: { id: string; body: ReadableStream | ArrayBuffer; size: number; expiresAt: number; deleteToken: string; now: number }): Promise<void> {
    await this.bucket.put(objectKey(input.id), input.body, {
      httpMetadata: { contentType: 'application/octet-stream' },
      customMetadata: { expiresAt: String(input.expiresAt) },
    });
    await this.db
      .prepare('INSERT INTO shares (id, size_bytes, created_at, expires_at, delete_token_hash) VALUES (?, ?, ?, ?, ?)')
      .bind(input.id, input.size, input.now, input.expiresAt, await sha256Hex(input.deleteToken))
      .run();
  }

  async lookup(id: string, now: number): Promise<ShareLookup> {
    const row = await this.db.prepare('SELECT * FROM shares WHERE id = ?').bind(id).first<ShareRow>();
    if (!row) return { state: 'missing' };
    if (row.deleted_at !== null) return { state: 'deleted' };
    if (row.expires_at <= now) return { state: 'expired', row };
    return { state: 'live', row };
  }

  async readBytes(id: string): Promise<R2ObjectBody | null> {
    return this.bucket.get(objectKey(id));
  }

  /** Checks a delete token against the stored hash in constant time. */
  async tokenMatches(row: ShareRow, token: string): Promise<boolean> {
    const presented = toHex(await sha256(token));
    return constantTimeEqual(new TextEncoder().encode(presented), new TextEncoder().encode(row.delete_token_hash));
  }

  /** Removes the bytes and keeps a tombstone row, so the id stays unusable and answers 404. */
  async delete(id: string, now: number): Promise<void> {
    await this.bucket.delete(objectKey(id));
    await this.db.prepare('UPDATE shares SET deleted_at = ?, purged_at = ? WHERE id = ? AND deleted_at IS NULL').bind(now, now, id).run();
  }

  /**
   * Removes the bytes of expired shares (their rows stay, so the id answers 410) and forgets rows
   * long past expiry. Returns how many shares had bytes removed.
   */
  async sweepExpired(now: number, batch = 500): Promise<number> {
    const { results } = await this.db
      .prepare('SELECT id FROM shares WHERE expires_at <= ? AND purged_at IS NULL LIMIT ?')
      .bind(now, batch)
      .all<{ id: string }>();
    if (results.length > 0) {
      await this.bucket.delete(results.map((r) => objectKey(r.id)));
      await this.db.batch(results.map((r) => this.db.prepare('UPDATE shares SET purged_at = ? WHERE id = ?').bind(now, r.id)));
    }
    await this.db.prepare('DELETE FROM shares WHERE expires_at <= ?').bind(now - FORGET_AFTER_MS).run();
    return results.length;
  }
}

/** Rows are kept this long after expiry (answering 410), then dropped. */
const FORGET_AFTER_MS = 90 * 24 * 60 * 60 * 1000;

function objectKey(id: string): string {
  return `shares/${id}`;
}
