import { EdgeError } from '../http/edge-error';

export interface UpstreamOptions {
  /** Provider name for messages ("gemini", "veo", "runway", "render"). */
  provider: string;
  /** Time allowed until response headers arrive. */
  timeoutMs: number;
  /** The error for a refused or dropped connection, when the caller can say more than "could not be reached". */
  unreachable?: (detail: string) => EdgeError;
}

export interface UpstreamResponse {
  response: Response;
  /** Aborts the request, including a body still streaming. */
  abort: (reason?: unknown) => void;
}

/**
 * fetch() with a header timeout and typed failures: a hang becomes `timeout` (504), a refused or
 * dropped connection `upstream_unavailable` (503). The timeout stops once headers arrive, so a
 * long stream is not cut by it (stream idle time is watched separately).
 */
export async function fetchUpstream(url: string, init: RequestInit, options: UpstreamOptions): Promise<UpstreamResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new UpstreamTimeout()), options.timeoutMs);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    return { response, abort: (reason) => controller.abort(reason) };
  } catch (err) {
    if (controller.signal.aborted && controller.signal.reason instanceof UpstreamTimeout) {
      throw new EdgeError('timeout', `${options.provider} did not answer within ${Math.round(options.timeoutMs / 100) / 10} s`);
    }
    const detail = describeNetworkError(err);
    throw options.unreachable?.(detail) ?? new EdgeError('upstream_unavailable', `${options.provider} could not be reached (${detail})`);
  } finally {
    clearTimeout(timer);
  }
}

class UpstreamTimeout extends Error {
  constructor() {
    super('upstream timeout');
  }
}

/** True when a network error means nothing accepted the connection (workerd words a refused connection "Network connection lost."). */
export function looksRefused(detail: string): boolean {
  return /refused|connection lost/i.test(detail);
}

function describeNetworkError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // Keep it short and free of URLs (they could carry query secrets).
  return message.replace(/https?:\/\/\S+/g, '<url>').slice(0, 200) || 'network error';
}
