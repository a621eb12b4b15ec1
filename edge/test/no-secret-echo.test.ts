import { describe, expect, it } from 'vitest';
import { edge, json, textPrompt } from './support/edge-client';
import { FAKE_KEYS, TEST_TOKENS } from './support/test-constants';

const SECRETS = [FAKE_KEYS.geminiServer, FAKE_KEYS.geminiUser, FAKE_KEYS.runway, FAKE_KEYS.render, TEST_TOKENS.main];
const GENERATE = '/api/gemini/v1beta/models/gemini-2.5-flash:generateContent';
const STREAM = '/api/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse';

async function expectNoSecrets(label: string, res: Response) {
  const headerText = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
  const body = await res.text();
  for (const secret of SECRETS) {
    expect(headerText, `${label}: header echoes a secret`).not.toContain(secret);
    expect(body, `${label}: body echoes a secret`).not.toContain(secret);
  }
  return body;
}

describe('the edge never echoes keys or tokens', () => {
  it('in success, error, stream, upload, video and render responses', async () => {
    const cases: Array<[string, () => Promise<Response>]> = [
      ['generate', () => edge(GENERATE, json(textPrompt('hello')))],
      ['generate with user key', () => edge(GENERATE, json(textPrompt('hello'), { 'X-Director-Gemini-Key': FAKE_KEYS.geminiUser }))],
      ['429', () => edge(GENERATE, json(textPrompt('[fake:429]')))],
      ['500', () => edge(GENERATE, json(textPrompt('[fake:500]')))],
      ['timeout', () => edge(GENERATE, json(textPrompt('[fake:hang]')))],
      ['stream', () => edge(STREAM, json(textPrompt('hello')))],
      ['stream cut', () => edge(STREAM, json(textPrompt('[fake:cut]')))],
      ['bad user key', () => edge(GENERATE, json(textPrompt('x'), { 'X-Director-Gemini-Key': 'AIzaWrongWrongWrongWrongWrong123' }))],
      ['validation', () => edge(GENERATE, json({ contents: 'nope' }))],
      ['providers', () => edge('/api/providers')],
      ['veo start', () => edge('/api/video/veo/jobs', json({ prompt: 'lantern' }, { 'Idempotency-Key': `echo-${Date.now()}` }))],
      ['runway 429', () => edge('/api/video/runway/jobs', json({ model: 'gen4_turbo', prompt: '[fake:429]', firstFrame: { uri: 'https://example.com/a.png' } }, { 'Idempotency-Key': `echo-r-${Date.now()}` }))],
      ['render auth failure', () => edge('/api/renders', { ...json({}), envOverrides: { RENDER_BACKEND_TOKEN: 'wrong-token-value' } })],
      [
        'upload start',
        () =>
          edge('/api/gemini/upload/v1beta/files', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Goog-Upload-Protocol': 'resumable', 'X-Goog-Upload-Command': 'start', 'X-Goog-Upload-Header-Content-Length': '4', 'X-Goog-Upload-Header-Content-Type': 'video/mp4' },
            body: JSON.stringify({ file: { displayName: 'clip' } }),
          }),
      ],
    ];
    for (const [label, run] of cases) await expectNoSecrets(label, await run());
  });

  it('scrubs a key an upstream repeats in its error message', async () => {
    const res = await edge(GENERATE, json(textPrompt('[fake:echo-key] x')));
    expect(res.status).toBe(400);
    const body = await expectNoSecrets('echo-key', res);
    expect(body).toContain('[redacted]');
  });
});
