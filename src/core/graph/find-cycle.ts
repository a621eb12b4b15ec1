/**
 * Finds one directed cycle and returns its nodes in edge order (the first node is not repeated),
 * or null. Iterative DFS so a long chain cannot overflow the stack.
 *
 * @example findCycle(['a','b'], new Map([['a',['b']],['b',['a']]])) // ['a','b']
 */
export function findCycle(nodeIds: Iterable<string>, successors: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = finished
  for (const start of nodeIds) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const cursor: number[] = [0];
    state.set(start, 1);
    while (path.length) {
      const top = path.length - 1;
      const id = path[top]!;
      const next = successors.get(id) ?? [];
      const i = cursor[top]!;
      if (i >= next.length) {
        state.set(id, 2);
        path.pop();
        cursor.pop();
        continue;
      }
      cursor[top] = i + 1;
      const child = next[i]!;
      const seen = state.get(child);
      if (seen === 1) return path.slice(path.indexOf(child));
      if (seen === undefined) {
        state.set(child, 1);
        path.push(child);
        cursor.push(0);
      }
    }
  }
  return null;
}
