import { EdgeError } from '../http/edge-error';
import { redact } from './redact';
import { parseRetryDelay } from './retry-delay';

/** Google's error envelope (gemini.md §10). */
interface GoogleErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: Array<{ '@type'?: string; reason?: string; retryDelay?: string; violations?: Array<{ quotaId?: string }> }>;
  };
}

export interface GoogleErrorContext {
  provider: string;
  /** True when the caller sent their own key: key problems are then theirs, not the edge's. */
  userKey: boolean;
  /** Secrets to scrub from any upstream text we repeat. */
  secrets: readonly (string | undefined)[];
}

/** Reads a non-2xx Google response into a typed EdgeError (never throws itself). */
export async function googleError(response: Response, ctx: GoogleErrorContext): Promise<EdgeError> {
  let body: GoogleErrorBody = {};
  const text = await response.text().catch(() => '');
  try {
    body = JSON.parse(text) as GoogleErrorBody;
  } catch {
    /* not JSON: keep the HTTP status only */
  }
  const err = body.error ?? {};
  const details = err.details ?? [];
  const status = err.status ?? '';
  const upstreamMessage = redact(err.message ?? `HTTP ${response.status}`, ctx.secrets).slice(0, 1000);
  const message = `${ctx.provider}: ${upstreamMessage}`;
  const retryInfo = details.find((d) => d['@type']?.endsWith('google.rpc.RetryInfo'));
  const retryAfter = parseRetryDelay({ retryDelay: retryInfo?.retryDelay, retryAfterHeader: response.headers.get('Retry-After'), message: err.message });
  const reasons = details.map((d) => d.reason).filter((r): r is string => typeof r === 'string');

  const keyProblem = reasons.includes('API_KEY_INVALID') || (response.status === 403 && status === 'PERMISSION_DENIED');
  if (keyProblem) {
    return ctx.userKey
      ? new EdgeError('forbidden', `${ctx.provider} rejected the Gemini key you supplied: ${upstreamMessage}`, { reasons })
      : new EdgeError('upstream_auth', `${ctx.provider} rejected the edge's API key; the operator must fix the secret`);
  }

  switch (response.status) {
    case 400:
      return new EdgeError('invalid_argument', message, { reasons });
    case 402:
      return new EdgeError('quota_exceeded', message, { status: 402 });
    case 403:
      return new EdgeError('forbidden', message, { reasons });
    case 404:
      return new EdgeError('not_found', message);
    case 408:
    case 504:
      return new EdgeError('timeout', message, { retryAfter });
    case 429: {
      const perDay = details.some((d) => d.violations?.some((v) => /PerDay/i.test(v.quotaId ?? '')));
      return new EdgeError('quota_exceeded', message, { retryAfter, reasons: perDay ? ['daily quota'] : reasons });
    }
    case 502:
    case 503:
      return new EdgeError('upstream_unavailable', message, { retryAfter });
    default:
      return response.status >= 500
        ? new EdgeError('upstream_error', message, { retryAfter })
        : new EdgeError('upstream_error', `${message} (HTTP ${response.status})`);
  }
}
