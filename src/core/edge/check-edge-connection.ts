/**
 * Settings → Test connection: is there a Director edge at this URL, does it take this access token,
 * and which of its providers are real and which the local demo ones of `npm start`. Each failure
 * names the part to fix (the URL, a missing token, a refused token).
 */

export type FetchLike = (url: string, init?: { headers?: Record<string, string>; cache?: 'no-store' }) => Promise<Response>;

export interface ProviderSummary {
  /** Display names of providers that call the real APIs. */
  real: string[];
  /** …that are the local demo stand-ins (`npm start` without keys). */
  local: string[];
  /** …that this edge has not enabled. */
  off: string[];
  renders: boolean;
}

export type EdgeConnection =
  | { ok: true; part: 'ok'; message: string; providers: ProviderSummary }
  | { ok: false; part: 'url' | 'offline' | 'not-edge' | 'token-missing' | 'token-refused' | 'edge-error'; message: string };

const NAMES: Record<string, string> = { gemini: 'Gemini', veo: 'Veo', runway: 'Runway', openai: 'OpenAI Sora' };

export async function checkEdgeConnection(input: { edgeUrl: string; accessToken: string; fetch: FetchLike; online?: boolean }): Promise<EdgeConnection> {
  let base: string;
  try {
    const url = new URL(input.edgeUrl.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
    base = url.toString().replace(/\/+$/, '');
  } catch {
    return { ok: false, part: 'url', message: `“${input.edgeUrl}” is not a valid edge URL (e.g. https://director.example.workers.dev, or http://127.0.0.1:8787 for npm start's edge).` };
  }

  let health: Response;
  try {
    health = await input.fetch(`${base}/api/health`, { cache: 'no-store' });
  } catch {
    if (input.online === false) return { ok: false, part: 'offline', message: 'You are offline: the edge cannot be checked.' };
    return { ok: false, part: 'url', message: `The edge at ${base} cannot be reached: check the Edge URL and that the edge is running (npm start runs one at http://127.0.0.1:8787).` };
  }
  const alive = health.ok ? ((await health.json().catch(() => null)) as { service?: string } | null) : null;
  if (alive?.service !== 'director-edge') {
    return { ok: false, part: 'not-edge', message: `Something answered at ${base} (HTTP ${health.status}), but it is not a Director edge: check the Edge URL.` };
  }

  const token = input.accessToken.trim();
  if (!token) {
    return { ok: false, part: 'token-missing', message: `The edge at ${base} is reachable, but no access token is set: paste yours into Access token (npm start's local edge uses director-dev-token).` };
  }
  let providers: Response;
  try {
    providers = await input.fetch(`${base}/api/providers`, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  } catch {
    return { ok: false, part: 'url', message: `The edge at ${base} stopped answering during the check: try again.` };
  }
  if (providers.status === 401 || providers.status === 403) {
    return { ok: false, part: 'token-refused', message: `The edge at ${base} refused this access token: check it, or ask the edge's operator for one.` };
  }
  if (!providers.ok) {
    const body = (await providers.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { ok: false, part: 'edge-error', message: `The edge at ${base} answered HTTP ${providers.status}${body?.error?.message ? `: ${body.error.message}` : ''}.` };
  }
  const summary = summarizeProviders(await providers.json());
  return { ok: true, part: 'ok', providers: summary, message: `Connected to the edge at ${base}, access token accepted. ${describeProviders(summary)}` };
}

/** GET /api/providers → which providers are real, local demo or off. */
export function summarizeProviders(body: unknown): ProviderSummary {
  const b = (body ?? {}) as { gemini?: { enabled?: boolean; local?: boolean }; video?: Array<{ id?: string; enabled?: boolean; local?: boolean }>; renders?: { enabled?: boolean } };
  const summary: ProviderSummary = { real: [], local: [], off: [], renders: Boolean(b.renders?.enabled) };
  const entries = [{ id: 'gemini', ...b.gemini }, ...(Array.isArray(b.video) ? b.video : [])];
  for (const p of entries) {
    const name = NAMES[p.id ?? ''] ?? String(p.id);
    (p.enabled ? (p.local ? summary.local : summary.real) : summary.off).push(name);
  }
  return summary;
}

/** "Real: Gemini, Veo. Local demo: Runway. Server renders: on." */
export function describeProviders(summary: ProviderSummary): string {
  const parts = [
    summary.real.length ? `Real: ${summary.real.join(', ')}.` : '',
    summary.local.length ? `Local demo: ${summary.local.join(', ')}.` : '',
    summary.off.length ? `Off: ${summary.off.join(', ')}.` : '',
    `Server renders: ${summary.renders ? 'on' : 'off'}.`,
  ];
  return parts.filter(Boolean).join(' ');
}
