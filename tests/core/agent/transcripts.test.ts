import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { AgentEvent } from '../../../src/core/agent/loop/agent-events';
import { makeGeminiProvider } from '../../../src/core/agent/provider/gemini-provider';
import { ProviderError } from '../../../src/core/agent/provider/provider-error';
import { lastFunctionResponse, makeScriptedProvider, type ScriptStep } from '../../../src/core/agent/provider/scripted-provider';
import type { ModelRequest } from '../../../src/core/agent/provider/model-types';
import { makeFakePreviewRunner } from '../../../src/core/agent/testing/fake-preview-runner';
import { contentHash } from '../../../src/core/agent/workspace/content-hash';
import { templateById } from '../../../src/core/templates';
import { ALL_TOOLS } from '../../../src/core/agent/tools/all-tools';
import { makeToolRegistry } from '../../../src/core/agent/tools/tool-registry';
import { defineTool } from '../../../src/core/agent/tools/tool-types';
import { buildChecker, makeHarness, turnStats, turnWith } from './harness';

vi.setConfig({ testTimeout: 30_000 });
// esbuild-wasm compiles its module on first use (seconds on a 2-core machine): do it once, up front.
beforeAll(() => buildChecker.check({ files: new Map([['src/index.ts', 'export {};']]), assetNames: new Set() }), 60_000);
afterAll(() => {
  const clean = turnStats.filter((t) => t.status === 'clean');
  console.log(`[bench] transcripts: ${turnStats.length} turns; clean turns needed ${clean.map((t) => t.corrections).join('/')} correction rounds; steps per turn (model+tool+check) median ${median(turnStats.map((t) => t.modelCalls + t.toolSteps + t.checks))}`);
  return buildChecker.dispose();
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const explainer = templateById('explainer')!.files({ name: 'Brew Better', width: 1920, height: 1080, fps: 30 });
const lineOf = (content: string, needle: string) => content.split('\n').findIndex((l) => l.includes(needle)) + 1;
const hashFrom = (req: ModelRequest) => (lastFunctionResponse(req, 'read_file') as { output: { hash: string } }).output.hash;
const call = (name: string, args: Record<string, unknown> = {}) => ({ calls: [{ name, args }] });
const lastResponse = (req: ModelRequest) => req.contents[req.contents.length - 1]!.parts.map((p) => p.functionResponse?.response ?? p.text);

/**
 * A fetch that answers like the edge with Gemini's SSE framing (wire/gemini.md §4): each recorded
 * model turn is split into a function-call event and a final STOP event, Gemini 3 style.
 */
function replayFetch(turns: ((body: { contents: ModelRequest['contents'] }) => { text?: string; call?: { name: string; args: unknown } })[]) {
  const bodies: any[] = [];
  const fetch = async (_url: string, init: { body: string }) => {
    const body = JSON.parse(init.body);
    bodies.push(body);
    const turn = turns[bodies.length - 1]!(body);
    const parts = turn.call ? [{ functionCall: turn.call, thoughtSignature: `sig-${bodies.length}` }] : [{ text: turn.text }];
    const usage = { promptTokenCount: 100, candidatesTokenCount: 20, totalTokenCount: 120 };
    const events = [
      { candidates: [{ content: { parts, role: 'model' }, index: 0 }], usageMetadata: usage, modelVersion: 'gemini-3.7-flash' },
      { candidates: [{ content: { parts: [{ text: '' }], role: 'model' }, finishReason: 'STOP', index: 0 }], usageMetadata: usage, modelVersion: 'gemini-3.7-flash' },
    ];
    return new Response(events.map((e) => `data: ${JSON.stringify(e)}\r\n\r\n`).join(''), { headers: { 'Content-Type': 'text/event-stream' } });
  };
  return { fetch, bodies };
}

describe('scripted transcripts through the real loop', () => {
  it('creates an explainer from a prompt (Gemini wire format end to end)', async () => {
    const h = makeHarness();
    const root = explainer['src/Root.tsx']!;
    const { fetch, bodies } = replayFetch([
      () => ({ call: { name: 'scaffold_project', args: { template: 'explainer', name: 'Brew Better', fps: 30, width: 1920, height: 1080 } } }),
      () => ({ call: { name: 'set_project_style', args: { palette: { background: '#1c1917', accent: '#f59e0b' }, fonts: { heading: 'Inter' }, mood: 'warm, upbeat' } } }),
      () => ({ call: { name: 'read_file', args: { path: 'src/Root.tsx' } } }),
      (body) => {
        const hash = body.contents.flatMap((c) => c.parts).reverse().find((p) => p.functionResponse?.name === 'read_file')!.functionResponse!.response as { output: { hash: string } };
        return {
          call: {
            name: 'atomic_edit',
            args: {
              path: 'src/Root.tsx',
              expectedHash: hash.output.hash,
              edits: [
                { startLine: lineOf(root, "background: '#111827'"), endLine: lineOf(root, "background: '#111827'"), newText: "  background: '#1c1917'," },
                { startLine: lineOf(root, "accent: '#a78bfa'"), endLine: lineOf(root, "accent: '#a78bfa'"), newText: "  accent: '#f59e0b'," },
              ],
            },
          },
        };
      },
      () => ({ call: { name: 'run_build_check', args: {} } }),
      () => ({ text: 'Made "Brew Better": an intro, three steps and a summary in warm amber on espresso brown.' }),
    ]);
    const model = makeGeminiProvider({ baseUrl: 'https://edge.example/api/gemini', model: 'gemini-3.7-flash', token: 't', fetch });
    const events: AgentEvent[] = [];
    const turn = await turnWith(h, model, 'An explainer about brewing better coffee at home, warm colours', { onEvent: (e) => events.push(e) });

    expect(turn.status).toBe('clean');
    expect(turn.reply).toMatch(/Brew Better/);
    expect(turn.steps.filter((s) => s.kind === 'tool').map((s) => s.name)).toEqual(['scaffold_project', 'set_project_style', 'read_file', 'atomic_edit', 'run_build_check']);
    expect(turn.steps.filter((s) => s.kind === 'check').map((s) => `${s.name}:${s.ok}`)).toEqual(['auto_run_preview:true']);
    expect(h.workspace.snapshot().get('src/Root.tsx')).toContain("accent: '#f59e0b'");
    expect(await h.workspace.getStyle()).toMatchObject({ mood: 'warm, upbeat' });
    expect(turn.changedFiles).toContain('src/Explainer.tsx');
    expect(turn.diff!.find((d) => d.path === 'src/Root.tsx')!.status).toBe('added');
    expect(turn.versionBeforeId).toBe('v1');
    // Wire: declarations sent, signatures replayed, decisions in the system prompt once made.
    expect(bodies[0].tools[0].functionDeclarations).toHaveLength(17);
    expect(bodies[1].contents[1].parts[0].thoughtSignature).toBe('sig-1');
    expect(bodies[0].systemInstruction.parts[0].text).toMatch(/No style decided yet/);
    expect(bodies[2].systemInstruction.parts[0].text).toMatch(/Palette: background #1c1917, accent #f59e0b/);
    expect(bodies[0].systemInstruction.parts[0].text).toMatch(/Notes on Remotion practice/);
    // Events: started, every step, ended; usage summed from usageMetadata.
    expect(events[0]).toMatchObject({ type: 'turn_started', versionBeforeId: 'v1' });
    expect(events.filter((e) => e.type === 'step')).toHaveLength(turn.steps.length);
    expect(events.at(-1)).toMatchObject({ type: 'turn_ended' });
    expect(turn.usage).toMatchObject({ modelCalls: 6, toolSteps: 5, promptTokens: 600 });
    expect(JSON.parse(JSON.stringify(turn))).toEqual(turn);
  });

  it('introduces a build error, gets it back from the automatic check, and fixes it', async () => {
    const h = makeHarness({ files: explainer });
    const summary = explainer['src/scenes/Summary.tsx']!;
    const line = lineOf(summary, 'const pop = spring');
    const model = makeScriptedProvider([
      call('read_file', { path: 'src/scenes/Summary.tsx' }),
      (req) => call('atomic_edit', { path: 'src/scenes/Summary.tsx', expectedHash: hashFrom(req), edits: [{ startLine: line, endLine: line, newText: '  const pop = spring({frame, fps, config: {damping: 8}};' }] }),
      { text: 'Made the summary bouncier.' },
      call('read_file', { path: 'src/scenes/Summary.tsx', startLine: line, endLine: line }),
      (req) => call('atomic_edit', { path: 'src/scenes/Summary.tsx', expectedHash: hashFrom(req), edits: [{ startLine: line, endLine: line, newText: '  const pop = spring({frame, fps, config: {damping: 8}});' }] }),
      { text: 'Fixed the missing parenthesis; the summary bounces.' },
    ]);
    const turn = await turnWith(h, model, 'Make the summary bouncier');
    expect(turn.status).toBe('clean');
    const checks = turn.steps.filter((s) => s.kind === 'check');
    expect(checks.map((s) => `${s.name}:${s.ok}`)).toEqual(['auto_run_build_check:false', 'auto_run_build_check:true', 'auto_run_preview:true']);
    const feedback = model.requests[3]!.contents.at(-1)!.parts[0]!.text!;
    expect(feedback).toMatch(/Automatic check \(round 1 of 3\)/);
    expect(feedback).toMatch(/build: src\/scenes\/Summary\.tsx:\d+:\d+ /);
    expect(h.workspace.snapshot().get('src/scenes/Summary.tsx')).toContain('damping: 8}});');
    // The knowledge query follows the errors: build-error notes are offered while fixing.
    expect(model.requests[3]!.systemInstruction).toMatch(/Common build errors/);
  });

  it('catches a runtime error with run_preview and fixes it', async () => {
    const h = makeHarness({ files: explainer });
    const step = explainer['src/scenes/Step.tsx']!;
    const line = lineOf(step, 'const frame = useCurrentFrame();');
    const model = makeScriptedProvider([
      call('read_file', { path: 'src/scenes/Step.tsx' }),
      (req) => call('atomic_edit', { path: 'src/scenes/Step.tsx', expectedHash: hashFrom(req), edits: [{ startLine: line, endLine: line, newText: "  const frame = useCurrentFrame();\n  if (props.heading.length > 200) throw new Error('Cannot read properties of undefined (reading icon)');" }] }),
      call('run_build_check'),
      call('run_preview'),
      call('read_file', { path: 'src/scenes/Step.tsx' }),
      (req) => call('atomic_edit', { path: 'src/scenes/Step.tsx', expectedHash: hashFrom(req), edits: [{ startLine: line + 1, endLine: line + 1, newText: '' }] }),
      call('run_preview'),
      { text: 'Removed the faulty guard; steps render again.' },
    ]);
    const turn = await turnWith(h, model, 'Guard against long headings');
    expect(turn.status).toBe('clean');
    const previews = turn.steps.filter((s) => s.name === 'run_preview');
    expect(previews[0]!.result).toMatch(/1 problem/);
    expect(lastResponse(model.requests[4]!)[0]).toMatchObject({ output: { clean: false, errors: [{ message: 'Cannot read properties of undefined (reading icon)', frames: [0] }] } });
    expect(previews[1]!.result).toMatch(/no errors/);
    // run_preview already verified the final state; only the type/bundle check is repeated on it.
    expect(turn.steps.filter((s) => s.kind === 'check').map((s) => `${s.name}:${s.ok}`)).toEqual(['auto_run_build_check:true']);
    expect(h.workspace.snapshot().get('src/scenes/Step.tsx')).toBe(step);
  });

  it('refines colours through set_project_style and applies them in code', async () => {
    const h = makeHarness({ files: explainer });
    await h.workspace.setStyle({ palette: { background: '#111827', accent: '#a78bfa' }, mood: 'calm' });
    const root = explainer['src/Root.tsx']!;
    const model = makeScriptedProvider([
      call('set_project_style', { palette: { accent: '#ea580c' }, mood: 'warm, upbeat' }),
      call('read_file', { path: 'src/Root.tsx' }),
      (req) => call('atomic_edit', { path: 'src/Root.tsx', expectedHash: hashFrom(req), edits: [{ startLine: lineOf(root, 'accent:'), endLine: lineOf(root, 'accent:'), newText: "  accent: '#ea580c'," }] }),
      { text: 'Switched the accent to burnt orange.' },
    ]);
    const turn = await turnWith(h, model, 'Warmer accent colour please');
    expect(turn.status).toBe('clean');
    expect(await h.workspace.getStyle()).toEqual({ palette: { background: '#111827', accent: '#ea580c' }, mood: 'warm, upbeat' });
    expect(model.requests[0]!.systemInstruction).toMatch(/Palette: background #111827, accent #a78bfa\nMood: calm/);
    expect(model.requests[1]!.systemInstruction).toMatch(/accent #ea580c\nMood: warm, upbeat/);
    expect(h.workspace.snapshot().get('src/Root.tsx')).toContain("accent: '#ea580c'");
  });

  it('restores a version', async () => {
    const h = makeHarness({ files: explainer });
    const original = await h.workspace.saveVersion('Original explainer');
    h.workspace.externalWrite('src/scenes/Intro.tsx', 'export const Intro = () => null;\n');
    const model = makeScriptedProvider([
      call('restore_version'),
      (req) => {
        const versions = (lastFunctionResponse(req, 'restore_version') as { output: { versions: { versionId: string; label: string }[] } }).output.versions;
        return call('restore_version', { versionId: versions.find((v) => v.label === 'Original explainer')!.versionId });
      },
      { text: 'Restored the original explainer.' },
    ]);
    const turn = await turnWith(h, model, 'Go back to the original version');
    expect(turn.status).toBe('clean');
    expect(h.workspace.snapshot()).toEqual(new Map(Object.entries(explainer)));
    expect(turn.changedFiles).toEqual(['src/scenes/Intro.tsx']);
    expect(lastResponse(model.requests[2]!)[0]).toMatchObject({ output: { restored: original.id, changedFiles: ['src/scenes/Intro.tsx'] } });
  });

  it('reports invalid tool arguments back to the model, which corrects them', async () => {
    const h = makeHarness({ files: explainer });
    const model = makeScriptedProvider([
      call('create_component', { name: 'logo bug', kind: 'badge', code: 'x' }),
      call('create_component', { name: 'LogoBug', kind: 'overlay', code: "import {AbsoluteFill} from 'remotion';\nexport const LogoBug: React.FC = () => <AbsoluteFill style={{alignItems: 'flex-end'}}>☕</AbsoluteFill>;\n" }),
      { text: 'Added a logo bug overlay.' },
    ]);
    const turn = await turnWith(h, model, 'Add a small logo in the corner');
    const error = lastResponse(model.requests[1]!)[0] as { error: { code: string; issues: string[] } };
    expect(error.error.code).toBe('invalid_arguments');
    expect(error.error.issues.join('\n')).toMatch(/name: must be PascalCase[\s\S]*kind: [\s\S]*code: /);
    expect(turn.steps[1]).toMatchObject({ kind: 'tool', name: 'create_component', ok: false, code: 'invalid_arguments' });
    expect(turn.status).toBe('clean');
    expect(h.workspace.snapshot().has('src/overlays/LogoBug.tsx')).toBe(true);
  });

  it('cancel mid-turn stops at once and leaves the project as the last completed tool left it', async () => {
    const h = makeHarness({ files: explainer });
    const controller = new AbortController();
    const code = "export const Sparkle: React.FC = () => <div>✨</div>;\n";
    const model = makeScriptedProvider([call('create_component', { name: 'Sparkle', kind: 'element', code }), { hang: true }]);
    const turn = await turnWith(h, model, 'Add sparkles', {
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'step' && e.step.name === 'create_component') controller.abort();
      },
    });
    expect(turn).toMatchObject({ status: 'cancelled', code: 'cancelled' });
    expect(h.workspace.snapshot().get('src/components/Sparkle.tsx')).toBe(code);
    expect(new Map([...h.workspace.snapshot()].filter(([p]) => p !== 'src/components/Sparkle.tsx'))).toEqual(new Map(Object.entries(explainer)));
    expect(turn.contents.at(-1)!.parts[0]!.functionResponse).toMatchObject({ name: 'create_component', response: { output: { path: 'src/components/Sparkle.tsx' } } });
    // One click undoes the turn.
    await h.workspace.restoreVersion(turn.versionBeforeId!);
    expect(h.workspace.snapshot()).toEqual(new Map(Object.entries(explainer)));
  });

  it('cancel during a slow tool returns at once and no write happens afterwards', async () => {
    const h = makeHarness({ files: explainer });
    // A mutating tool that is still waiting when the turn is cancelled, then tries to write: what
    // a slow generation (image, preview) does when its answer arrives late.
    let toolStarted!: () => void;
    const started = new Promise<void>((r) => (toolStarted = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let lateWrite!: Promise<unknown>;
    let lateWriteAttempted!: () => void;
    const attempted = new Promise<void>((r) => (lateWriteAttempted = r));
    const slowWriter = defineTool({
      name: 'slow_write',
      description: 'Test tool: waits for the gate, then writes a file',
      args: z.object({}),
      mutates: true,
      async run(_a, { workspace }) {
        toolStarted();
        await gate;
        lateWrite = workspace.applyChanges([{ path: 'src/Late.tsx', content: 'export const late = 1;\n' }]);
        lateWriteAttempted();
        await lateWrite;
        return { ok: true, summary: 'wrote src/Late.tsx', output: {} };
      },
    });
    const controller = new AbortController();
    void started.then(() => controller.abort());
    const model = makeScriptedProvider([call('slow_write'), { text: 'never reached' }]);
    const turn = await turnWith(h, model, 'Write it', { signal: controller.signal, registry: makeToolRegistry([...ALL_TOOLS, slowWriter]) });
    // The turn returned while the tool was still blocked on its gate: cancel did not wait for it.
    expect(turn.status).toBe('cancelled');
    expect(turn.steps.at(-1)).toMatchObject({ name: 'slow_write', code: 'cancelled' });
    release();
    await attempted;
    // A late tool write is refused by the guarded workspace.
    await expect(lateWrite).rejects.toMatchObject({ code: 'cancelled' });
    expect(h.workspace.snapshot().has('src/Late.tsx')).toBe(false);
    expect(h.workspace.snapshot()).toEqual(new Map(Object.entries(explainer)));
    expect(model.remaining()).toBe(1);
  });

  it('stops a model that repeats the same failing edit', async () => {
    const h = makeHarness({ files: explainer });
    const edit = call('atomic_edit', { path: 'src/Root.tsx', expectedHash: 'stale0000000000', edits: [{ startLine: 1, endLine: 1, newText: '// x' }] });
    const model = makeScriptedProvider([edit, edit, edit, { text: 'unreachable' }]);
    const turn = await turnWith(h, model, 'Add a comment');
    expect(turn).toMatchObject({ status: 'failed', code: 'repeated_call' });
    expect(turn.message).toMatch(/atomic_edit with the same arguments 3 times/);
    expect(turn.steps.filter((s) => s.kind === 'tool').map((s) => s.code)).toEqual(['file_changed', 'file_changed', 'repeated_call']);
    expect(h.workspace.snapshot()).toEqual(new Map(Object.entries(explainer)));
  });

  it('stops a model that undoes and redoes the same edit', async () => {
    const h = makeHarness({ files: { ...explainer, 'src/theme.ts': "export const accent = '#a78bfa';" } });
    const flip = (to: string): ScriptStep => () => call('atomic_edit', { path: 'src/theme.ts', expectedHash: contentHash(h.workspace.snapshot().get('src/theme.ts')!), edits: [{ startLine: 1, endLine: 1, newText: `export const accent = '${to}';` }] });
    const model = makeScriptedProvider([flip('#ea580c'), flip('#a78bfa'), flip('#ea580c'), flip('#a78bfa'), flip('#ea580c'), { text: 'unreachable' }]);
    const turn = await turnWith(h, model, 'Pick the best accent');
    expect(turn).toMatchObject({ status: 'failed', code: 'edit_loop' });
    expect(turn.message).toMatch(/came back to the same state 3 times \(last by atomic_edit\)/);
    expect(turn.steps.filter((s) => s.kind === 'tool')).toHaveLength(4);
    expect(h.workspace.snapshot().get('src/theme.ts')).toBe("export const accent = '#a78bfa';");
  });

  it('a provider error ends the turn with a clear message and keeps the changes that build', async () => {
    const h = makeHarness({ files: explainer });
    const model = makeScriptedProvider([
      call('create_component', { name: 'Half', kind: 'scene', code: 'export const Half = () => <div />;\n' }),
      { error: new ProviderError('quota_exceeded', 'You exceeded your current quota', { status: 429, retryAfterSec: 17 }) },
    ]);
    const turn = await turnWith(h, model, 'Add a scene');
    expect(turn).toMatchObject({ status: 'failed', code: 'provider_error', providerCode: 'quota_exceeded', retryAfterSec: 17 });
    expect(turn.message).toMatch(/quota_exceeded[\s\S]*Try again in 17 s[\s\S]*The changes made so far build and are kept\. The model did not finish the request\. They were not previewed/);
    expect(turn.steps.at(-1)).toMatchObject({ kind: 'check', name: 'final_run_build_check', ok: true });
    expect(turn.changedFiles).toEqual(['src/scenes/Half.tsx']);
    expect((await h.workspace.listVersions()).map((v) => v.label)).not.toContain('Unfinished: Add a scene');
  });

  it('a provider error after an edit that does not build goes back to before the turn, saying why', async () => {
    const h = makeHarness({ files: explainer });
    const summary = explainer['src/scenes/Summary.tsx']!;
    const model = makeScriptedProvider([
      call('atomic_edit', { path: 'src/scenes/Summary.tsx', expectedHash: contentHash(summary), edits: [{ startLine: 6, endLine: 6, newText: '  const unit = Math.min(width, height;' }] }),
      { error: new ProviderError('upstream_unavailable', 'The model is overloaded', { status: 503 }) },
    ]);
    const turn = await turnWith(h, model, 'Tweak the summary');
    expect(turn).toMatchObject({ status: 'failed', code: 'provider_error', providerCode: 'upstream_unavailable' });
    expect(turn.message).toMatch(/did not build after the last changes \(src\/scenes\/Summary\.tsx:6:38 Expected "\)" but found ";"\), so only the edits since the last good build were reverted[\s\S]*back as it was before this turn/);
    expect(h.workspace.snapshot()).toEqual(new Map(Object.entries(explainer)));
    expect((await h.workspace.listVersions()).map((v) => v.label)).toContain('Unfinished: Tweak the summary');
    expect(turn.changedFiles).toEqual([]);
  });

  it('a tool that throws ends the turn (tool_crashed); a failing check it returns does not', async () => {
    const h = makeHarness({ files: explainer });
    h.ctx.previewRunner = { run: async () => { throw new Error('sandbox iframe is gone'); } };
    const turn = await turnWith(h, makeScriptedProvider([call('run_preview'), { text: 'x' }]), 'Preview it');
    expect(turn).toMatchObject({ status: 'failed', code: 'tool_crashed' });
    expect(turn.message).toMatch(/run_preview crashed: sandbox iframe is gone/);
  });

  it('malformed function calls get one nudge, then end the turn', async () => {
    const h = makeHarness({ files: explainer });
    const malformed = { finishReason: 'MALFORMED_FUNCTION_CALL', finishMessage: 'Malformed function call: read_file(path=)' };
    const recovered = await turnWith(h, makeScriptedProvider([malformed, call('map_project'), { text: 'Mapped.' }]), 'What is in the project?');
    expect(recovered.status).toBe('answered');
    // The second one is a recorded stream, replayed byte for byte through the Gemini reader.
    const recorded = 'data: {"candidates": [{"content": {"role": "model"},"finishReason": "MALFORMED_FUNCTION_CALL","finishMessage": "Malformed function call: map_project(under=)","index": 0}],"usageMetadata": {"promptTokenCount": 812,"totalTokenCount": 812},"modelVersion": "gemini-2.5-flash"}\r\n\r\n';
    const failed = await turnWith(h, makeScriptedProvider([malformed, { recordedSse: recorded }, { text: 'x' }]), 'What is in the project?');
    expect(failed.message).toMatch(/map_project\(under=\)/);
    expect(failed).toMatchObject({ status: 'failed', code: 'malformed_function_call' });
  });

  it('spends the step budget and says which problems remain', async () => {
    const h = makeHarness({ files: explainer });
    const model = makeScriptedProvider([call('map_project', { under: 'src' }), call('read_file', { path: 'src/Root.tsx' }), call('read_file', { path: 'src/Explainer.tsx' }), call('read_file', { path: 'src/index.ts' })]);
    const turn = await turnWith(h, model, 'Look around', { limits: { maxToolSteps: 3 } });
    expect(turn).toMatchObject({ status: 'problems_remain', code: 'budget_exhausted' });
    expect(turn.message).toMatch(/step budget \(3 tool calls\)/);
  });

  it('ends with the remaining problems when corrections run out', async () => {
    const h = makeHarness({ files: explainer, fault: () => ({ message: 'props.steps is undefined', frame: 0 }) });
    h.workspace.externalWrite('src/theme.ts', '');
    const model = makeScriptedProvider([
      call('atomic_edit', { path: 'src/theme.ts', expectedHash: contentHash(''), edits: [{ startLine: 1, endLine: 0, newText: 'export const x = 1;' }] }),
      { text: 'Done.' },
      { text: 'Done, really.' },
    ]);
    const turn = await turnWith(h, model, 'Tidy up', { limits: { maxCorrectionRounds: 1 } });
    expect(turn).toMatchObject({ status: 'problems_remain', code: 'corrections_exhausted' });
    expect(turn.message).toMatch(/runtime: frame 0: props.steps is undefined/);
    expect(turn.steps.filter((s) => s.kind === 'check').map((s) => s.name)).toEqual(['auto_run_build_check', 'auto_run_preview']);
  });

  it('a failed visual check goes back to the model until a later check passes', async () => {
    const h = makeHarness({ files: explainer, helper: [{ text: '{"verdict":"fail","answer":"The title is cut off on the right."}' }, { text: '{"verdict":"pass","answer":"The title fits."}' }] });
    const intro = explainer['src/scenes/Intro.tsx']!;
    const line = lineOf(intro, 'fontSize: unit * 0.1');
    const model = makeScriptedProvider([
      call('visual_frame_inspection', { frame: 40, question: 'Is the title fully visible?' }),
      { text: 'Looks fine.' },
      call('read_file', { path: 'src/scenes/Intro.tsx' }),
      (req) => call('atomic_edit', { path: 'src/scenes/Intro.tsx', expectedHash: hashFrom(req), edits: [{ startLine: line, endLine: line, newText: intro.split('\n')[line - 1]!.replace('unit * 0.1', 'unit * 0.07') }] }),
      call('visual_frame_inspection', { frame: 40, question: 'Is the title fully visible?' }),
      { text: 'Made the title smaller so it fits.' },
    ]);
    const turn = await turnWith(h, model, 'Make sure the title fits');
    expect(model.requests[2]!.contents.at(-1)!.parts[0]!.text).toMatch(/visual: frame 40: The title is cut off on the right\./);
    expect(turn.status).toBe('clean');
  });
});

describe('preview runner double', () => {
  it('reports bundle failures as not built', async () => {
    const runner = makeFakePreviewRunner(buildChecker);
    const r = await runner.run({ files: new Map([['src/index.ts', 'import x from "lodash"; console.log(x);']]), assetNames: new Set() });
    expect(r.built).toBe(false);
    expect(r.buildErrors[0]).toMatch(/lodash/);
  });
});
