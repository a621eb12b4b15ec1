import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeAgentSession, AgentBusyError } from '../../../src/core/agent/agent-session';
import { makeScriptedProvider } from '../../../src/core/agent/provider/scripted-provider';
import { restoreConversation, type ConversationRecord } from '../../../src/core/agent/records/conversation-records';
import { templateById } from '../../../src/core/templates';
import { buildChecker, makeHarness } from './harness';

vi.setConfig({ testTimeout: 30_000 });
beforeAll(() => buildChecker.check({ files: new Map([['src/index.ts', 'export {};']]), assetNames: new Set() }), 60_000);
afterAll(() => buildChecker.dispose());

const explainer = templateById('explainer')!.files({ name: 'Brew', width: 1920, height: 1080, fps: 30 });

describe('agent session (what the chat panel calls)', () => {
  it('persists turns as serialisable records, replays history, and undoes a turn in one call', async () => {
    const h = makeHarness({ files: explainer });
    const rows: ConversationRecord[] = [];
    const model = makeScriptedProvider([
      { calls: [{ name: 'create_component', args: { name: 'Sparkle', kind: 'element', code: 'export const Sparkle = () => <div>✨</div>;\n' } }] },
      { text: 'Added a sparkle element.' },
      { text: 'It is in src/components/Sparkle.tsx.' },
    ]);
    let n = 0;
    const { signal: _signal, ...ports } = h.ctx;
    const session = makeAgentSession({ ...ports, model, persist: (c) => void rows.push(c), newId: () => `id-${++n}`, now: () => 1000 + n });
    const first = await session.send('Add sparkles');
    expect(first.status).toBe('clean');
    expect(rows[0]!.turns[0]!.status).toBe('running'); // stored at once: a reload mid-turn still shows it
    expect(rows.at(-1)!.turns[0]!.status).toBe('clean');
    expect(rows.at(-1)!.title).toBe('Add sparkles');

    const second = await session.send('Where is it?');
    expect(second.status).toBe('answered');
    // The second turn's request carries the first turn's exchange.
    const sent = model.requests[2]!.contents;
    expect(sent[0]!.parts[0]!.text).toBe('Add sparkles');
    expect(sent.at(-1)!.parts.at(-1)!.text).toBe('Where is it?');

    // A reload: the stored row goes through the restore gate and shows the same conversation.
    const stored = JSON.parse(JSON.stringify(rows.at(-1)));
    const restored = restoreConversation(stored)!;
    expect(restored.turns.map((t) => [t.prompt, t.status, t.steps.length])).toEqual(session.conversation().turns.map((t) => [t.prompt, t.status, t.steps.length]));

    const undo = await session.undoTurn(first.id);
    expect(undo).toEqual({ ok: true, value: { versionId: first.versionBeforeId } });
    expect(h.workspace.snapshot().has('src/components/Sparkle.tsx')).toBe(false);
    expect(session.conversation().turns[0]!.undoneAt).toBeGreaterThan(0);
    expect(await session.undoTurn('nope')).toMatchObject({ ok: false, code: 'unknown_turn' });
  });

  it('undoing a turn that changed the size, fps and style puts them back too', async () => {
    const h = makeHarness({ files: explainer, settings: { name: 'Brew', width: 1280, height: 720, fps: 25 } });
    await h.workspace.setStyle({ mood: 'calm' });
    const model = makeScriptedProvider([
      { calls: [{ name: 'scaffold_project', args: { template: 'explainer', name: 'Brew', width: 1920, height: 1080, fps: 30, replace: true } }] },
      { calls: [{ name: 'set_project_style', args: { mood: 'loud' } }] },
      { text: 'Now full HD at 30 fps.' },
    ]);
    const { signal: _signal, ...ports } = h.ctx;
    const session = makeAgentSession({ ...ports, model });
    const turn = await session.send('Make it full HD');
    expect(turn.status).toBe('clean');
    expect(await h.workspace.settings()).toMatchObject({ width: 1920, height: 1080, fps: 30 });
    expect(await session.undoTurn(turn.id)).toMatchObject({ ok: true });
    expect(await h.workspace.settings()).toEqual({ name: 'Brew', width: 1280, height: 720, fps: 25 });
    expect(await h.workspace.getStyle()).toEqual({ mood: 'calm' });
  });

  it('refuses a second turn while one runs', async () => {
    const h = makeHarness({ files: explainer });
    const controller = new AbortController();
    const { signal: _signal, ...ports } = h.ctx;
    const session = makeAgentSession({ ...ports, model: makeScriptedProvider([{ hang: true }]) });
    const running = session.send('slow', { signal: controller.signal });
    await expect(session.send('again')).rejects.toBeInstanceOf(AgentBusyError);
    controller.abort();
    expect((await running).status).toBe('cancelled');
    expect(session.busy).toBe(false);
  });
});

describe('restoreConversation (the gate for Dexie rows)', () => {
  const good = {
    id: 'c1', projectId: 'p1', version: 1, title: 'Promo', createdAt: 1, updatedAt: 2,
    turns: [
      { id: 't1', prompt: 'hi', startedAt: 1, status: 'clean', message: 'Done.', reply: 'ok', steps: [{ index: 0, kind: 'tool', name: 'read_file', args: '{}', result: 'x', ok: true, ms: 1, at: 1 }, { junk: true }], changedFiles: [], contents: [{ role: 'user', parts: [{ text: 'hi' }] }], usage: { promptTokens: 0, outputTokens: 0, modelCalls: 1, toolSteps: 1 } },
      { id: 't2', prompt: 'crash', startedAt: 2, status: 'running', message: '', reply: '', steps: [], changedFiles: [], contents: [], usage: { promptTokens: 0, outputTokens: 0, modelCalls: 0, toolSteps: 0 } },
      { id: 't3', prompt: 42 },
    ],
  };

  it('keeps good turns, drops bad steps and turns, and marks a turn left running as interrupted', () => {
    const r = restoreConversation(good)!;
    expect(r.turns.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(r.turns[0]!.steps).toHaveLength(1);
    expect(r.turns[1]).toMatchObject({ status: 'cancelled', code: 'interrupted' });
  });

  it('rejects rows without the envelope or from a newer version', () => {
    expect(restoreConversation(null)).toBeNull();
    expect(restoreConversation({ id: 'c1' })).toBeNull();
    expect(restoreConversation({ ...good, version: 2 })).toBeNull();
    expect(restoreConversation({ id: 'c1', projectId: 'p1', turns: 'nope' })).toMatchObject({ turns: [], title: 'Conversation' });
  });
});

describe('guarded workspace', () => {
  it('refuses every write once the turn is cancelled, reads still work', async () => {
    const { guardWorkspace, TurnCancelledError } = await import('../../../src/core/agent/loop/guarded-workspace');
    const h = makeHarness({ files: { 'src/a.ts': 'a' } });
    const controller = new AbortController();
    const guarded = guardWorkspace(h.workspace, controller.signal);
    expect(await guarded.applyChanges([{ path: 'src/b.ts', content: 'b' }])).toMatchObject({ ok: true });
    controller.abort();
    await expect(guarded.applyChanges([{ path: 'src/c.ts', content: 'c' }])).rejects.toBeInstanceOf(TurnCancelledError);
    await expect(guarded.setStyle({ mood: 'x' })).rejects.toBeInstanceOf(TurnCancelledError);
    await expect(guarded.addAsset({ name: 'x.png', mimeType: 'image/png', bytes: new Uint8Array(1) })).rejects.toBeInstanceOf(TurnCancelledError);
    expect((await guarded.listFiles()).map((f) => f.path)).toEqual(['src/a.ts', 'src/b.ts']);
  });
});
