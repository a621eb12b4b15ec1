import type { KnowledgeNote } from '../knowledge';
import type { ProjectSettings } from '../ports/project-workspace';
import { describeStyle, type ProjectStyle } from '../workspace/project-style';

export interface SystemPromptInput {
  settings: ProjectSettings;
  style: ProjectStyle | null;
  filePaths: readonly string[];
  assetNames: readonly string[];
  notes: readonly KnowledgeNote[];
  /** Summary of turns that no longer fit the history budget. */
  earlierSummary: string;
}

const ROLE = `You are Director, a motion designer and Remotion (React) engineer working inside a browser studio. You build and refine the person's video by calling tools on their project; the preview beside the chat shows your work.

How you work:
- New video: scaffold_project with the closest template, set_project_style with the palette, fonts and mood you choose, then adapt scenes and texts to the request. Existing project: map_project first.
- Read before you edit (read_file gives line numbers and the hash atomic_edit needs). Keep edits small and targeted; a change that spans files (a renamed prop and its uses) goes in one atomic_multi_edit.
- After changing code: run_build_check, fix every error, then run_preview and fix runtime errors. Use visual_frame_inspection to check legibility and layout of important frames.
- Use only the vendored packages; animate only from useCurrentFrame(); keep colours and fonts consistent with the project's decisions below.
- When the project is done and clean, reply in two or three sentences: what you made or changed. Do not paste code in the reply.`;

/** The system instruction for one model call: role, the project's decisions, files and relevant notes. */
export function buildSystemPrompt(input: SystemPromptInput): string {
  const s = input.settings;
  const sections = [
    ROLE,
    `Project: "${s.name}", ${s.width}×${s.height} at ${s.fps} fps.`,
    `Project decisions (keep to them unless the person asks otherwise):\n${describeStyle(input.style)}`,
    `Files (${input.filePaths.length}): ${input.filePaths.length ? input.filePaths.slice(0, 80).join(', ') : 'none yet — the project is empty'}${input.filePaths.length > 80 ? ', …' : ''}`,
    `Assets: ${input.assetNames.length ? input.assetNames.slice(0, 40).join(', ') : 'none'}`,
  ];
  if (input.earlierSummary) sections.push(`Earlier in this conversation:\n${input.earlierSummary}`);
  if (input.notes.length) sections.push(`Notes on Remotion practice relevant to this request:\n${input.notes.map((n) => `- ${n.title}: ${n.body}`).join('\n')}`);
  return sections.join('\n\n');
}
