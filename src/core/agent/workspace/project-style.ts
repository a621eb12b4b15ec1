import { z } from 'zod';

/**
 * The project's design decisions (palette, fonts, mood): written by set_project_style, kept in
 * the `styles` table by the app, and put in every system prompt so later turns stay consistent.
 */
const hexColor = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, 'must be a hex colour like "#1f2937"');

export const projectStyleSchema = z.object({
  palette: z
    .object({
      background: hexColor.optional(),
      primary: hexColor.optional(),
      accent: hexColor.optional(),
      text: hexColor.optional(),
      extra: z.array(hexColor).max(8).optional(),
    })
    .optional(),
  fonts: z
    .object({
      heading: z.string().min(1).max(80).optional(),
      body: z.string().min(1).max(80).optional(),
    })
    .optional(),
  mood: z.string().min(1).max(200).optional(),
  /** Free-form decisions worth remembering ("cuts on every downbeat", "no serif fonts"). */
  notes: z.array(z.string().min(1).max(200)).max(20).optional(),
});

export type ProjectStyle = z.infer<typeof projectStyleSchema>;

/** Merges a partial update into the current style: given fields replace, absent ones stay. */
export function mergeStyle(current: ProjectStyle | null, update: ProjectStyle): ProjectStyle {
  const base = current ?? {};
  return {
    ...base,
    ...update,
    ...(base.palette || update.palette ? { palette: { ...base.palette, ...update.palette } } : {}),
    ...(base.fonts || update.fonts ? { fonts: { ...base.fonts, ...update.fonts } } : {}),
  };
}

/** "palette background #111, accent #f5b; fonts heading Inter; mood warm, upbeat" (for prompts). */
export function describeStyle(style: ProjectStyle | null): string {
  if (!style) return 'No style decided yet.';
  const lines: string[] = [];
  if (style.palette) {
    const { extra, ...named } = style.palette;
    const entries = Object.entries(named).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`);
    if (extra?.length) entries.push(`extra ${extra.join(' ')}`);
    if (entries.length) lines.push(`Palette: ${entries.join(', ')}`);
  }
  if (style.fonts) {
    const entries = Object.entries(style.fonts).filter(([, v]) => v).map(([k, v]) => `${k} "${v}"`);
    if (entries.length) lines.push(`Fonts: ${entries.join(', ')}`);
  }
  if (style.mood) lines.push(`Mood: ${style.mood}`);
  for (const note of style.notes ?? []) lines.push(`Decision: ${note}`);
  return lines.length ? lines.join('\n') : 'No style decided yet.';
}
