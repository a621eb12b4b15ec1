/** Every output a node ever produced, with the params that made it (the history gallery). */
export interface Take {
  id: string;
  projectId: string;
  nodeId: string;
  kind: string;
  kindVersion: number;
  cacheKey: string;
  params: Record<string, unknown>;
  outputs: Record<string, unknown>;
  jobId: string;
  createdAt: number;
}

export interface TakeStore {
  add(take: Take): Promise<void>;
  get(id: string): Promise<Take | undefined>;
  /** Oldest first. */
  listByNode(projectId: string, nodeId: string): Promise<Take[]>;
}

export function makeMemoryTakeStore(): TakeStore {
  const rows = new Map<string, Take>();
  return {
    async add(take) {
      rows.set(take.id, structuredClone(take));
    },
    async get(id) {
      const take = rows.get(id);
      return take && structuredClone(take);
    },
    async listByNode(projectId, nodeId) {
      return [...rows.values()]
        .filter((t) => t.projectId === projectId && t.nodeId === nodeId)
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((t) => structuredClone(t));
    },
  };
}
