import { checkMapping, parseApiWorkflow, type ApiWorkflow, type InputMapping } from '../core/comfyui/comfy-workflow';
import { guessWorkflowMode, suggestMapping } from '../core/comfyui/suggest-mapping';
import { newId } from '../core/util/ids';
import type { DirectorDb } from './database';

/** A ComfyUI workflow imported into a project, with the input mapping the person set in its form. */
export interface ComfyWorkflowRecord {
  id: string;
  projectId: string;
  name: string;
  mode: 'text_to_image' | 'image_to_video' | 'text_to_video';
  workflow: ApiWorkflow;
  mapping: InputMapping;
  createdAt: number;
  [field: string]: unknown;
}

export const listComfyWorkflows = async (db: DirectorDb, projectId: string) => (await db.comfyWorkflows.where('projectId').equals(projectId).toArray()) as ComfyWorkflowRecord[];
export const getComfyWorkflow = async (db: DirectorDb, id: string) => (await db.comfyWorkflows.get(id)) as ComfyWorkflowRecord | undefined;

/**
 * Imports a file saved with "Save (API)" with a first mapping guessed from its stock nodes (the
 * person corrects it in the form); the editor format or anything else is refused with one sentence.
 */
export async function importComfyWorkflow(db: DirectorDb, projectId: string, name: string, text: string, mode?: ComfyWorkflowRecord['mode']): Promise<{ ok: true; record: ComfyWorkflowRecord } | { ok: false; message: string }> {
  const parsed = parseApiWorkflow(text);
  if (!parsed.ok) return parsed;
  const record: ComfyWorkflowRecord = { id: newId(), projectId, name: name.trim() || 'Workflow', mode: mode ?? guessWorkflowMode(parsed.value), workflow: parsed.value, mapping: suggestMapping(parsed.value), createdAt: Date.now() };
  await db.comfyWorkflows.add(record);
  return { ok: true, record };
}

/** Saves the mapping form; a mapping that points at missing nodes or inputs is refused, naming each problem. */
export async function saveComfyMapping(db: DirectorDb, id: string, mapping: InputMapping): Promise<{ ok: true } | { ok: false; message: string }> {
  const record = await getComfyWorkflow(db, id);
  if (!record) return { ok: false, message: 'This workflow is no longer in the project.' };
  const problems = checkMapping(record.workflow, mapping);
  if (problems.length) return { ok: false, message: `${problems.join('; ')}.` };
  await db.comfyWorkflows.update(id, { mapping });
  return { ok: true };
}
