import { err, ok, type Result } from '../util/result';

/** What the app knows of one registered server at the moment a job is placed. */
export interface ServerStanding {
  id: string;
  name: string;
  paused: boolean;
  /** Answered /system_stats on its last check. */
  healthy: boolean;
  /** Prompts running plus waiting in its /queue. */
  queueLength: number;
  /** Model files its loaders list (/object_info); undefined when not read yet (then it is not ruled out). */
  models?: readonly string[];
}

export type NoServer = 'no_servers' | 'all_paused' | 'none_healthy' | 'model_missing';

/**
 * Where a job goes: among the servers not paused, healthy, not `excluded` (those that failed this
 * job already) and holding every model file it loads, the one with the shortest queue; the
 * registration order breaks ties. When none fits, one sentence says why.
 */
export function chooseServer(servers: readonly ServerStanding[], needs: { models: readonly string[]; excluded?: ReadonlySet<string> }): Result<ServerStanding, NoServer> {
  if (!servers.length) return err('no_servers', 'No ComfyUI server is registered; add one in Settings → Compute.');
  const open = servers.filter((s) => !s.paused && !needs.excluded?.has(s.id));
  if (!open.length) return err('all_paused', servers.every((s) => s.paused) ? 'Every ComfyUI server is paused; resume one in Settings → Compute.' : 'Every ComfyUI server that is not paused already failed this job.');
  const healthy = open.filter((s) => s.healthy);
  if (!healthy.length) return err('none_healthy', `No ComfyUI server answers right now (${open.map((s) => s.name).join(', ')}).`);
  const able = healthy.filter((s) => !s.models || needs.models.every((m) => s.models!.includes(m)));
  if (!able.length) return err('model_missing', `No healthy ComfyUI server has ${needs.models.join(', ')}; put the file in its models folder or edit the workflow's model name.`);
  return ok(able.reduce((best, s) => (s.queueLength < best.queueLength ? s : best)));
}
