import { ProviderError, type ProviderErrorCode } from './provider-error';

/**
 * Error bodies come in two shapes: Google's (`{error: {code: 429, status: "RESOURCE_EXHAUSTED",
 * details: [{RetryInfo…}]}}`, wire/gemini.md §10) when passed through, and the edge's own
 * (`{error: {code: "quota_exceeded", message, retryAfter}}` + Retry-After, edge/README.md).
 */
interface ErrorBody {
  error?: {
    code?: number | string;
    message?: string;
    status?: string;
    retryAfter?: number;
    reasons?: string[];
    details?: { '@type'?: string; reason?: string; retryDelay?: string; violations?: { quotaId?: string }[] }[];
  };
}

const EDGE_CODES: Record<string, ProviderErrorCode> = {
  invalid_argument: 'invalid_argument',
  unauthorized: 'unauthorized',
  forbidden: 'unauthorized',
  origin_not_allowed: 'unauthorized',
  not_found: 'not_found',
  payload_too_large: 'invalid_argument',
  safety_filtered: 'safety_blocked',
  rate_limited: 'quota_exceeded',
  quota_exceeded: 'quota_exceeded',
  not_configured: 'upstream_unavailable',
  not_supported: 'invalid_argument',
  upstream_error: 'upstream_unavailable',
  upstream_auth: 'upstream_unavailable',
  upstream_unavailable: 'upstream_unavailable',
  service_unreachable: 'upstream_unavailable',
  timeout: 'upstream_unavailable',
  internal: 'upstream_unavailable',
};

/** Seconds from "17s" / "34.4s" (protobuf duration), a Retry-After header, or "retry in N s". */
export function retryAfterSeconds(input: { retryDelay?: string; header?: string | null; message?: string; field?: number }): number | undefined {
  if (typeof input.field === 'number' && input.field > 0) return Math.ceil(input.field);
  const delay = input.retryDelay && /^(\d+(?:\.\d+)?)s$/.exec(input.retryDelay.trim());
  if (delay) return Math.max(1, Math.ceil(Number(delay[1])));
  const header = input.header?.trim();
  if (header && /^\d+$/.test(header)) return Math.max(1, Number(header));
  if (header && !Number.isNaN(Date.parse(header))) return Math.max(1, Math.ceil((Date.parse(header) - Date.now()) / 1000));
  const said = input.message && /retry in (\d+(?:\.\d+)?)\s*(ms|s)\b/i.exec(input.message);
  if (said) return Math.max(1, Math.ceil(Number(said[1]) / (said[2] === 'ms' ? 1000 : 1)));
  return undefined;
}

/** Maps an error body (+ HTTP status, headers) to a ProviderError. Never throws. */
export function providerErrorFromBody(status: number, bodyText: string, headers?: { get(name: string): string | null }): ProviderError {
  let body: ErrorBody = {};
  try {
    body = JSON.parse(bodyText) as ErrorBody;
  } catch {
    /* not JSON: the status alone decides */
  }
  const e = body.error ?? {};
  const details = e.details ?? [];
  const httpStatus = status || (typeof e.code === 'number' ? e.code : 0);
  const message = (e.message ?? (bodyText.slice(0, 300) || `HTTP ${httpStatus}`)).slice(0, 1000);
  const retryAfterSec = retryAfterSeconds({
    field: e.retryAfter,
    retryDelay: details.find((d) => d['@type']?.endsWith('google.rpc.RetryInfo'))?.retryDelay,
    header: headers?.get('Retry-After'),
    message: e.message,
  });
  const reasons = [...(e.reasons ?? []), ...details.map((d) => d.reason).filter((r): r is string => typeof r === 'string')];
  const daily = details.some((d) => d.violations?.some((v) => /PerDay/i.test(v.quotaId ?? ''))) || reasons.includes('daily quota');
  const extra = { status: httpStatus, retryAfterSec, reasons, daily };

  if (reasons.includes('UPSTREAM_STREAM_CUT') || reasons.includes('UPSTREAM_STREAM_IDLE')) return new ProviderError('stream_cut', `Gemini stream was cut: ${message}`, extra);
  if (typeof e.code === 'string' && EDGE_CODES[e.code]) return new ProviderError(EDGE_CODES[e.code]!, message, extra);
  const code: ProviderErrorCode =
    httpStatus === 429 || (e.status === 'RESOURCE_EXHAUSTED' && httpStatus !== 402)
      ? 'quota_exceeded'
      : httpStatus === 402
        ? 'quota_exceeded'
        : httpStatus === 400
          ? 'invalid_argument'
          : httpStatus === 401 || httpStatus === 403
            ? 'unauthorized'
            : httpStatus === 404
              ? 'not_found'
              : httpStatus === 499
                ? 'cancelled'
                : 'upstream_unavailable';
  return new ProviderError(code, message, { ...extra, daily: daily || httpStatus === 402 });
}
