import { z } from 'zod';
import type { GeminiSchema } from '../provider/model-types';

type JsonSchema = {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
};

const TYPES: Record<string, GeminiSchema['type']> = {
  object: 'OBJECT',
  string: 'STRING',
  number: 'NUMBER',
  integer: 'INTEGER',
  boolean: 'BOOLEAN',
  array: 'ARRAY',
};

/**
 * A zod schema as Gemini's `parameters` (OpenAPI 3.0 subset: uppercase types, int64 counts as
 * strings, no additionalProperties). One source of truth: the same zod schema validates the args.
 */
export function toGeminiSchema(schema: z.ZodType): GeminiSchema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return convert(json);
}

function convert(s: JsonSchema): GeminiSchema {
  // Optional-with-null (`.nullable()`) arrives as anyOf [{...}, {type: null}].
  if (s.anyOf) {
    const nonNull = s.anyOf.filter((x) => x.type !== 'null');
    const inner = nonNull.length === 1 ? convert(nonNull[0]!) : convert({ type: 'string' });
    return { ...inner, ...(nonNull.length < s.anyOf.length ? { nullable: true } : {}), ...(s.description ? { description: s.description } : {}) };
  }
  const rawType = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  const type = TYPES[rawType ?? (s.const !== undefined ? 'string' : 'string')] ?? 'STRING';
  const out: GeminiSchema = { type };
  if (s.description) out.description = s.description;
  if (s.enum) out.enum = s.enum.map(String);
  else if (s.const !== undefined) out.enum = [String(s.const)];
  if (type === 'OBJECT' && s.properties) {
    out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, convert(v)]));
    out.propertyOrdering = Object.keys(s.properties);
    if (s.required?.length) out.required = s.required;
  }
  if (type === 'ARRAY' && s.items) out.items = convert(s.items);
  // Safe-integer bounds zod adds to every .int() are noise for the model.
  if (s.minimum !== undefined && Math.abs(s.minimum) < Number.MAX_SAFE_INTEGER) out.minimum = s.minimum;
  if (s.maximum !== undefined && Math.abs(s.maximum) < Number.MAX_SAFE_INTEGER) out.maximum = s.maximum;
  if (s.minItems !== undefined) out.minItems = String(s.minItems);
  if (s.maxItems !== undefined) out.maxItems = String(s.maxItems);
  if (s.minLength !== undefined) out.minLength = String(s.minLength);
  if (s.maxLength !== undefined) out.maxLength = String(s.maxLength);
  if (s.default !== undefined && out.description === undefined) out.description = `default ${JSON.stringify(s.default)}`;
  else if (s.default !== undefined) out.description = `${out.description} (default ${JSON.stringify(s.default)})`;
  return out;
}
