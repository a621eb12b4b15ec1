import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeAgentModel } from '../../../src/core/agent/provider/agent-model';
import type { FetchLike } from '../../../src/core/agent/provider/gemini-provider';
import { templateById } from '../../../src/core/templates';
import { buildChecker, makeHarness, turnWith } from './harness';

vi.setConfig({ testTimeout: 30_000 });
beforeAll(() => buildChecker.check({ files: new Map([['src/index.ts', 'export {};']]), assetNames: new Set() }), 60_000);
afterAll(() => buildChecker.dispose());

const explainer = templateById('explainer')!.files({ name: 'T', width: 1920, height: 1080, fps: 30 });

/** Gemini's SSE framing for one model answer (wire/gemini.md §4). */
function sse(parts: unknown[]): Response {
  const event = { candidates: [{ content: { parts, role: 'model' }, finishReason: 'STOP', index: 0 }], usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 5, totalTokenCount: 15 } };
  return new Response(`data: ${JSON.stringify(event)}\r\n\r\n`, { headers: { 'Content-Type': 'text/event-stream' } });
}
const rateLimited = () => new Response(JSON.stringify({ error: { code: 429, message: 'Resource has been exhausted (e.g. check quota).', status: 'RESOURCE_EXHAUSTED' } }), { status: 429, headers: { 'Retry-After': '3' } });
const serverError = () => new Response(JSON.stringify({ error: { code: 500, message: 'An internal error has occurred.', status: 'INTERNAL' } }), { status: 500 });
const addBadge = () => sse([{ functionCall: { name: 'create_component', args: { name: 'Badge', kind: 'element', code: 'export const Badge = () => <div>new</div>;\n' } } }]);

function model(answers: (() => Response)[]) {
  const waits: number[] = [];
  let calls = 0;
  const fetch: FetchLike = async () => answers[calls++]!();
  const provider = makeAgentModel({ baseUrl: 'https://edge.example/api/gemini', model: 'gemini-3.7-flash', token: 't', fetch, retry: { sleep: async (ms) => void waits.push(ms) } });
  return { provider, waits, calls: () => calls };
}

describe('the app agent model retries Gemini 429 and 5xx', () => {
  it('waits as Retry-After says, backs off after a 500, and the turn finishes clean', async () => {
    const h = makeHarness({ files: explainer });
    const m = model([rateLimited, serverError, addBadge, () => sse([{ text: 'Added a badge.' }])]);
    const turn = await turnWith(h, m.provider, 'Add a badge');
    expect(turn.status).toBe('clean');
    expect(m.waits).toEqual([3000, 2000]);
    expect(m.calls()).toBe(4);
    expect(h.workspace.snapshot().has('src/components/Badge.tsx')).toBe(true);
  });

  it('on a final failure keeps the edits that built and says what was not done', async () => {
    const h = makeHarness({ files: explainer });
    const m = model([addBadge, serverError, serverError, serverError]);
    const turn = await turnWith(h, m.provider, 'Add a badge');
    expect(m.waits).toEqual([1000, 2000]);
    expect(turn).toMatchObject({ status: 'failed', code: 'provider_error', providerCode: 'upstream_unavailable' });
    expect(turn.message).toMatch(/The model could not answer \(upstream_unavailable\)[\s\S]*The changes made so far build and are kept\. The model did not finish the request\./);
    expect(h.workspace.snapshot().has('src/components/Badge.tsx')).toBe(true);
  });
});
