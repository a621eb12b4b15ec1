/**
 * A ComfyUI job's operation id, checkpointed like a Veo operation id: the server it was queued on
 * and the prompt id ComfyUI gave it, so a reload finds it on the same server.
 */
export const comfyOperationId = (serverId: string, promptId: string) => `comfyui:${serverId}:${promptId}`;

const OPERATION = /^comfyui:([^:]+):([0-9A-Za-z-]+)$/;

/** The server and prompt of a stored operation id; undefined for anything else. */
export function parseComfyOperationId(operationId: string): { serverId: string; promptId: string } | undefined {
  const m = OPERATION.exec(operationId);
  return m ? { serverId: m[1]!, promptId: m[2]! } : undefined;
}
