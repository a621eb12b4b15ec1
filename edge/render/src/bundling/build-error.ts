import type { RenderFailure } from '../contract/render-view.js';

const LOCATION = /([A-Za-z0-9_@./-]+\.(?:tsx|ts|jsx|js|mjs|cjs|css|json)):(\d+):(\d+)/;

/**
 * A webpack failure in the project's terms: server paths removed, and the first
 * `file:line:column` it mentions lifted out so the app can point at the code.
 */
export function describeBuildError(err: unknown, workspaceRoot: string, serverPaths: string[]): RenderFailure {
  let message = err instanceof Error ? err.message : String(err);
  message = message.split(workspaceRoot + '/').join('').split(workspaceRoot).join('.');
  for (const p of serverPaths) message = message.split(p).join('node_modules');
  message = message
    .replace(/^Module build failed \(from [^)]*\):\s*/m, '')
    .replace(/^Error: Transform failed with \d+ errors?:\s*/m, '')
    .replace(/\n\s*\n/g, '\n')
    .trim()
    .slice(0, 2000);
  const failure: RenderFailure = { code: 'build_failed', message: `The project does not build: ${message}` };
  const at = LOCATION.exec(message);
  if (at && !at[1]!.startsWith('node_modules')) {
    failure.file = at[1]!.replace(/^\.\//, '');
    failure.line = Number(at[2]);
    failure.column = Number(at[3]);
  }
  return failure;
}
