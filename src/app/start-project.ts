/**
 * The ways a video starts without writing code: a description for the Director, a template, or a
 * canvas starter workflow. Used by Home (a new project) and by the views of a project that has
 * nothing yet (that project). Each answers with the view that continues the job.
 */
import { restoreWorkflow } from '../core/graph/restore-workflow';
import { STARTER_WORKFLOWS } from '../core/graph/starter-workflows';
import { SIZE_PRESETS, type NewProjectInput } from '../core/project/project';
import { newProjectFromPrompt, PROMPT_PROJECT_FPS } from '../core/project/project-from-prompt';
import { templateById } from '../core/templates';
import { templateForWorkflow } from '../core/templates/template-for-workflow';
import { err, ok, type Result } from '../core/util/result';
import type { DirectorDb } from '../db/database';
import { createSeededProject, seedEmptyProject, type ProjectSeed } from '../db/seeded-project-repo';
import { getProject } from '../db/projects-repo';
import { queueDirectorPrompt } from './pending-prompt';

export type StartChoice = { kind: 'prompt'; prompt: string } | { kind: 'template'; templateId: string } | { kind: 'starter'; starterName: string };

export interface StartedProject {
  projectId: string;
  /** The view to open: the Code view (Director chat, preview) or the Canvas. */
  path: string;
}

export type StartError = 'empty_prompt' | 'unknown_choice' | 'invalid_input' | 'not_found' | 'not_empty';

export interface StartOptions {
  /** Hands the prompt to the project's Director chat; session storage in the app. */
  queuePrompt?: (projectId: string, prompt: string) => void;
}

const LANDSCAPE = SIZE_PRESETS.find((p) => p.id === 'landscape')!;

const pathFor = (projectId: string, choice: StartChoice) => `/projects/${projectId}/${choice.kind === 'starter' ? 'canvas' : 'code'}`;

/** A new project made for the choice: named and sized from the prompt, or after the template or workflow. */
export async function startNewProject(db: DirectorDb, choice: StartChoice, options: StartOptions = {}): Promise<Result<StartedProject, StartError>> {
  const input = newProjectInput(choice);
  if (!input.ok) return input;
  const seed = seedFor(choice, input.value);
  if (!seed.ok) return seed;
  const created = await createSeededProject(db, input.value, seed.value);
  if (!created.ok) return created;
  if (choice.kind === 'prompt') (options.queuePrompt ?? queueDirectorPrompt)(created.value.id, choice.prompt.trim());
  return ok({ projectId: created.value.id, path: pathFor(created.value.id, choice) });
}

/** The same choice for a project that exists but has no code (or, for a starter, no graph) yet. */
export async function startExistingProject(db: DirectorDb, projectId: string, choice: StartChoice, options: StartOptions = {}): Promise<Result<StartedProject, StartError>> {
  const project = await getProject(db, projectId);
  if (!project) return err('not_found', 'This project no longer exists (deleted in another tab?).');
  if (choice.kind === 'prompt') {
    if (!choice.prompt.trim()) return err('empty_prompt', 'Describe the video first: what should it show, how long, in what mood?');
    (options.queuePrompt ?? queueDirectorPrompt)(projectId, choice.prompt.trim());
    return ok({ projectId, path: pathFor(projectId, choice) });
  }
  const seed = seedFor(choice, project);
  if (!seed.ok) return seed;
  const seeded = await seedEmptyProject(db, projectId, seed.value);
  if (!seeded.ok) return seeded;
  return ok({ projectId, path: pathFor(projectId, choice) });
}

function newProjectInput(choice: StartChoice): Result<NewProjectInput, StartError> {
  const landscape = { width: LANDSCAPE.width, height: LANDSCAPE.height, fps: PROMPT_PROJECT_FPS };
  switch (choice.kind) {
    case 'prompt':
      if (!choice.prompt.trim()) return err('empty_prompt', 'Describe the video first: what should it show, how long, in what mood?');
      return ok(newProjectFromPrompt(choice.prompt));
    case 'template': {
      const template = templateById(choice.templateId);
      return template ? ok({ name: template.label, ...landscape }) : unknownTemplate(choice.templateId);
    }
    case 'starter': {
      const starter = STARTER_WORKFLOWS.find((w) => w.name === choice.starterName);
      return starter ? ok({ name: starter.name, ...landscape }) : unknownStarter(choice.starterName);
    }
  }
}

/** The code and graph the choice brings, made for the project's name, size and frame rate. */
function seedFor(choice: StartChoice, project: NewProjectInput): Result<ProjectSeed, StartError> {
  const options = { name: project.name, width: project.width, height: project.height, fps: project.fps };
  switch (choice.kind) {
    case 'prompt':
      return ok({}); // the Director writes the code
    case 'template': {
      const template = templateById(choice.templateId);
      return template ? ok({ files: template.files(options) }) : unknownTemplate(choice.templateId);
    }
    case 'starter': {
      const starter = STARTER_WORKFLOWS.find((w) => w.name === choice.starterName);
      if (!starter) return unknownStarter(choice.starterName);
      const restored = restoreWorkflow(starter);
      // Starters are data shipped with the app and tested; failing here is a bug, said plainly.
      if (!restored.ok) return err('unknown_choice', `The “${starter.name}” workflow could not be loaded: ${restored.message}`);
      const template = templateForWorkflow(starter);
      return ok({ graph: restored.value.graph, ...(template ? { files: template.files(options) } : {}) });
    }
  }
}

const unknownTemplate = (id: string) => err('unknown_choice' as const, `There is no template “${id}”.`);
const unknownStarter = (name: string) => err('unknown_choice' as const, `There is no canvas workflow “${name}”.`);
