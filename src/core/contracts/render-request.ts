import { z } from 'zod';

// The body of a full-resolution render: the app builds it, the edge checks it and forwards it,
// the render service checks it again (it must not trust its network). One schema for all three,
// so a field added on one side and not the others is a compile error, not a 400 in production.
// Only `zod` is imported: the render service compiles this file too.

/** A relative path inside the project: no absolute paths, no "..", no backslashes. */
const projectPath = z
  .string()
  .min(1)
  .max(300)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && !p.split('/').includes('..'), 'must be a relative path without ".."');

const asset = z.union([
  z.object({ path: projectPath, mimeType: z.string().min(3).max(255), data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64') }),
  z.object({ path: projectPath, url: z.string().url().startsWith('https://', 'must be an https URL') }),
]);

export const RENDER_CODECS = ['h264', 'h265', 'vp8', 'vp9', 'prores', 'gif'] as const;

/** Body of POST /api/renders (edge) and POST /renders (render service). */
export const renderStartRequest = z
  .object({
    source: z.object({
      /** Entry file that registers the Remotion root, e.g. "src/index.ts". */
      entry: projectPath,
      files: z.record(projectPath, z.string().max(2 * 1024 * 1024)).refine((f) => Object.keys(f).length > 0 && Object.keys(f).length <= 2000, 'must hold 1-2000 files'),
    }),
    assets: z.array(asset).max(500).default([]),
    composition: z.string().min(1).max(200),
    inputProps: z.record(z.string(), z.unknown()).default({}),
    codec: z.enum(RENDER_CODECS),
    width: z.number().int().min(16).max(7680),
    height: z.number().int().min(16).max(4320),
    fps: z.number().min(1).max(120).optional(),
    frameRange: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
  })
  .strict()
  .refine((b) => b.source.files[b.source.entry] !== undefined, { message: 'entry must be one of source.files', path: ['source', 'entry'] });

/** What the app sends (defaults not yet applied). */
export type RenderRequestBody = z.input<typeof renderStartRequest>;
/** What the edge and the service work with after parsing. */
export type RenderRequest = z.output<typeof renderStartRequest>;
export type RenderAsset = RenderRequest['assets'][number];
export type Codec = RenderRequest['codec'];

export const RENDER_ID = /^[A-Za-z0-9_-]{1,128}$/;
