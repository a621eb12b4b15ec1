import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_NOTES } from '../../../src/core/agent/knowledge';
import { makeBm25Index, tokenize } from '../../../src/core/agent/memory/bm25-index';
import { compactTurn, fitHistory, type PastTurn } from '../../../src/core/agent/memory/conversation-window';
import { makeKnowledgeRetriever } from '../../../src/core/agent/memory/knowledge-retriever';
import { buildSystemPrompt } from '../../../src/core/agent/memory/system-prompt';
import { estimateContentTokens } from '../../../src/core/agent/memory/token-estimate';
import type { Content } from '../../../src/core/agent/provider/model-types';

describe('knowledge base', () => {
  it('has 25-40+ short notes with unique ids', () => {
    expect(KNOWLEDGE_NOTES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(KNOWLEDGE_NOTES.map((n) => n.id)).size).toBe(KNOWLEDGE_NOTES.length);
    for (const n of KNOWLEDGE_NOTES) {
      expect(n.body.length, n.id).toBeLessThan(900);
      expect(n.tags.length, n.id).toBeGreaterThan(2);
    }
  });

  it('BM25 retrieves the relevant notes for a request', () => {
    const kb = makeKnowledgeRetriever();
    const ids = (q: string) => kb.retrieve(q, 3).map((n) => n.id);
    expect(ids('sync the cuts to the music beats')).toContain('timing-to-beats');
    expect(ids('add a fade transition between scenes')[0]).toBe('transition-series');
    expect(ids('use the Montserrat font')).toContain('fonts-offline');
    expect(ids('inputRange must be strictly monotonically increasing')).toContain('interpolate');
    expect(ids('can I install gsap?')[0]).toBe('vendored-packages');
    expect(ids('make the props editable with a zod schema')).toContain('props-zod-schema');
    expect(kb.retrieve('zzz qqq', 3)).toEqual([]);
  });

  it('tokenizes camelCase and stems plurals', () => {
    // "use" is a stopword on its own; the whole identifier stays a term.
    expect(tokenize('useCurrentFrame beats Fonts')).toEqual(['usecurrentframe', 'current', 'frame', 'beat', 'font']);
    const index = makeBm25Index([
      { id: 'a', fields: [{ text: 'spring animation', weight: 1 }] },
      { id: 'b', fields: [{ text: 'audio music volume', weight: 1 }] },
    ]);
    expect(index.search('springs', 5)).toEqual([{ id: 'a', score: expect.any(Number) }]);
  });
});

describe('conversation window', () => {
  const turn = (i: number, big = 0): PastTurn => ({
    prompt: `prompt ${i}`,
    reply: `reply ${i}`,
    contents: [
      { role: 'user', parts: [{ text: `prompt ${i}` }] },
      { role: 'model', parts: [{ functionCall: { name: 'read_file', args: { path: 'src/Root.tsx' } } }] },
      { role: 'user', parts: [{ functionResponse: { name: 'read_file', response: { output: { content: 'x'.repeat(big) } } } }] },
      { role: 'model', parts: [{ text: `reply ${i}` }] },
    ],
  });

  it('keeps everything that fits', () => {
    const w = fitHistory([turn(1), turn(2)], { budgetTokens: 10_000 });
    expect(w).toMatchObject({ keptTurns: 2, droppedTurns: 0, summary: '' });
    expect(w.contents).toHaveLength(8);
  });

  it('compacts big tool results of old turns and drops whole turns past the budget, summarising them', () => {
    const turns = Array.from({ length: 10 }, (_, i) => turn(i, 4000));
    const w = fitHistory(turns, { budgetTokens: 1500, fullDetailTurns: 1 });
    expect(w.tokens).toBeLessThanOrEqual(1500 + 200);
    expect(w.keptTurns).toBeGreaterThan(1);
    expect(w.droppedTurns).toBe(10 - w.keptTurns);
    expect(w.summary).toMatch(/1\. Person: prompt 0 → Director: reply 0/);
    // Calls and responses stay paired: the first kept content is a user prompt.
    expect(w.contents[0]!.parts[0]!.text).toMatch(/^prompt /);
    const compacted = compactTurn(turn(1, 4000).contents);
    expect(JSON.stringify(compacted[2]!.parts[0]!.functionResponse!.response)).toMatch(/result omitted from history/);
    expect(estimateContentTokens(compacted)).toBeLessThan(estimateContentTokens(turn(1, 4000).contents) / 5);
  });

  it('estimates tokens cheaply and on the high side', () => {
    const c: Content[] = [{ role: 'user', parts: [{ text: 'a'.repeat(3600) }, { inlineData: { mimeType: 'image/png', data: 'AAAA' } }] }];
    expect(estimateContentTokens(c)).toBe(4 + 1000 + 4 + 258);
  });
});

describe('system prompt', () => {
  it('carries the project, its decisions, the files and the retrieved notes', () => {
    const notes = makeKnowledgeRetriever().retrieve('spring bounce', 2);
    const text = buildSystemPrompt({
      settings: { name: 'Brew', width: 1080, height: 1920, fps: 30 },
      style: { palette: { background: '#1c1917', accent: '#f59e0b' }, fonts: { heading: 'Inter' }, mood: 'warm', notes: ['cuts on downbeats'] },
      filePaths: ['src/index.ts', 'src/Root.tsx'],
      assetNames: ['music.mp3'],
      notes,
      earlierSummary: '1. Person: make a promo → Director: made it',
    });
    expect(text).toContain('Project: "Brew", 1080×1920 at 30 fps.');
    expect(text).toContain('Palette: background #1c1917, accent #f59e0b\nFonts: heading "Inter"\nMood: warm\nDecision: cuts on downbeats');
    expect(text).toContain('Files (2): src/index.ts, src/Root.tsx');
    expect(text).toContain('Assets: music.mp3');
    expect(text).toContain('Earlier in this conversation:\n1. Person: make a promo');
    expect(text).toContain(`- ${notes[0]!.title}:`);
  });
});
