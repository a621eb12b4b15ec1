import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectVideo } from './support/inspect-video.js';
import { startTestService, waitForRender } from './support/service-harness.js';
import { templateRequest } from './support/template-project.js';

// Real renders: @remotion/bundler (webpack) + @remotion/renderer with /usr/bin/chromium.
// Director's "basic" template made at 1920x1080, 10 fps: three scenes with fades, 60 frames.
const SIZE = { width: 1920, height: 1080, fps: 10 };
const FRAMES = 60;

let service: Awaited<ReturnType<typeof startTestService>>;
beforeAll(async () => {
  // 'auto': fonts are tried on the network first; this machine has none, so the fallback is tested.
  service = await startTestService({ RENDER_GOOGLE_FONTS: 'auto' });
});
afterAll(() => service.close());

const start = async (body: unknown) => {
  const res = await service.call('/renders', { method: 'POST', body: JSON.stringify(body) });
  expect(res.status).toBe(202);
  return ((await res.json()) as any).render;
};

describe('local backend', () => {
  it('renders a template to a 1920x1080 MP4 with every frame', async () => {
    const queued = await start(templateRequest('basic', SIZE, { inputProps: { title: 'Server render' } }));
    expect(queued).toMatchObject({ status: expect.stringMatching(/queued|rendering/), progress: 0, composition: 'Main', codec: 'h264' });

    const early = await service.call(`/renders/${queued.id}/file`);
    expect(early.status).toBe(409);
    expect((await early.json() as any).error.code).toBe('conflict');

    const done = await waitForRender(service.call, queued.id);
    expect(done, JSON.stringify(done.error)).toMatchObject({ status: 'done', stage: 'done', progress: 1, frames: FRAMES, bundleCached: false });
    expect(done.output).toMatchObject({ contentType: 'video/mp4', fileName: expect.stringMatching(/\.mp4$/) });

    const file = await service.call(`/renders/${queued.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('video/mp4');
    expect(file.headers.get('content-disposition')).toContain('attachment');
    const bytes = await file.arrayBuffer();
    expect(bytes.byteLength).toBe(done.output.size);
    const video = await inspectVideo(bytes);
    expect(video).toMatchObject({ width: 1920, height: 1080, frames: FRAMES });
    expect(video.codec).toMatch(/^avc1/);
  });

  it('reuses the cached bundle for the same project', async () => {
    const render = await start(templateRequest('basic', SIZE, { frameRange: [10, 14] }));
    const done = await waitForRender(service.call, render.id);
    expect(done).toMatchObject({ status: 'done', frames: 5, bundleCached: true });
    // A cache hit is a hash and a map lookup, not a webpack run; its time is measured by the render
    // service's bench (bundle.explainer.cache_hit), not asserted on shared cores.
    console.log(`bundle: cache hit ${done.timings.bundleMs} ms`);
    const video = await inspectVideo(await (await service.call(`/renders/${render.id}/file`)).arrayBuffer());
    expect(video.frames).toBe(5);
  });

  it('cancels a running render', async () => {
    const render = await start(templateRequest('basic', SIZE));
    for (let i = 0; i < 400; i++) {
      const { render: now } = (await (await service.call(`/renders/${render.id}`)).json()) as any;
      if (now.stage === 'rendering' && now.renderedFrames > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const cancelled = await (await service.call(`/renders/${render.id}`, { method: 'DELETE' })).json() as any;
    expect(cancelled.render).toMatchObject({ status: 'cancelled', stage: 'cancelled' });
    expect(cancelled.render.progress).toBeLessThan(1);
    const file = await service.call(`/renders/${render.id}/file`);
    expect(file.status).toBe(409);
    // The slot frees up: a following render still runs.
    const next = await waitForRender(service.call, (await start(templateRequest('basic', SIZE, { frameRange: [0, 1] }))).id);
    expect(next.status).toBe('done');
  });

  it('reports a build error with file and line', async () => {
    const request = templateRequest('basic', SIZE);
    const files = { ...request.source.files, 'src/scenes/OutroScene.tsx': 'import {AbsoluteFill} from "remotion";\n\nexport const OutroScene = () => {\n  return <AbsoluteFill>{</AbsoluteFill>;\n};\n' };
    const render = await start({ ...request, source: { ...request.source, files } });
    const failed = await waitForRender(service.call, render.id);
    expect(failed).toMatchObject({ status: 'failed', stage: 'failed', error: { code: 'build_failed', file: 'src/scenes/OutroScene.tsx', line: 4 } });
    expect(failed.error.message).toContain('src/scenes/OutroScene.tsx:4');
    expect(failed.error.message).not.toContain(service.config.workDir);
  });

  it('names a composition that does not exist', async () => {
    const failed = await waitForRender(service.call, (await start({ ...templateRequest('basic', SIZE), composition: 'Nope' })).id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'composition_not_found' } });
    expect(failed.error.message).toContain('Nope');
  });
});

describe('google fonts without network', () => {
  it('renders with a local fallback font instead of failing', async () => {
    const files = {
      'src/index.ts': "import {registerRoot} from 'remotion';\nimport {Root} from './Root';\nregisterRoot(Root);\n",
      'src/Root.tsx': `import {AbsoluteFill, Composition} from 'remotion';
import {loadFont, fontFamily} from '@remotion/google-fonts/Roboto';
loadFont('normal', {weights: ['400'], subsets: ['latin']});
const Title = () => <AbsoluteFill style={{fontFamily, fontSize: 80, color: 'white', background: '#123'}}>Roboto?</AbsoluteFill>;
export const Root = () => <Composition id="Font" component={Title} durationInFrames={3} fps={30} width={320} height={180} />;
`,
    };
    const done = await waitForRender(service.call, (await start({ source: { entry: 'src/index.ts', files }, composition: 'Font', codec: 'h264', width: 320, height: 180 })).id);
    expect(done, JSON.stringify(done.error)).toMatchObject({ status: 'done', frames: 3 });
  });
});
