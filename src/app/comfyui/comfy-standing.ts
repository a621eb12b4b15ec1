import type { ServerStanding } from '../../core/comfyui/choose-server';
import type { ComfyServer } from '../../core/comfyui/comfy-server';
import { modelsFromObjectInfo, queueLengthOf, readSystemStats, type ComfyServerInfo } from '../../core/comfyui/comfy-server-info';
import type { ComfyClient } from './comfy-client';

export interface ServerReport extends ServerStanding {
  info?: ComfyServerInfo;
  /** Why it is not healthy, in one sentence. */
  problem?: string;
}

/**
 * Asks a server how it is: `/system_stats` (health, GPU, VRAM), `/queue` (length) and, once per
 * server and session, `/object_info` (the model files its loaders list; large on a real server).
 */
export function makeStandingReader(clientOf: (server: ComfyServer) => ComfyClient) {
  const models = new Map<string, readonly string[]>();
  return {
    async read(server: ComfyServer, signal?: AbortSignal): Promise<ServerReport> {
      const client = clientOf(server);
      const base = { id: server.id, name: server.name, paused: server.paused };
      try {
        const [stats, queue] = await Promise.all([client.systemStats(signal), client.queue(signal)]);
        if (!models.has(server.id)) models.set(server.id, modelsFromObjectInfo(await client.objectInfo(signal)));
        const info = readSystemStats(stats);
        return { ...base, healthy: true, queueLength: queueLengthOf(queue), models: models.get(server.id), ...(info ? { info } : {}) };
      } catch (e) {
        if ((e as Error).name === 'AbortError') throw e;
        return { ...base, healthy: false, queueLength: Number.POSITIVE_INFINITY, problem: (e as Error).message };
      }
    },
    /** Forget a server's model list (after the person adds files), so the next read asks again. */
    forgetModels: (serverId: string) => void models.delete(serverId),
  };
}
