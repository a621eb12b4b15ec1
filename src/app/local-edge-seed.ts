import type { DirectorDb } from '../db/database';
import { DEFAULT_SETTINGS, hasSavedSettings, saveSettingsIfNone } from '../db/settings-repo';

/**
 * `npm start` serves /director-local.json next to the app: where its local edge is and the
 * development access token. A deployed app has no such file (the request finds nothing, or the
 * host's index.html, which is not JSON).
 */
export const LOCAL_EDGE_CONFIG_PATH = '/director-local.json';

export interface LocalEdgeConfig {
  edgeUrl: string;
  accessToken: string;
}

/** The file's content when it is what `npm start` writes; anything else is ignored. */
export function parseLocalEdgeConfig(body: unknown): LocalEdgeConfig | null {
  const b = body as { edgeUrl?: unknown; accessToken?: unknown; local?: unknown } | null;
  if (!b || b.local !== true || typeof b.edgeUrl !== 'string' || typeof b.accessToken !== 'string') return null;
  if (b.accessToken.length > 512 || /\s/.test(b.accessToken)) return null;
  try {
    const url = new URL(b.edgeUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  } catch {
    return null;
  }
  return { edgeUrl: b.edgeUrl.replace(/\/+$/, ''), accessToken: b.accessToken };
}

export type SeedOutcome = 'seeded' | 'kept' | 'none';

/**
 * A fresh profile opened on `npm start`'s app works with its local edge at once: when settings were
 * never saved, they are seeded from /director-local.json. Saved settings are never touched.
 */
export async function seedSettingsFromLocalEdge(db: DirectorDb, fetchImpl: typeof fetch = fetch): Promise<SeedOutcome> {
  if (await hasSavedSettings(db)) return 'kept';
  let response: Response;
  try {
    response = await fetchImpl(LOCAL_EDGE_CONFIG_PATH, { cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch {
    return 'none'; // offline, or no server: nothing to seed from
  }
  if (!response.ok || !(response.headers.get('Content-Type') ?? '').includes('application/json')) return 'none';
  const config = parseLocalEdgeConfig(await response.json().catch(() => null));
  if (!config) return 'none';
  return (await saveSettingsIfNone(db, { ...DEFAULT_SETTINGS, ...config })) ? 'seeded' : 'kept';
}
