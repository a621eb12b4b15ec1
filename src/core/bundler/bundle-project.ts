import type { BuildContext, BuildFailure, BuildOptions, BuildResult, Loader, Message, Plugin, PluginBuild } from 'esbuild-wasm';
import { toDiagnostic, type BuildDiagnostic } from './build-diagnostics';
import { findEntry } from './find-entry';
import { resolveImport } from './resolve-import';

/** The part of esbuild's API the bundler uses: satisfied by esbuild-wasm in a worker and in Node. */
export interface EsbuildApi {
  context(options: BuildOptions): Promise<BuildContext>;
}

export interface ProjectSource {
  /** Path -> source text, e.g. "src/Root.tsx". */
  files: ReadonlyMap<string, string>;
  /** Names of the project's assets (images, audio, video, fonts) as staticFile() knows them. */
  assetNames: ReadonlySet<string>;
}

export interface BundleOutput {
  ok: boolean;
  /** CommonJS code: vendored packages arrive through the runtime's `require`. */
  code: string;
  bytes: number;
  ms: number;
  entry: string | null;
  errors: BuildDiagnostic[];
  warnings: BuildDiagnostic[];
}

const LOADERS: Record<string, Loader> = { tsx: 'tsx', ts: 'ts', jsx: 'jsx', js: 'js', mjs: 'js', json: 'json', css: 'text' };
const NS = { project: 'project', asset: 'director-asset', font: 'director-font' } as const;

/**
 * A bundler for one project that rebuilds incrementally: create it once, then call `build` with
 * the current sources after every edit. Resolution is `resolveImport`'s; esbuild does the rest.
 */
export function makeProjectBundler(esbuild: EsbuildApi) {
  let current: ProjectSource = { files: new Map(), assetNames: new Set() };
  let context: BuildContext | null = null;
  let contextEntry: string | null = null;

  const plugin: Plugin = {
    name: 'director-project',
    setup(build: PluginBuild) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return { path: args.path, namespace: NS.project };
        const importer = args.namespace === NS.project ? args.importer : '';
        const r = resolveImport(args.path, importer, current.files, current.assetNames);
        switch (r.kind) {
          case 'file':
            return { path: r.path, namespace: NS.project };
          case 'package':
            return { path: r.specifier, external: true };
          case 'asset':
            return { path: r.name, namespace: NS.asset };
          case 'google-font':
            return { path: r.font, namespace: NS.font };
          case 'error':
            return { errors: [{ text: r.message }] };
        }
      });
      build.onLoad({ filter: /.*/, namespace: NS.project }, (args) => {
        const contents = current.files.get(args.path);
        if (contents === undefined) return { errors: [{ text: `File ${args.path} was removed.` }] };
        const ext = args.path.split('.').pop()!.toLowerCase();
        if (ext === 'css') return { contents: `__director.injectCss(${JSON.stringify(contents)}, ${JSON.stringify(args.path)});`, loader: 'js' };
        return { contents, loader: LOADERS[ext] ?? 'tsx' };
      });
      build.onLoad({ filter: /.*/, namespace: NS.asset }, (args) => ({
        contents: `module.exports = __director.assetUrl(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
      build.onLoad({ filter: /.*/, namespace: NS.font }, (args) => ({
        contents: `module.exports = __director.googleFont(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
    },
  };

  const options = (entry: string): BuildOptions => ({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'react',
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [plugin],
  });

  const buildNow = async (source: ProjectSource): Promise<BundleOutput> => {
      const start = performance.now();
      current = source;
      const entry = findEntry(source.files);
      if (!entry) {
        // An empty project is a start, not a mistake: say how to begin (the canvas's Composition node shows this).
        const message =
          source.files.size === 0
            ? 'This project has no code yet: pick a template or describe the video to the Director in the Code view.'
            : 'No entry point: add src/index.ts calling registerRoot(Root) from "remotion".';
        return { ok: false, code: '', bytes: 0, ms: performance.now() - start, entry, errors: [{ file: '', line: 0, column: 0, message, severity: 'error' }], warnings: [] };
      }
      if (!context || contextEntry !== entry) {
        await context?.dispose();
        context = await esbuild.context(options(entry));
        contextEntry = entry;
      }
      let result: BuildResult;
      try {
        result = await context.rebuild();
      } catch (e) {
        const failure = e as BuildFailure;
        return {
          ok: false,
          code: '',
          bytes: 0,
          ms: performance.now() - start,
          entry,
          errors: (failure.errors ?? [{ text: String(e) } as Message]).map((m) => toDiagnostic(m, 'error')),
          warnings: (failure.warnings ?? []).map((m) => toDiagnostic(m, 'warning')),
        };
      }
      const code = result.outputFiles?.[0]?.text ?? '';
      return { ok: true, code, bytes: code.length, ms: performance.now() - start, entry, errors: [], warnings: result.warnings.map((m) => toDiagnostic(m, 'warning')) };
  };

  // One build at a time: esbuild joins a rebuild asked for while one runs (returning the older
  // sources' output), and two first builds would each make a context. Queued builds run in order.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    build: (source: ProjectSource): Promise<BundleOutput> => serially(() => buildNow(source)),
    dispose: () =>
      serially(async () => {
        await context?.dispose();
        context = null;
      }),
  };
}

export type ProjectBundler = ReturnType<typeof makeProjectBundler>;
