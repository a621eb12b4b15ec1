import { describe, expect, it } from 'vitest';
import { creationSite, explainStuckDelayRender, parseStuckDelayRender } from '../../../src/core/remotion-compat';

// As @remotion/web-renderer reports it: Remotion's message with the creation stack on one line.
const REMOTION_MESSAGE =
  'A delayRender() "Loading captions" was called but not cleared after 13000ms. See https://remotion.dev/docs/timeout for help. --- callstack: ---  ' +
  'at delayRenderInternal (blob:null/runtime-1:40:100) at blob:null/runtime-1:41:20 at Captions (blob:null/bundle-9:120:18) at renderWithHooks (blob:null/runtime-1:900:3)';

describe('parseStuckDelayRender', () => {
  it('reads the label, the time and the creation frames', () => {
    const stuck = parseStuckDelayRender(REMOTION_MESSAGE, 'Error: …\n    at check (blob:null/runtime-1:5000:1)');
    expect(stuck).toMatchObject({ label: 'Loading captions', afterMs: 13000 });
    expect(stuck!.frames).toContain('at Captions (blob:null/bundle-9:120:18)');
    expect(stuck!.frames).toContain('at check (blob:null/runtime-1:5000:1)');
  });

  it('reads a handle without a label', () => {
    expect(parseStuckDelayRender('A delayRender() was called but not cleared after 1000ms.')).toMatchObject({ label: null, afterMs: 1000 });
  });

  it('is null for other errors', () => {
    expect(parseStuckDelayRender('Cannot read properties of undefined')).toBeNull();
  });
});

describe('explainStuckDelayRender', () => {
  it('names the label and the project line that created the handle', () => {
    const stuck = parseStuckDelayRender(REMOTION_MESSAGE)!;
    const site = creationSite(stuck, (frame) => (frame.includes('bundle-9:120:18') ? 'src/Captions.tsx:12:20' : null));
    expect(site).toBe('src/Captions.tsx:12:20');
    expect(explainStuckDelayRender(stuck, site)).toBe(
      'delayRender("Loading captions"), created at src/Captions.tsx:12:20, was never cleared: continueRender() was not called within 13 s, so the frame could not be rendered. Check that what it waits for exists (a missing staticFile, a failed fetch) and call continueRender(handle) or cancelRender(error) on every path.',
    );
  });

  it('says so when neither label nor place is known', () => {
    const stuck = parseStuckDelayRender('A delayRender() was called but not cleared after 8000ms.')!;
    expect(creationSite(stuck, () => null)).toBeNull();
    expect(explainStuckDelayRender(stuck, null)).toMatch(/^A delayRender\(\) without a label was never cleared: continueRender\(\) was not called within 8 s/);
  });
});
