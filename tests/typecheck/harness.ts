/**
 * Browser side of the type-check tests: the agent's real BuildChecker (bundler worker + TypeScript
 * worker, exactly as the app wires them), exposed as `window.typecheckHarness`. Results are plain
 * JSON so Playwright can carry them back.
 */
import { TEMPLATES } from '../../src/core/templates';
import { makeSandboxAgentRuntime } from '../../src/app/agent/sandbox-agent-runtime';
import { typeErrorsOf } from '../../src/app/agent/typecheck-client';

const warnings: string[] = [];
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  warnings.push(args.map(String).join(' '));
  warn(...args);
};

// buildChecker never reads the database (only previews and stills load assets).
const runtimes = new Map<string, ReturnType<typeof makeSandboxAgentRuntime>>();
const runtimeOf = (projectId: string) => runtimes.get(projectId) ?? runtimes.set(projectId, makeSandboxAgentRuntime(null as never, projectId)).get(projectId)!;

const harness = {
  templateFiles(id: string): Record<string, string> {
    const template = TEMPLATES.find((t) => t.id === id);
    if (!template) throw new Error(`no template ${id}`);
    return template.files({ name: 'Harness', width: 1920, height: 1080, fps: 30 });
  },

  /** The agent's run_build_check input → report, timed from the page. */
  async check(projectId: string, files: Record<string, string>) {
    const start = performance.now();
    const report = await runtimeOf(projectId).buildChecker.check({ files: new Map(Object.entries(files)), assetNames: new Set() });
    return { ...report, wallMs: performance.now() - start };
  },

  /** The TypeScript worker alone, timed: what the type check adds to a build check. */
  async typeCheck(projectId: string, files: Record<string, string>) {
    const start = performance.now();
    const errors = await typeErrorsOf(projectId, new Map(Object.entries(files)), new Set());
    return { errors, ms: performance.now() - start };
  },

  warnings: () => [...warnings],
};

declare global {
  interface Window {
    typecheckHarness: typeof harness;
  }
}
window.typecheckHarness = harness;
document.title = 'typecheck harness ready';
