import { z } from 'zod';
import { defineKind } from '../node-kind';

/** Uploads are referenced by asset id; the content hash (when known) is what identifies them. */
const uploadParams = z.object({
  assetId: z.string().max(128).nullable().default(null),
  contentHash: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/).optional(),
});
const uploadParamInfo = {
  assetId: { label: 'File', internal: true },
  contentHash: { label: 'Content hash', internal: true },
} as const;

export const imageKind = defineKind({
  kind: 'image',
  title: 'Image',
  description: 'An uploaded or dropped image (checked by content type, size and dimensions on upload).',
  version: 1,
  provider: 'local',
  params: uploadParams,
  paramInfo: uploadParamInfo,
  inputs: [],
  outputs: [{ name: 'image', label: 'Image', type: 'image' }],
  checkRunnable: (p) => (p.assetId ? null : 'Image has no file yet: upload or drop one'),
  cacheIdentity: (p) => p.contentHash ?? p.assetId,
});

export const audioKind = defineKind({
  kind: 'audio',
  title: 'Audio',
  description: 'An uploaded music or voice track.',
  version: 1,
  provider: 'local',
  params: uploadParams,
  paramInfo: uploadParamInfo,
  inputs: [],
  outputs: [{ name: 'audio', label: 'Audio', type: 'audio' }],
  checkRunnable: (p) => (p.assetId ? null : 'Audio has no file yet: upload or drop one'),
  cacheIdentity: (p) => p.contentHash ?? p.assetId,
});

export const promptKind = defineKind({
  kind: 'prompt',
  title: 'Prompt',
  description: 'Text typed by the user.',
  version: 1,
  provider: 'local',
  params: z.object({ text: z.string().max(10_000).default('') }),
  paramInfo: { text: { label: 'Text' } },
  inputs: [],
  outputs: [{ name: 'text', label: 'Text', type: 'text' }],
  checkRunnable: (p) => (p.text.trim() ? null : 'Prompt is empty'),
});
