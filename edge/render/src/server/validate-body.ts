import type { Context } from 'hono';
import type { z } from 'zod';
import { ServiceError } from './service-error.js';

/** Parses a JSON body against `schema`; a 400 names the first bad field (as the edge does). */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new ServiceError('unsupported_media_type', `Content-Type must be application/json, got "${type || 'none'}"`);
  let data: unknown;
  try {
    data = JSON.parse(await c.req.text());
  } catch {
    throw new ServiceError('invalid_argument', 'request body is not valid JSON');
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const describe = (issue: z.core.$ZodIssue) => `body${issue.path.length ? '.' + formatPath(issue.path) : ''}: ${issue.message}`;
  const first = result.error.issues[0]!;
  throw new ServiceError('invalid_argument', describe(first), {
    field: formatPath(first.path) || 'body',
    reasons: result.error.issues.slice(0, 10).map(describe),
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}
