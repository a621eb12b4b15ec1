import { loadSettings } from '../../db/settings-repo';
import { db } from '../db';

/** A failed edge call, in words a person can act on; `code` is the edge's stable error code. */
export class EdgeCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const PLAIN: Record<string, string> = {
  unauthorized: 'The edge needs an access token: add it in Settings.',
  forbidden: 'The edge refused this access token (Settings → Access token).',
  rate_limited: 'Too many requests for now.',
  quota_exceeded: 'The daily quota of this access token is used up.',
  not_found: 'Not found.',
  gone: 'This has expired.',
  payload_too_large: 'This is larger than the edge accepts.',
  upstream_unavailable: 'The provider is not answering right now. Try again in a moment.',
};

/**
 * Calls the edge configured in Settings (or `edgeUrl`), with the access token. Errors become
 * EdgeCallError with the edge's own message, or plain words when the edge cannot be reached.
 */
export async function callEdge(path: string, init: RequestInit & { edgeUrl?: string; anonymous?: boolean } = {}): Promise<Response> {
  const settings = await loadSettings(db);
  const base = (init.edgeUrl ?? settings.edgeUrl).replace(/\/+$/, '');
  const headers = new Headers(init.headers);
  if (!init.anonymous && settings.accessToken) headers.set('Authorization', `Bearer ${settings.accessToken}`);
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, { ...init, headers });
  } catch {
    throw new EdgeCallError('unreachable', navigator.onLine ? `The edge at ${base} cannot be reached. Check the edge URL in Settings.` : 'You are offline: this needs the network.', 0);
  }
  if (response.ok) return response;
  let code = `http_${response.status}`;
  let message = `${response.status} ${response.statusText}`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch {
    // not the edge's JSON error shape
  }
  const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
  const plain = PLAIN[code];
  throw new EdgeCallError(code, plain ? `${plain} (${message})` : message, response.status, retryAfter);
}
