import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic } from '../core/bundler/build-diagnostics';
import { bundleDir } from './bundle-command';
import { findComposition, openEngine } from './engine-session';
import { readProjectDir } from './read-project-dir';

/** The repository root (where dist/ and the harness live), from this module's location in .cache/cli. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface StillArgs {
  dir: string;
  composition: string;
  frame: number;
  out: string;
  props: Record<string, unknown>;
}

export interface RenderArgs {
  dir: string;
  composition: string;
  out: string;
  frames?: [number, number];
  props: Record<string, unknown>;
}

async function withEngine<T>(dir: string, run: (engine: Awaited<ReturnType<typeof openEngine>>) => Promise<T>): Promise<T> {
  const bundle = await bundleDir(dir);
  if (!bundle.ok) throw new Error(`The project does not bundle:\n${bundle.errors.map(formatDiagnostic).join('\n')}`);
  const engine = await openEngine(ROOT, bundle.code, await readProjectDir(dir));
  try {
    return await run(engine);
  } finally {
    await engine.close();
  }
}

/** The runtime's compatibility warnings (remote media as placeholders, fonts offline), also on stderr. */
async function engineWarnings(engine: Awaited<ReturnType<typeof openEngine>>): Promise<string[]> {
  const warnings = await engine.page.evaluate(() => (window as unknown as { directorEngine: { warnings: () => { message: string }[] } }).directorEngine.warnings().map((w) => w.message));
  for (const w of warnings) console.error(`warning: ${w}`);
  return warnings;
}

/** `director still`: one frame as PNG through the app's engine. Prints {ok, width, height, frames, ms}. */
export async function stillCommand(args: StillArgs): Promise<number> {
  const start = performance.now();
  return withEngine(args.dir, async (engine) => {
    const comp = findComposition(engine.compositions, args.composition);
    const base64 = await engine.page.evaluate(
      ({ id, props, frame }) => (window as unknown as { directorEngine: { still: (i: string, p: object, f: number) => Promise<string> } }).directorEngine.still(id, props, frame),
      { id: comp.id, props: args.props, frame: args.frame },
    );
    await writeFile(args.out, Buffer.from(base64, 'base64'));
    const warnings = await engineWarnings(engine);
    console.log(JSON.stringify({ ok: true, width: comp.width, height: comp.height, frames: 1, ms: Math.round(performance.now() - start), warnings }));
    return 0;
  });
}

/** `director render`: the composition (or a frame range) as MP4/WebM through the app's engine. */
export async function renderCommand(args: RenderArgs): Promise<number> {
  const start = performance.now();
  const container = args.out.toLowerCase().endsWith('.webm') ? 'webm' : 'mp4';
  return withEngine(args.dir, async (engine) => {
    const comp = findComposition(engine.compositions, args.composition);
    const range = args.frames ? ([Math.max(0, args.frames[0]), Math.min(comp.durationInFrames - 1, args.frames[1])] as [number, number]) : undefined;
    const base64 = await engine.page.evaluate(
      ({ id, props, container, range }) =>
        (window as unknown as { directorEngine: { render: (i: string, p: object, c: string, r?: [number, number]) => Promise<string> } }).directorEngine.render(id, props, container, range),
      { id: comp.id, props: args.props, container, range },
    );
    await writeFile(args.out, Buffer.from(base64, 'base64'));
    const frames = range ? range[1] - range[0] + 1 : comp.durationInFrames;
    const warnings = await engineWarnings(engine);
    console.log(JSON.stringify({ ok: true, width: comp.width, height: comp.height, frames, ms: Math.round(performance.now() - start), warnings }));
    return 0;
  });
}
