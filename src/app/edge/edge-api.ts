import { hc } from 'hono/client';
// Written from the edge's routes by `npm --prefix edge run api-types` (set-up does it): the paths,
// the bodies (the shared contracts' input types) and the answers of every edge route.
import type { AppType } from '../../../types/edge-api/edge/src/app';
import { edgeTarget, fetchEdge, type EdgeTarget } from './edge-client';

/**
 * The edge's typed client (Hono's `hc`): a path, a body or an answer that does not match the edge's
 * routes is a compile error here. Errors arrive as EdgeCallError, as with `callEdge`.
 */
export async function edgeApi(target: EdgeTarget = {}) {
  const { base, headers } = await edgeTarget(target);
  return hc<AppType>(base, { fetch: fetchEdge, headers }).api;
}

export type EdgeApi = Awaited<ReturnType<typeof edgeApi>>;
