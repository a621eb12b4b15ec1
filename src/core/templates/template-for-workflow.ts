import type { WorkflowFile } from '../graph/workflow-file';
import { TEMPLATES } from './index';
import type { ProjectTemplate } from './template-types';

const SAMPLE = { name: 'Sample', width: 1920, height: 1080, fps: 30 };

/** The composition ids a template's code registers (`<Composition id="…"`). */
export function compositionIdsOf(template: ProjectTemplate): string[] {
  const code = Object.values(template.files(SAMPLE)).join('\n');
  return [...code.matchAll(/<Composition\s+id="([^"]+)"/g)].map((m) => m[1]!);
}

/**
 * The template whose code a workflow's Composition nodes render (the beat-cut montage starter
 * renders BeatMontage), or undefined when it names none: a project started from that workflow
 * gets this code too, so its Composition node has something to build.
 */
export function templateForWorkflow(workflow: WorkflowFile): ProjectTemplate | undefined {
  const wanted = workflow.graph.nodes.filter((n) => n.kind === 'composition').map((n) => n.params.compositionId);
  return TEMPLATES.find((t) => compositionIdsOf(t).some((id) => wanted.includes(id)));
}
