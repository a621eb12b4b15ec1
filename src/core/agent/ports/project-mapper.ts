import type { ProjectMap } from '../project-map/parse-project-map';

/**
 * Maps a project's sources: components, compositions, schemas and imports. The app parses in its
 * TypeScript worker, which holds the compiler anyway (one copy of it, off the main thread); Node
 * uses makeInProcessProjectMapper.
 */
export interface ProjectMapper {
  map(files: ReadonlyMap<string, string>): Promise<ProjectMap>;
}
