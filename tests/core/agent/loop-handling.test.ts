import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lastFunctionResponse, makeScriptedProvider, type ScriptedReply, type ScriptStep } from '../../../src/core/agent/provider/scripted-provider';
import type { ModelRequest } from '../../../src/core/agent/provider/model-types';
import { templateById } from '../../../src/core/templates';
import { buildChecker, makeHarness, turnWith } from './harness';

vi.setConfig({ testTimeout: 30_000 });
beforeAll(() => buildChecker.check({ files: new Map([['src/index.ts', 'export {};']]), assetNames: new Set() }), 60_000);
afterAll(() => buildChecker.dispose());

const explainer = templateById('explainer')!.files({ name: 'T', width: 1920, height: 1080, fps: 30 });
const summary = explainer['src/scenes/Summary.tsx']!;
const call = (name: string, args: Record<string, unknown> = {}): ScriptedReply => ({ calls: [{ name, args }] });
const readHash = (req: ModelRequest) => (lastFunctionResponse(req, 'read_file') as { output: { hash: string } }).output.hash;
const editSummary = (line: number, newText: string) => (req: ModelRequest) => call('atomic_edit', { path: 'src/scenes/Summary.tsx', expectedHash: readHash(req), edits: [{ startLine: line, endLine: line, newText }] });

describe('loop handling keeps good work', () => {
  it('warns a model that reads the same file a third time, and the work it then does is kept', async () => {
    const h = makeHarness({ files: explainer });
    // This model re-reads until it is told the file has not changed; the warning is the only thing that moves it on.
    const rereadUntilWarned: ScriptStep = (req) => {
      const last = lastFunctionResponse(req, 'read_file') as { warning?: string };
      return last.warning && /read src\/scenes\/Summary\.tsx three times; it has not changed/.test(last.warning)
        ? editSummary(7, '  const pop = spring({frame, fps, config: {damping: 14}});')(req)
        : call('read_file', { path: 'src/scenes/Summary.tsx' });
    };
    const model = makeScriptedProvider([call('read_file', { path: 'src/scenes/Summary.tsx' }), rereadUntilWarned, rereadUntilWarned, rereadUntilWarned, { text: 'Softened the summary pop.' }]);
    const turn = await turnWith(h, model, 'Make the summary pop softer');
    expect(turn.status).toBe('clean');
    expect(h.workspace.snapshot().get('src/scenes/Summary.tsx')).toContain('damping: 14');
    expect(turn.steps.filter((s) => s.name === 'read_file').map((s) => s.code ?? 'ok')).toEqual(['ok', 'ok', 'repeat_warned']);
  });

  it('still ends the turn when the same edit is sent again and again', async () => {
    const h = makeHarness({ files: explainer });
    const stale = call('atomic_edit', { path: 'src/Root.tsx', expectedHash: 'stale0000000000', edits: [{ startLine: 1, endLine: 1, newText: '// x' }] });
    const turn = await turnWith(h, makeScriptedProvider([stale, stale, stale, { text: 'unreachable' }]), 'Add a comment');
    expect(turn).toMatchObject({ status: 'failed', code: 'repeated_call' });
  });

  it('when the step budget ends with the project not building, reverts only the edits since the last good build', async () => {
    const h = makeHarness({ files: explainer });
    const model = makeScriptedProvider([
      call('read_file', { path: 'src/scenes/Summary.tsx' }),
      editSummary(7, '  const pop = spring({frame, fps, config: {damping: 14}});'),
      call('run_build_check'),
      call('read_file', { path: 'src/scenes/Summary.tsx' }),
      editSummary(6, '  const unit = Math.min(width, height;'),
      call('map_project'),
    ]);
    const turn = await turnWith(h, model, 'Polish the summary', { limits: { maxToolSteps: 5 } });
    expect(turn).toMatchObject({ status: 'problems_remain', code: 'budget_exhausted' });
    expect(turn.message).toMatch(/step budget \(5 tool calls\)[\s\S]*did not build after the last changes \(src\/scenes\/Summary\.tsx:6:38 Expected[\s\S]*only the edits since the last good build were reverted[\s\S]*back at the last point in this turn where it built/);
    const after = h.workspace.snapshot().get('src/scenes/Summary.tsx')!;
    expect(after).toContain('damping: 14');
    expect(after).toContain('Math.min(width, height);');
    expect((await h.workspace.listVersions()).map((v) => v.label)).toContain('Unfinished: Polish the summary');
    expect(turn.steps.at(-1)).toMatchObject({ name: 'final_run_build_check', ok: false });
  });

  it('when the step budget ends with the project building, keeps everything and says it was not previewed', async () => {
    const h = makeHarness({ files: explainer });
    const model = makeScriptedProvider([
      call('read_file', { path: 'src/scenes/Summary.tsx' }),
      editSummary(7, '  const pop = spring({frame, fps, config: {damping: 14}});'),
      call('map_project'),
    ]);
    const turn = await turnWith(h, model, 'Polish the summary', { limits: { maxToolSteps: 2 } });
    expect(turn).toMatchObject({ status: 'problems_remain', code: 'budget_exhausted' });
    expect(turn.message).toMatch(/The changes made so far build and are kept\. They were not previewed after the last change\./);
    expect(h.workspace.snapshot().get('src/scenes/Summary.tsx')).toContain('damping: 14');
  });
});
