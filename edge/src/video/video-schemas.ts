import { z } from 'zod';

// The start body is one contract with the app (src/core/contracts/video-start.ts): its lengths and
// sizes come from the model table the app's nodes are built from.
export { videoStartRequest } from '../../../src/core/contracts/video-start';

/** Idempotency-Key header: the client's id for one logical start. */
export const idempotencyKey = z
  .string({ error: 'header Idempotency-Key is required for a video start' })
  .regex(/^[A-Za-z0-9_.:-]{8,128}$/, 'must be 8-128 characters of letters, digits, "_", ".", ":" or "-"');

export const resultQuery = z.object({ index: z.coerce.number().int().min(0).max(7).default(0) });

/** Body of POST /api/video/:provider/jobs/:id/remix. */
export const remixRequest = z.object({ prompt: z.string().trim().min(1, 'must not be empty').max(4000) }).strict();
