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

/** Where the edge is and how to reach it: Settings, unless a call names another edge (a share's). */
export interface EdgeTarget {
  edgeUrl?: string;
  /** Without the access token: share links are read and deleted by their own tokens. */
  anonymous?: boolean;
}

/** The edge's base URL and the headers every call carries. */
export async function edgeTarget(target: EdgeTarget = {}): Promise<{ base: string; headers: Record<string, string> }> {
  const settings = await loadSettings(db);
  const base = (target.edgeUrl ?? settings.edgeUrl).replace(/\/+$/, '');
  return { base, headers: !target.anonymous && settings.accessToken ? { Authorization: `Bearer ${settings.accessToken}` } : {} };
}

/**
 * fetch for edge calls: errors become EdgeCallError with the edge's own message, or plain words
 * when the edge cannot be reached. The typed client (edge-api.ts) and `callEdge` both use it.
 */
export async function fetchEdge(url: string | URL | Request, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    const base = new URL(url instanceof Request ? url.url : String(url)).origin;
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

/**
 * Calls the edge by path, for the Gemini pass-through (Google's own wire format, path and all);
 * the edge's own routes go through the typed client in edge-api.ts.
 */
export async function callEdge(path: string, init: RequestInit & EdgeTarget = {}): Promise<Response> {
  const { edgeUrl, anonymous, ...request } = init;
  const { base, headers } = await edgeTarget({ ...(edgeUrl !== undefined ? { edgeUrl } : {}), ...(anonymous ? { anonymous } : {}) });
  const merged = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return fetchEdge(`${base}${path}`, { ...request, headers: merged });
}
