import type { Context } from 'hono';
import { z } from 'zod';
import { EdgeError } from './edge-error';

/**
 * Parses the JSON body and validates it against `schema`. Throws a 400 EdgeError naming the first
 * bad field (all issues go to `reasons`).
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  return (await readJsonWithText(c, schema)).value;
}

/** As readJson, also returning the body text, so a proxy can forward the exact bytes it checked. */
export async function readJsonWithText<S extends z.ZodType>(c: Context, schema: S): Promise<{ value: z.output<S>; text: string }> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new EdgeError('unsupported_media_type', `Content-Type must be application/json, got "${type || 'none'}"`);
  }
  const text = await c.req.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new EdgeError('invalid_argument', 'request body is not valid JSON');
  }
  return { value: validate(schema, data, 'body'), text };
}

/** Validates an already-parsed value (query strings, headers) the same way. */
export function validate<S extends z.ZodType>(schema: S, data: unknown, where: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = issues[0]!;
  const field = formatPath(first.path);
  const describe = (issue: z.core.$ZodIssue) => `${where}${issue.path.length ? '.' + formatPath(issue.path) : ''}: ${issue.message}`;
  throw new EdgeError('invalid_argument', describe(first), {
    field: field || where,
    reasons: issues.slice(0, 10).map(describe),
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}
