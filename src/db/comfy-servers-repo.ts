import { normaliseServerUrl, type ComfyServer } from '../core/comfyui/comfy-server';
import { newId } from '../core/util/ids';
import type { DirectorDb } from './database';

/** The registered ComfyUI servers, in the order they were added (that order breaks balancing ties). */
export const listComfyServers = (db: DirectorDb): Promise<ComfyServer[]> => db.comfyServers.orderBy('addedAt').toArray();

/** Registers a server; a bad URL or one already registered is refused with one sentence. */
export async function addComfyServer(db: DirectorDb, input: { url: string; name?: string; authorization?: string }): Promise<{ ok: true; server: ComfyServer } | { ok: false; message: string }> {
  const url = normaliseServerUrl(input.url);
  if (!url.ok) return url;
  const existing = await listComfyServers(db);
  if (existing.some((s) => s.url === url.url)) return { ok: false, message: `${url.url} is already registered.` };
  const server: ComfyServer = {
    id: newId(),
    name: input.name?.trim() || new URL(url.url).host,
    url: url.url,
    ...(input.authorization?.trim() ? { authorization: input.authorization.trim() } : {}),
    paused: false,
    addedAt: Math.max(Date.now(), ...existing.map((s) => s.addedAt + 1)),
  };
  await db.comfyServers.add(server);
  return { ok: true, server };
}

export const setComfyServerPaused = (db: DirectorDb, id: string, paused: boolean) => db.comfyServers.update(id, { paused });
export const removeComfyServer = (db: DirectorDb, id: string) => db.comfyServers.delete(id);
