import type { ComfyServer } from '../../core/comfyui/comfy-server';
import { listComfyServers } from '../../db/comfy-servers-repo';
import { db } from '../db';
import { makeComfyClient } from './comfy-client';
import { makeStandingReader, type ServerReport } from './comfy-standing';

const reader = makeStandingReader((server) => makeComfyClient(server));

/** Every registered server with how it is right now (Settings → Compute reads this). */
export async function readServerReports(): Promise<{ server: ComfyServer; report: ServerReport }[]> {
  const servers = await listComfyServers(db);
  return Promise.all(servers.map(async (server) => ({ server, report: await reader.read(server) })));
}

/** Ask a server for its model list again on the next read (after files were added to it). */
export const refreshServerModels = (serverId: string) => reader.forgetModels(serverId);
