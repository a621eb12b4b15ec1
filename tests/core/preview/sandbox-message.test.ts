import { describe, expect, it } from 'vitest';
import { parseSandboxMessage } from '../../../src/core/preview/sandbox-message';

describe('parseSandboxMessage', () => {
  it('passes every well-formed runtime message through unchanged', () => {
    const messages = [
      { type: 'ready' },
      { type: 'frame', frame: 12, playing: true },
      { type: 'runtime-error', error: { message: 'x is not defined', stack: 'at Main' } },
      { type: 'loaded', requestId: 3, compositions: [{ id: 'Main', width: 1920, height: 1080, fps: 30, durationInFrames: 90, defaultProps: {}, propsSchema: null }] },
      { type: 'render-progress', requestId: 4, progress: 0.5, renderedFrames: 10, encodedFrames: 9, etaMs: null },
      { type: 'still-result', requestId: 5, blob: new Blob(['png']) },
      { type: 'css-report', requestId: 6, issues: [{ property: 'filter', value: 'blur(2px)', element: 'div.card' }] },
      { type: 'runtime-warning', warning: { code: 'remote-assets', message: 'A remote asset …', urls: ['https://a.example/x.png'] } },
      { type: 'runtime-warning', warning: { code: 'google-font:Inter', message: 'Font "Inter" …' } },
    ];
    for (const message of messages) expect(parseSandboxMessage(message)).toBe(message);
  });

  it.each([
    ['not an object', 'frame'],
    ['an unknown type', { type: 'eval', code: 'alert(1)' }],
    ['an inherited type name', { type: 'toString' }],
    ['a frame that is not a count', { type: 'frame', frame: '4242', playing: false }],
    ['a negative frame', { type: 'frame', frame: -1, playing: false }],
    ['an error without a message', { type: 'runtime-error', error: { stack: 'x' } }],
    ['a result that is not a blob', { type: 'render-result', requestId: 1, blob: 'https://evil.example/video.mp4' }],
    ['a request id that is not an integer', { type: 'loaded', requestId: 1.5, compositions: [] }],
    ['a warning whose urls are not text', { type: 'runtime-warning', warning: { code: 'remote-assets', message: 'x', urls: [{ href: 'x' }] } }],
    ['a warning without a code', { type: 'runtime-warning', warning: { message: 'x' } }],
    ['a composition without a size', { type: 'loaded', requestId: 1, compositions: [{ id: 'Main', fps: 30, durationInFrames: 9, defaultProps: {}, propsSchema: null }] }],
  ])('refuses %s', (_, data) => {
    expect(parseSandboxMessage(data)).toBeNull();
  });
});
