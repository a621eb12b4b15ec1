import type { PreviewRuntimeError } from '../ports/preview-runner';
import { sourceExcerpt } from './build-problem-lines';

export interface RuntimeProblem {
  message: string;
  frames: number[];
  /** "src/scenes/List.tsx:9:22" when the stack mapped to a project file. */
  at?: string;
  /** That line with a caret under the column. */
  source?: string;
  componentStack?: string;
}

/**
 * Runtime errors as the model should read them: one entry per distinct error (same message at
 * the same place), listing every frame it happened on, with the project file:line:column and the
 * line's text when the stack could be mapped.
 */
export function groupRuntimeErrors(errors: readonly PreviewRuntimeError[]): RuntimeProblem[] {
  const groups = new Map<string, RuntimeProblem>();
  for (const e of errors) {
    const at = e.location ? `${e.location.file}:${e.location.line}:${e.location.column}` : undefined;
    const key = `${e.message}\u0000${at ?? e.componentStack?.trim().split('\n')[0] ?? ''}`;
    const group = groups.get(key);
    if (group) {
      if (e.frame !== undefined && !group.frames.includes(e.frame)) group.frames.push(e.frame);
      continue;
    }
    groups.set(key, {
      message: e.message,
      frames: e.frame !== undefined ? [e.frame] : [],
      ...(at ? { at } : {}),
      ...(e.location?.lineText !== undefined ? { source: sourceExcerpt(e.location.lineText, e.location.line, e.location.column) } : {}),
      ...(e.componentStack ? { componentStack: e.componentStack.slice(0, 400) } : {}),
    });
  }
  return [...groups.values()];
}

/** "frames 30, 59: TypeError: … at src/List.tsx:9:22" + the source line, or the component when unmapped. */
export function runtimeProblemLine(p: RuntimeProblem): string {
  const frames = p.frames.length ? `frame${p.frames.length > 1 ? 's' : ''} ${p.frames.join(', ')}: ` : '';
  const where = p.at ? ` at ${p.at}` : p.componentStack ? ` (in ${p.componentStack.trim().split('\n')[0]!.trim()})` : '';
  return `${frames}${p.message}${where}${p.source ? `\n${p.source}` : ''}`;
}
