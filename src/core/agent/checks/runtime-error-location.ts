import { inlineSourceMap } from '../../bundler/source-map';
import type { RuntimeErrorLocation } from '../ports/preview-runner';

/** "at Badge (blob:https://app/3f…:12:34)" or "at blob:…:12:34" or Firefox's "Badge@blob:…:12:34". */
const FRAME = /(blob:[^\s)]+?|[a-z]+:\/\/[^\s)]+?|<anonymous>):(\d+):(\d+)\)?\s*$/;

/**
 * Where in the project's sources a runtime error happened: the first stack frame that maps
 * (through the bundle's inline source map) to a project file, with that line's text. The sandbox
 * wraps the bundle in `wrapperLines` lines of its own, subtracted first.
 *
 * @example
 * locateRuntimeError(error.stack, bundle.code, files, 1)
 * // { file: 'src/scenes/List.tsx', line: 9, column: 22, lineText: '  const title = items[3].title;' }
 */
export function locateRuntimeError(stack: string | undefined, bundleCode: string, files: ReadonlyMap<string, string>, wrapperLines = 0): RuntimeErrorLocation | null {
  if (!stack) return null;
  const map = inlineSourceMap(bundleCode);
  if (!map) return null;
  for (const frame of stack.split('\n')) {
    const m = FRAME.exec(frame.trim());
    if (!m) continue;
    const at = map.original(Number(m[2]) - wrapperLines, Number(m[3]));
    if (!at || !files.has(at.file)) continue;
    const lineText = files.get(at.file)!.split('\n')[at.line - 1];
    return { ...at, ...(lineText !== undefined ? { lineText } : {}) };
  }
  return null;
}
