import { describe, expect, it } from 'vitest';
import { enhancedTextOf, enhanceRequestBody } from '../../../src/core/prompt/enhance-prompt';

describe('enhanceRequestBody', () => {
  it('puts the rules in the system instruction and the idea, with its frame, in the user turn', () => {
    const body = enhanceRequestBody({ prompt: '  a cat on a roof  ', preset: 'noir', target: 'veo', instructions: 'Keep it under 8 seconds', seed: 7, image: { mimeType: 'image/png', data: 'AAAA' } });
    const rules = body.systemInstruction.parts[0]!.text;
    expect(rules).toMatch(/Google Veo/);
    expect(rules).toMatch(/film noir/);
    expect(rules).toMatch(/Also: Keep it under 8 seconds/);
    expect(body.contents).toEqual([{ role: 'user', parts: [{ text: 'a cat on a roof' }, { inlineData: { mimeType: 'image/png', data: 'AAAA' } }] }]);
    expect(body.generationConfig.seed).toBe(7);
  });

  it('leaves out what was not given', () => {
    const body = enhanceRequestBody({ prompt: 'x', preset: 'none', target: 'runway' });
    expect(body.systemInstruction.parts[0]!.text).toMatch(/Runway/);
    expect(body.systemInstruction.parts[0]!.text).not.toMatch(/Also:/);
    expect(body.contents[0]!.parts).toHaveLength(1);
    expect('seed' in body.generationConfig).toBe(false);
  });
});

describe('enhancedTextOf', () => {
  it('joins the answer parts, skipping thoughts and stripping quotes', () => {
    expect(enhancedTextOf({ candidates: [{ content: { parts: [{ text: 'planning', thought: true }, { text: '"A slow dolly' }, { text: ' over rooftops."' }] } }] })).toEqual({ ok: true, text: 'A slow dolly over rooftops.' });
  });

  it('says why there is no text', () => {
    expect(enhancedTextOf({ promptFeedback: { blockReason: 'SAFETY' } })).toMatchObject({ ok: false, code: 'content_blocked' });
    expect(enhancedTextOf({ candidates: [{ content: { parts: [] }, finishReason: 'MAX_TOKENS' }] })).toMatchObject({ ok: false, code: 'empty_answer', message: expect.stringMatching(/MAX_TOKENS/) });
  });
});
