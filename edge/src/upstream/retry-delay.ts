/**
 * Seconds to wait, from (in order) Google's RetryInfo `retryDelay` ("17s", "34.4s"), a
 * Retry-After header (seconds or HTTP date), or "Please retry in N s" in the message.
 */
export function parseRetryDelay(input: { retryDelay?: unknown; retryAfterHeader?: string | null; message?: string }, now = Date.now()): number | undefined {
  if (typeof input.retryDelay === 'string') {
    const m = /^(\d+(?:\.\d+)?)s$/.exec(input.retryDelay.trim());
    if (m) return Math.max(1, Math.ceil(Number(m[1])));
  }
  const header = input.retryAfterHeader?.trim();
  if (header) {
    if (/^\d+$/.test(header)) return Math.max(1, Number(header));
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(1, Math.ceil((date - now) / 1000));
  }
  const m = input.message && /retry in (\d+(?:\.\d+)?)\s*(ms|s)\b/i.exec(input.message);
  if (m) return Math.max(1, Math.ceil(Number(m[1]) / (m[2] === 'ms' ? 1000 : 1)));
  return undefined;
}
