/** The project model: what a Director project is, independent of where it is stored. */

export interface SizePreset {
  readonly id: 'landscape' | 'portrait' | 'square';
  readonly label: string;
  readonly width: number;
  readonly height: number;
}

export const SIZE_PRESETS: readonly SizePreset[] = [
  { id: 'landscape', label: 'Landscape 1920×1080', width: 1920, height: 1080 },
  { id: 'portrait', label: 'Portrait 1080×1920', width: 1080, height: 1920 },
  { id: 'square', label: 'Square 1080×1080', width: 1080, height: 1080 },
];

export const FPS_CHOICES = [24, 25, 30, 50, 60] as const;

export const PROJECT_LIMITS = {
  nameMaxLength: 120,
  minSide: 16,
  maxSide: 7680,
  minFps: 1,
  maxFps: 120,
} as const;

export interface Project {
  id: string;
  name: string;
  /** Lower-cased, trimmed name: the index used for search and sort. */
  nameKey: string;
  width: number;
  height: number;
  fps: number;
  createdAt: number;
  updatedAt: number;
  /** 0 while the project is live; the time it was moved to the trash otherwise (undo window). */
  trashedAt: number;
  /** Asset id of a still that stands for the project; absent until previews exist. */
  thumbnailAssetId?: string;
}

export interface NewProjectInput {
  name: string;
  width: number;
  height: number;
  fps: number;
}

export type ProjectInputError = { field: keyof NewProjectInput; message: string };

export function nameKeyOf(name: string): string {
  return name.trim().toLocaleLowerCase();
}

/** Checks a name, size and fps; returns the first problem, naming the field and the value. */
export function checkProjectInput(input: NewProjectInput): ProjectInputError | null {
  const name = input.name.trim();
  if (name.length === 0) return { field: 'name', message: 'A project needs a name.' };
  if (name.length > PROJECT_LIMITS.nameMaxLength)
    return { field: 'name', message: `Names are at most ${PROJECT_LIMITS.nameMaxLength} characters (got ${name.length}).` };
  for (const field of ['width', 'height'] as const) {
    const v = input[field];
    if (!Number.isInteger(v) || v < PROJECT_LIMITS.minSide || v > PROJECT_LIMITS.maxSide)
      return { field, message: `${field} must be a whole number of pixels from ${PROJECT_LIMITS.minSide} to ${PROJECT_LIMITS.maxSide}, got ${v}.` };
    if (v % 2 !== 0) return { field, message: `${field} must be even (video encoders need it), got ${v}.` };
  }
  if (!Number.isFinite(input.fps) || input.fps < PROJECT_LIMITS.minFps || input.fps > PROJECT_LIMITS.maxFps)
    return { field: 'fps', message: `fps must be from ${PROJECT_LIMITS.minFps} to ${PROJECT_LIMITS.maxFps}, got ${input.fps}.` };
  return null;
}

export function makeProject(input: NewProjectInput, id: string, now: number): Project {
  const name = input.name.trim();
  return {
    id,
    name,
    nameKey: nameKeyOf(name),
    width: input.width,
    height: input.height,
    fps: input.fps,
    createdAt: now,
    updatedAt: now,
    trashedAt: 0,
  };
}

/** "Trailer" -> "Trailer (copy)", "Trailer (copy)" -> "Trailer (copy 2)". */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/ \(copy(?: \d+)?\)$/, '');
  let candidate = `${base} (copy)`;
  for (let n = 2; taken.has(nameKeyOf(candidate)); n++) candidate = `${base} (copy ${n})`;
  return candidate.slice(0, PROJECT_LIMITS.nameMaxLength);
}

export type ProjectSort = 'updated' | 'created' | 'name';

/** Filters by a search text (every word must appear in the name) and sorts; pure, for lists in memory. */
export function searchProjects(projects: readonly Project[], query: string, sort: ProjectSort): Project[] {
  const words = nameKeyOf(query).split(/\s+/).filter(Boolean);
  const hits = projects.filter((p) => p.trashedAt === 0 && words.every((w) => p.nameKey.includes(w)));
  const by: Record<ProjectSort, (a: Project, b: Project) => number> = {
    updated: (a, b) => b.updatedAt - a.updatedAt,
    created: (a, b) => b.createdAt - a.createdAt,
    name: (a, b) => a.nameKey.localeCompare(b.nameKey) || b.updatedAt - a.updatedAt,
  };
  return hits.sort(by[sort]);
}
