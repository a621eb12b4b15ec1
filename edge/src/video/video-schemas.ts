import { z } from 'zod';

const image = z.union([
  z.object({
    mimeType: z.enum(['image/png', 'image/jpeg', 'image/webp']),
    data: z.string().min(1).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  }),
  z.object({ uri: z.string().url().startsWith('https://', 'must be an https URL') }),
]);

/** Body of POST /api/video/:provider/jobs (provider-neutral). */
export const videoStartRequest = z
  .object({
    model: z.string().min(1).max(128).optional(),
    prompt: z.string().trim().min(1, 'must not be empty').max(4000),
    firstFrame: image.optional(),
    lastFrame: image.optional(),
    referenceImages: z.array(image).max(3).optional(),
    aspectRatio: z.enum(['16:9', '9:16']).default('16:9'),
    resolution: z.enum(['720p', '1080p', '4k']).default('720p'),
    durationSeconds: z.number().int().min(2).max(12).optional(),
    negativePrompt: z.string().max(2000).optional(),
    seed: z.number().int().min(0).max(4294967295).optional(),
    audio: z.boolean().optional(),
  })
  .strict()
  .refine((b) => !b.lastFrame || b.firstFrame, { message: 'a last frame needs a first frame', path: ['lastFrame'] })
  .refine((b) => !b.referenceImages?.length || (!b.firstFrame && !b.lastFrame), {
    message: 'reference images cannot be combined with first/last frames',
    path: ['referenceImages'],
  });

/** Idempotency-Key header: the client's id for one logical start. */
export const idempotencyKey = z
  .string({ error: 'header Idempotency-Key is required for a video start' })
  .regex(/^[A-Za-z0-9_.:-]{8,128}$/, 'must be 8-128 characters of letters, digits, "_", ".", ":" or "-"');

export const resultQuery = z.object({ index: z.coerce.number().int().min(0).max(7).default(0) });

/** Body of POST /api/video/:provider/jobs/:id/remix. */
export const remixRequest = z.object({ prompt: z.string().trim().min(1, 'must not be empty').max(4000) }).strict();
