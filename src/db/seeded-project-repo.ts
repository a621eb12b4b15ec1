import type { Graph } from '../core/graph/graph-types';
import type { NewProjectInput, Project } from '../core/project/project';
import { err, ok, type Result } from '../core/util/result';
import type { DirectorDb } from './database';
import { replaceFiles } from './files-repo';
import { loadGraphRow, saveGraph } from './graphs-repo';
import { createProject, type ProjectEditError } from './projects-repo';

/** What a project starts with: a template's source files, a starter's canvas graph, or both. */
export interface ProjectSeed {
  files?: Record<string, string>;
  graph?: Graph;
}

export type SeedError = ProjectEditError | 'not_empty';

/** A new project with its starting code and graph, in one transaction: never a half-made project. */
export function createSeededProject(db: DirectorDb, input: NewProjectInput, seed: ProjectSeed, now = Date.now()): Promise<Result<Project, ProjectEditError>> {
  return db.transaction('rw', db.projects, db.files, db.graphs, async () => {
    const created = await createProject(db, input, now);
    if (created.ok) await writeSeed(db, created.value.id, seed, now);
    return created;
  });
}

/**
 * Gives a project that has nothing yet its starting code and graph. Refused, with nothing
 * written, when the project already has what the seed brings (another tab or the Director was
 * quicker): a template never overwrites code, a starter never replaces a graph.
 */
export function seedEmptyProject(db: DirectorDb, projectId: string, seed: ProjectSeed, now = Date.now()): Promise<Result<void, SeedError>> {
  return db.transaction('rw', db.projects, db.files, db.graphs, async () => {
    const project = await db.projects.get(projectId);
    if (!project || project.trashedAt !== 0) return err('not_found', 'This project no longer exists (deleted in another tab?).');
    if (seed.files && (await db.files.where('projectId').equals(projectId).count()) > 0)
      return err('not_empty', 'This project has code already, so the template was not applied. Start a new project from Home to use it.');
    if (seed.graph && ((await loadGraphRow(db, projectId))?.graph.nodes.length ?? 0) > 0)
      return err('not_empty', 'This project’s canvas has nodes already, so the workflow was not loaded. Import it on the Canvas to add it.');
    await writeSeed(db, projectId, seed, now);
    return ok(undefined);
  });
}

async function writeSeed(db: DirectorDb, projectId: string, seed: ProjectSeed, now: number) {
  if (seed.files) await replaceFiles(db, projectId, seed.files, now);
  if (seed.graph) await saveGraph(db, projectId, seed.graph, now);
}
