import { projectStyleSchema, type ProjectStyle } from '../core/agent/workspace/project-style';
import type { DirectorDb } from './database';

/** The agent's project style (set_project_style), one settings row per project. */
const key = (projectId: string) => `style:${projectId}`;

export async function loadProjectStyle(db: DirectorDb, projectId: string): Promise<ProjectStyle | null> {
  const parsed = projectStyleSchema.safeParse((await db.settings.get(key(projectId)))?.value);
  return parsed.success ? parsed.data : null;
}

/** null removes the style. */
export async function saveProjectStyle(db: DirectorDb, projectId: string, style: ProjectStyle | null): Promise<void> {
  if (style === null) await db.settings.delete(key(projectId));
  else await db.settings.put({ key: key(projectId), value: style });
}
