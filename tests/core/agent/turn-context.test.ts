import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ModelRequest } from '../../../src/core/agent/provider/model-types';
import { makeScriptedProvider, type ScriptStep } from '../../../src/core/agent/provider/scripted-provider';
import { summariseOlderResults } from '../../../src/core/agent/memory/turn-context';
import { templateById } from '../../../src/core/templates';
import { buildChecker, makeHarness, turnWith } from './harness';

vi.setConfig({ testTimeout: 30_000 });
beforeAll(() => buildChecker.check({ files: new Map([['src/index.ts', 'export {};']]), assetNames: new Set() }), 60_000);
afterAll(() => buildChecker.dispose());

const explainer = templateById('explainer')!.files({ name: 'T', width: 1920, height: 1080, fps: 30 });
const responses = (req: ModelRequest) => req.contents.flatMap((c) => c.parts).filter((p) => p.functionResponse).map((p) => p.functionResponse!);

describe('the turn context stays bounded', () => {
  it('summarises older tool results but keeps what later calls need, the last results and every error whole', async () => {
    const h = makeHarness({ files: explainer });
    const paths = Object.keys(explainer).filter((p) => p.endsWith('.tsx'));
    const script: ScriptStep[] = [{ calls: [{ name: 'read_file', args: { path: 'src/Missing.tsx' } }] }];
    for (let round = 0; round < 3; round++) for (const path of paths) script.push({ calls: [{ name: 'read_file', args: { path, ...(round ? { startLine: round } : {}) } }] });
    // Edits the first file it read, with the hash from that first (by now summarised) read.
    script.push((req) => {
      const first = responses(req).find((r) => r.name === 'read_file' && 'summary' in r.response);
      const summary = first?.response.summary as { path?: string; hash?: string } | undefined;
      if (!summary?.hash || !summary.path) return { text: 'I lost the hash of the first file.' };
      return { calls: [{ name: 'atomic_edit', args: { path: summary.path, expectedHash: summary.hash, edits: [{ startLine: 1, endLine: 0, newText: '// reviewed' }] } }] };
    });
    script.push({ text: 'Reviewed.' });
    const model = makeScriptedProvider(script);
    const turn = await turnWith(h, model, 'Review every scene', { limits: { maxToolSteps: 60, maxModelCalls: 60 } });
    expect(turn.status).toBe('clean');
    expect(h.workspace.snapshot().get(paths[0]!)).toMatch(/^\/\/ reviewed\n/);

    const last = model.requests.at(-1)!;
    const sent = responses(last);
    // The missing-file error from the first step is still there, whole.
    expect(sent[0]!.response).toEqual({ error: { code: 'file_not_found', message: expect.stringContaining('src/Missing.tsx') } });
    // The last six results are whole (file text included); older reads are summaries.
    expect(sent.slice(-6).every((r) => !('summary' in r.response))).toBe(true);
    expect(sent.filter((r) => 'summary' in r.response).length).toBeGreaterThan(10);
    const sentChars = JSON.stringify(last.contents).length;
    const fullChars = JSON.stringify(turn.contents).length;
    expect(sentChars).toBeLessThan(fullChars * 0.5);
    console.log(`[bench] turn context: ${turn.usage.toolSteps} tool steps, last request ${Math.round(sentChars / 1024)} KB instead of ${Math.round(fullChars / 1024)} KB`);
  });

  it('keeps warnings and the newest images, and notes the older ones', () => {
    const image = { inlineData: { mimeType: 'image/png', data: 'x'.repeat(1000) } };
    const contents = [
      { role: 'user' as const, parts: [image, { text: 'frame 0' }] },
      { role: 'user' as const, parts: [{ functionResponse: { name: 'read_file', response: { output: { content: 'y'.repeat(1000) }, warning: 'You have read x three times' } } }] },
      { role: 'user' as const, parts: [image] },
    ];
    const out = summariseOlderResults(contents, { keepImages: 1, keepWholeResults: 0 });
    expect(out[0]!.parts[0]!.text).toMatch(/older image \(image\/png\) omitted/);
    expect(out[1]).toEqual(contents[1]);
    expect(out[2]).toEqual(contents[2]);
  });
});
