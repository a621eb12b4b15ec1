import { z } from 'zod';
import { PROJECT_LIMITS } from '../project/project';
import { PROJECT_RECORD_TABLES } from '../project/records';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_LIMITS } from './limits';
import { unsafePathReason } from './safe-path';

const projectPath = z.string().superRefine((path, ctx) => {
  const reason = unsafePathReason(path);
  if (reason) ctx.addIssue({ code: 'custom', message: `unsafe path "${path.slice(0, 80)}": ${reason}` });
});

const time = z.number().int().nonnegative();
const uuidLike = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected an id of 8-64 letters, digits, "-" or "_"');

/** The manifest is strict: unknown keys are refused rather than silently carried. */
export const manifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  exportedAt: time,
  app: z.string().max(100),
  project: z.strictObject({
    name: z.string().trim().min(1).max(PROJECT_LIMITS.nameMaxLength),
    width: z.number().int().min(PROJECT_LIMITS.minSide).max(PROJECT_LIMITS.maxSide),
    height: z.number().int().min(PROJECT_LIMITS.minSide).max(PROJECT_LIMITS.maxSide),
    fps: z.number().min(PROJECT_LIMITS.minFps).max(PROJECT_LIMITS.maxFps),
    createdAt: time,
    updatedAt: time,
  }),
  files: z
    .array(z.strictObject({ path: projectPath, size: z.number().int().nonnegative().max(BACKUP_LIMITS.maxSourceFileBytes), updatedAt: time }))
    .max(BACKUP_LIMITS.maxSourceFiles),
  assets: z
    .array(
      z.strictObject({
        id: uuidLike,
        name: projectPath,
        type: z.string().regex(/^(image|audio|video|font)\/[a-z0-9.+-]{1,60}$/, 'expected an image, audio, video or font media type'),
        size: z.number().int().nonnegative().max(BACKUP_LIMITS.maxAssetBytes),
        createdAt: time,
      }),
    )
    .max(BACKUP_LIMITS.maxAssets),
  records: z.array(z.enum(PROJECT_RECORD_TABLES)).max(PROJECT_RECORD_TABLES.length),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** Any project-scoped row: an id, the rest owned by its feature (projectId is re-set on import). */
export const recordRowSchema = z.looseObject({ id: uuidLike });

export const versionRowSchema = z.looseObject({
  id: uuidLike,
  label: z.string().max(200),
  createdAt: time,
  files: z.array(z.strictObject({ path: projectPath, content: z.string().max(BACKUP_LIMITS.maxSourceFileBytes) })).max(BACKUP_LIMITS.maxSourceFiles),
});

/** "files.3.path: unsafe path ..." — the first problem, naming where it is. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length ? issue.path.join('.') : '(root)';
  return `${where}: ${issue.message}`;
}
