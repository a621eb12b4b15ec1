import { describe, expect, it } from 'vitest';
import { checkProjectInput, copyName, makeProject, searchProjects } from '../../../src/core/project/project';

describe('project model', () => {
  it('checks each field and names it', () => {
    const ok = { name: 'A', width: 1920, height: 1080, fps: 30 };
    expect(checkProjectInput(ok)).toBeNull();
    expect(checkProjectInput({ ...ok, name: ' ' })?.field).toBe('name');
    expect(checkProjectInput({ ...ok, name: 'x'.repeat(121) })?.message).toMatch(/at most 120/);
    expect(checkProjectInput({ ...ok, height: 10 })?.message).toMatch(/height must be .* got 10/);
    expect(checkProjectInput({ ...ok, width: 1081 })?.message).toMatch(/even/);
    expect(checkProjectInput({ ...ok, fps: 500 })?.field).toBe('fps');
  });

  it('names copies without clashing', () => {
    expect(copyName('Film', new Set())).toBe('Film (copy)');
    expect(copyName('Film', new Set(['film (copy)']))).toBe('Film (copy 2)');
    expect(copyName('Film (copy)', new Set(['film (copy)', 'film (copy 2)']))).toBe('Film (copy 3)');
  });

  it('searches by every word and sorts', () => {
    const a = makeProject({ name: 'Coffee launch', width: 16, height: 16, fps: 30 }, 'a', 1);
    const b = { ...makeProject({ name: 'alpha Coffee ad', width: 16, height: 16, fps: 30 }, 'b', 2), updatedAt: 5 };
    const c = { ...makeProject({ name: 'Tea', width: 16, height: 16, fps: 30 }, 'c', 3), trashedAt: 9 };
    expect(searchProjects([a, b, c], 'coffee', 'updated').map((p) => p.id)).toEqual(['b', 'a']);
    expect(searchProjects([a, b, c], 'COFFEE lau', 'updated').map((p) => p.id)).toEqual(['a']);
    expect(searchProjects([a, b, c], '', 'name').map((p) => p.id)).toEqual(['b', 'a']);
    expect(searchProjects([a, b, c], '', 'created').map((p) => p.id)).toEqual(['b', 'a']);
  });
});
