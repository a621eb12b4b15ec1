import { DurableObject } from 'cloudflare:workers';

/** One request's charge against a client's limits. */
export interface ChargeRequest {
  /** Requests allowed per minute (token bucket, bursts up to this many). */
  perMinute: number;
  /** Quota units allowed per UTC day. */
  dailyUnits: number;
  /** Units this request uses (0 = only rate-limited). */
  cost: number;
  /** Charge quota only: for a second charge within a request that was already rate-limited. */
  quotaOnly?: boolean;
}

export type ChargeResult =
  | { ok: true; remainingUnits: number }
  | { ok: false; code: 'rate_limited' | 'quota_exceeded'; retryAfter: number };

/** A recorded start: what a retried request with the same idempotency key gets back. */
export type IdempotencyRecord =
  | { state: 'pending'; fingerprint: string; expiresAt: number; uncertain?: true }
  | { state: 'done'; fingerprint: string; expiresAt: number; result: string };

export type ReserveResult =
  | { state: 'reserved' }
  | { state: 'done'; result: string }
  | { state: 'pending'; uncertain: boolean }
  | { state: 'mismatch' };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Counter writes do not hold the response until they are on disk: on a crash a few requests may
 * go uncounted, which is fine for limits and saves a disk sync per request. Idempotency records
 * are always confirmed, since a lost one could start a second paid generation.
 */
const UNCONFIRMED = { allowUnconfirmed: true } as const;

/** How long an idempotency key is remembered: longer than any client retry loop. */
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A start that neither completed nor failed within this time is treated as abandoned. */
const PENDING_TTL_MS = 5 * 60 * 1000;

/**
 * One instance per access token (named by the token's sha-256). Being single-threaded per
 * instance, it makes rate limiting, daily quota and idempotency reservations race-free.
 */
export class TokenLimiter extends DurableObject {
  /** Rate-limits one request and charges `cost` units of today's quota. */
  async charge(req: ChargeRequest, now = Date.now()): Promise<ChargeResult> {
    const storage = this.ctx.storage;
    const bucket = ((await storage.get<Bucket>('bucket')) ?? { tokens: req.perMinute, updatedAt: now }) as Bucket;
    const ratePerMs = req.perMinute / 60_000;
    bucket.tokens = Math.min(req.perMinute, bucket.tokens + (now - bucket.updatedAt) * ratePerMs);
    bucket.updatedAt = now;
    if (!req.quotaOnly && bucket.tokens < 1) {
      await storage.put('bucket', bucket, UNCONFIRMED);
      return { ok: false, code: 'rate_limited', retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000)) };
    }

    const dayKey = `quota:${new Date(now).toISOString().slice(0, 10)}`;
    const used = (await storage.get<number>(dayKey)) ?? 0;
    if (req.cost > 0 && used + req.cost > req.dailyUnits) {
      return { ok: false, code: 'quota_exceeded', retryAfter: secondsUntilUtcMidnight(now) };
    }

    if (!req.quotaOnly) bucket.tokens -= 1;
    const puts: Record<string, unknown> = { bucket };
    if (req.cost > 0) puts[dayKey] = used + req.cost;
    await storage.put(puts, UNCONFIRMED);
    await this.scheduleSweep(now);
    return { ok: true, remainingUnits: req.dailyUnits - used - req.cost };
  }

  /** Whether `charge` would pass the rate limit now, without using anything up. */
  async peek(perMinute: number, now = Date.now()): Promise<ChargeResult> {
    const bucket = (await this.ctx.storage.get<Bucket>('bucket')) ?? { tokens: perMinute, updatedAt: now };
    const ratePerMs = perMinute / 60_000;
    const tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updatedAt) * ratePerMs);
    if (tokens >= 1) return { ok: true, remainingUnits: 0 };
    return { ok: false, code: 'rate_limited', retryAfter: Math.max(1, Math.ceil((1 - tokens) / ratePerMs / 1000)) };
  }

  /**
   * Claims `key` for a start whose request hashes to `fingerprint`. Only the first caller gets
   * `reserved`; later callers get the finished result, `pending`, or `mismatch` when the key was
   * used for a different request.
   */
  async reserve(key: string, fingerprint: string, now = Date.now()): Promise<ReserveResult> {
    const storageKey = `idem:${key}`;
    const record = await this.ctx.storage.get<IdempotencyRecord>(storageKey);
    if (record && record.expiresAt > now) {
      if (record.fingerprint !== fingerprint) return { state: 'mismatch' };
      return record.state === 'done' ? { state: 'done', result: record.result } : { state: 'pending', uncertain: record.uncertain === true };
    }
    await this.ctx.storage.put(storageKey, { state: 'pending', fingerprint, expiresAt: now + PENDING_TTL_MS } satisfies IdempotencyRecord);
    await this.scheduleSweep(now);
    return { state: 'reserved' };
  }

  /** Records the result (JSON) of a reserved start, so retries get it instead of a second generation. */
  async complete(key: string, fingerprint: string, result: string, now = Date.now()): Promise<void> {
    await this.ctx.storage.put(`idem:${key}`, { state: 'done', fingerprint, result, expiresAt: now + IDEMPOTENCY_TTL_MS } satisfies IdempotencyRecord);
  }

  /**
   * Keeps a key bound after a start whose outcome is unknown (the provider may have accepted it
   * and answered too late): for as long as a finished key is remembered, retries get "pending",
   * never a second paid start.
   */
  async hold(key: string, fingerprint: string, now = Date.now()): Promise<void> {
    await this.ctx.storage.put(`idem:${key}`, { state: 'pending', fingerprint, uncertain: true, expiresAt: now + IDEMPOTENCY_TTL_MS } satisfies IdempotencyRecord);
  }

  /** Frees a reserved key after a start that certainly failed, so the client may try again. */
  async release(key: string): Promise<void> {
    await this.ctx.storage.delete(`idem:${key}`);
  }

  /** Drops expired quota days and idempotency records. */
  override async alarm(): Promise<void> {
    const now = Date.now();
    const today = `quota:${new Date(now).toISOString().slice(0, 10)}`;
    const stale: string[] = [];
    for (const [key] of await this.ctx.storage.list({ prefix: 'quota:' })) if (key < today) stale.push(key);
    for (const [key, record] of await this.ctx.storage.list<IdempotencyRecord>({ prefix: 'idem:' })) {
      if (record.expiresAt <= now) stale.push(key);
    }
    for (let i = 0; i < stale.length; i += 128) await this.ctx.storage.delete(stale.slice(i, i + 128));
  }

  private async scheduleSweep(now: number): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(now + 6 * 60 * 60 * 1000);
  }
}

function secondsUntilUtcMidnight(now: number): number {
  const next = new Date(now);
  next.setUTCHours(24, 0, 0, 0);
  return Math.max(1, Math.ceil((next.getTime() - now) / 1000));
}
