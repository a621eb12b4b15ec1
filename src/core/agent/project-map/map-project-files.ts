import type { ProjectMap } from './parse-project-map';

/**
 * The project map, with the parser loaded on first use: it brings the TypeScript compiler
 * (3.5 MB), which the agent should not download before a tool needs it.
 */
export async function mapProjectFiles(files: ReadonlyMap<string, string>): Promise<ProjectMap> {
  const { parseProjectMap } = await import('./parse-project-map');
  return parseProjectMap(files);
}
