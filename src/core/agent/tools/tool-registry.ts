import type { z } from 'zod';
import type { FunctionDeclaration } from '../provider/model-types';
import { toGeminiSchema } from './gemini-schema';
import type { AgentTool } from './tool-types';

export type ValidatedCall =
  | { ok: true; tool: AgentTool; args: unknown }
  | { ok: false; code: 'unknown_tool' | 'invalid_arguments'; message: string; issues?: string[] };

export interface ToolRegistry {
  readonly tools: readonly AgentTool[];
  /** Gemini `functionDeclarations`, computed once. */
  declarations(): FunctionDeclaration[];
  get(name: string): AgentTool | undefined;
  /** Looks the tool up and validates the model's arguments; errors are meant for the model to read. */
  validate(name: string, args: unknown): ValidatedCall;
}

/**
 * The tool set for one agent: declarations for the model and argument validation, both from the
 * tools' zod schemas.
 *
 * @example
 * const registry = makeToolRegistry(ALL_TOOLS);
 * registry.validate('read_file', { path: 'src/Root.tsx' });
 */
export function makeToolRegistry(tools: readonly AgentTool<any>[]): ToolRegistry {
  const byName = new Map<string, AgentTool>();
  for (const tool of tools) {
    if (!/^[a-z][a-z0-9_]{0,63}$/.test(tool.name)) throw new Error(`[agent/tool-registry] tool name must be snake_case, got "${tool.name}"`);
    if (byName.has(tool.name)) throw new Error(`[agent/tool-registry] duplicate tool "${tool.name}"`);
    byName.set(tool.name, tool as AgentTool);
  }
  const declarations = [...byName.values()].map((t) => ({ name: t.name, description: t.description, parameters: toGeminiSchema(t.args) }));
  return {
    tools: [...byName.values()],
    declarations: () => declarations,
    get: (name) => byName.get(name),
    validate(name, args) {
      const tool = byName.get(name);
      if (!tool) return { ok: false, code: 'unknown_tool', message: `There is no tool "${name}". Tools: ${[...byName.keys()].join(', ')}.` };
      const parsed = tool.args.safeParse(args ?? {});
      if (parsed.success) return { ok: true, tool, args: parsed.data };
      const issues = formatIssues(parsed.error.issues);
      return { ok: false, code: 'invalid_arguments', message: `Invalid arguments for ${name}: ${issues.join('; ')}`, issues };
    },
  };
}

/** "edits[0].startLine: expected number, received string" */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.slice(0, 8).map((i) => `${i.path.length ? formatPath(i.path) : '(arguments)'}: ${i.message}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}
