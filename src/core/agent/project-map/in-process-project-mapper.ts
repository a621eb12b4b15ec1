import type { ProjectMapper } from '../ports/project-mapper';

/**
 * The project map parsed in this thread, with the parser (and the TypeScript compiler it brings,
 * 3.5 MB) loaded on first use. For Node: tests, scripts.
 */
export function makeInProcessProjectMapper(): ProjectMapper {
  return {
    async map(files) {
      const { parseProjectMap } = await import('./parse-project-map');
      return parseProjectMap(files);
    },
  };
}
