import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { readJsonWithText, validate } from './validate-json';

// Validators declared the way Hono's own are, so the typed client (`hc`) the app uses knows what a
// route takes: the contract's input type. Errors are ours (400 naming the field, 415), not Hono's.

/**
 * Validates the JSON body against `schema` and hands it to the handler as `c.req.valid('json')`.
 * The exact text stays readable with `c.req.text()` (Hono keeps the body it read).
 */
export function jsonBody<S extends z.ZodType>(schema: S): MiddlewareHandler<any, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> {
  return async (c, next) => {
    const { value } = await readJsonWithText(c, schema);
    c.req.addValidatedData('json', value as object);
    await next();
  };
}

/** Validates the query string against `schema`: `c.req.valid('query')` in the handler. */
export function queryParams<S extends z.ZodType>(schema: S): MiddlewareHandler<any, string, { in: { query: z.input<S> }; out: { query: z.output<S> } }> {
  return async (c, next) => {
    c.req.addValidatedData('query', validate(schema, c.req.query(), 'query') as object);
    await next();
  };
}
