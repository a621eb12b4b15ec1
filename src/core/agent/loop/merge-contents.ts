import type { Content } from '../provider/model-types';

/** Joins neighbouring contents of the same role (a turn's epilogue + the next prompt), as Gemini expects alternation. */
export function mergeSameRole(contents: readonly Content[]): Content[] {
  const out: Content[] = [];
  for (const c of contents) {
    const last = out[out.length - 1];
    if (last && last.role === c.role) last.parts = [...last.parts, ...c.parts];
    else out.push({ role: c.role, parts: [...c.parts] });
  }
  return out;
}
