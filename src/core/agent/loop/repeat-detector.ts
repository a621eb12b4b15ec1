import { stableJson } from './short-text';

export type RepeatVerdict = { repeated: false } | { repeated: true; code: 'repeated_call' | 'edit_loop'; count: number; message: string };

/**
 * Notices a model going round in circles within a turn:
 * - the same call (tool + arguments) on the same project state `maxRepeats` times: it keeps
 *   retrying something that cannot change the outcome (the loop warns for a look, stops for an edit);
 * - the project returning to the same state `maxRepeats` times through edits: it is undoing and
 *   redoing the same change.
 */
export function makeRepeatDetector(maxRepeats: number, initialTree: string) {
  const calls = new Map<string, number>();
  const states = new Map<string, number>([[initialTree, 1]]);
  return {
    /** Before running a call. */
    checkCall(name: string, args: unknown, tree: string): RepeatVerdict {
      const key = `${name}\u0000${stableJson(args)}\u0000${tree}`;
      const n = (calls.get(key) ?? 0) + 1;
      calls.set(key, n);
      return n >= maxRepeats
        ? { repeated: true, code: 'repeated_call', count: n, message: `The model called ${name} with the same arguments ${n} times without the project changing in between.` }
        : { repeated: false };
    },
    /** After a call changed the project. */
    checkState(tree: string, byTool: string): RepeatVerdict {
      const n = (states.get(tree) ?? 0) + 1;
      states.set(tree, n);
      return n >= maxRepeats
        ? { repeated: true, code: 'edit_loop', count: n, message: `The project came back to the same state ${n} times (last by ${byTool}): the model is undoing and redoing the same edit.` }
        : { repeated: false };
    },
  };
}

/** What the model reads when it repeats a call that only looks: a nudge, not the end of the turn. */
export function repeatWarning(name: string, args: unknown, count: number): string {
  const path = args && typeof args === 'object' && typeof (args as { path?: unknown }).path === 'string' ? (args as { path: string }).path : null;
  const what = name === 'read_file' && path ? `read ${path}` : `called ${name} with these arguments`;
  const unchanged = name === 'read_file' && path ? 'it has not changed' : 'the project has not changed since, so the result is the same';
  return `You have ${what} ${count === 3 ? 'three' : count} times; ${unchanged}. Use what you already have: make the edit, run a check, or finish.`;
}
