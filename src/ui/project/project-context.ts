import { createContext, useContext, type Accessor } from 'solid-js';
import type { Project } from '../../core/project/project';

/** The open project, for the views inside the project page. */
export const ProjectContext = createContext<Accessor<Project>>();

export function useProject(): Accessor<Project> {
  const project = useContext(ProjectContext);
  if (!project) throw new Error('[director] useProject() outside a project page');
  return project;
}
