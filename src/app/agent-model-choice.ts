import type { AppSettings } from '../db/settings-repo';

/** Which model the Director chat talks to, and why, in words for the chat's badge. */
export type AgentModelChoice = { kind: 'gemini'; label: string } | { kind: 'local'; label: string; reason: string };

const LOCAL_LABEL = 'Local demo model';
const PROBE_TIMEOUT_MS = 4000;

/**
 * Gemini when the edge in Settings answers with a real Gemini key; otherwise the local demo
 * director, with the reason (no token, edge unreachable, token refused, or the edge itself runs
 * local demo providers), so a newcomer's first request makes a video instead of an error.
 */
export async function chooseAgentModel(settings: AppSettings, fetchImpl: typeof fetch = fetch): Promise<AgentModelChoice> {
  const local = (reason: string): AgentModelChoice => ({ kind: 'local', label: LOCAL_LABEL, reason });
  const base = settings.edgeUrl.replace(/\/+$/, '');
  if (!base) return local('No edge is set in Settings.');
  if (!settings.accessToken) return local('No access token is set in Settings, so Gemini cannot be reached.');
  let response: Response;
  try {
    response = await fetchImpl(`${base}/api/providers`, { headers: { Authorization: `Bearer ${settings.accessToken}` }, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
  } catch {
    return local(`The edge at ${base} cannot be reached.`);
  }
  if (response.status === 401 || response.status === 403) return local('The edge refused the access token in Settings.');
  if (!response.ok) return local(`The edge answered ${response.status}.`);
  const body = (await response.json().catch(() => null)) as { gemini?: { enabled?: boolean; local?: boolean } } | null;
  if (!body?.gemini?.enabled) return local('The edge has no Gemini key (set GEMINI_API_KEY where the edge runs).');
  if (body.gemini.local) return local('The edge runs local demo providers (start it with GEMINI_API_KEY for Gemini).');
  return { kind: 'gemini', label: `Gemini · ${settings.models.agent}` };
}
