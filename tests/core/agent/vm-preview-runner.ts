import { runInThisContext } from 'node:vm';
import { makeProjectBundler, type EsbuildApi } from '../../../src/core/bundler/bundle-project';
import { formatDiagnostic } from '../../../src/core/bundler/build-diagnostics';
import { locateRuntimeError } from '../../../src/core/agent/checks/runtime-error-location';
import type { PreviewRunner, PreviewRuntimeError } from '../../../src/core/agent/ports/preview-runner';
import { BUNDLE_WRAPPER_LINES } from '../../../src/core/preview/sandbox-protocol';

/**
 * A preview runner for Node tests that really runs the bundle: esbuild's output (with its inline
 * source map) is evaluated in V8 under a blob: name with the sandbox's one-line wrapper, and every
 * exported component is called at each frame through a minimal JSX runtime and `useCurrentFrame`.
 * Errors carry V8's real stack, mapped back like the app's runner does. Only for small test
 * projects that use `remotion`'s useCurrentFrame/AbsoluteFill/registerRoot.
 */
export function makeVmPreviewRunner(esbuild: EsbuildApi, durationInFrames = 60): PreviewRunner & { dispose(): Promise<void> } {
  const bundler = makeProjectBundler(esbuild);
  let evaluations = 0;
  return {
    async run({ files, assetNames, frames }) {
      const start = performance.now();
      const out = await bundler.build({ files, assetNames });
      if (!out.ok) return { built: false, buildErrors: out.errors.map(formatDiagnostic), compositions: [], renderedFrames: [], errors: [], ms: performance.now() - start };
      let frame = 0;
      type Node = { type: unknown; props: Record<string, unknown> } | string | number | null | undefined | Node[];
      const render = (node: Node): void => {
        if (Array.isArray(node)) return node.forEach(render);
        if (!node || typeof node !== 'object') return;
        if (typeof node.type === 'function') return render((node.type as (p: unknown) => Node)(node.props));
        render(node.props.children as Node);
      };
      const jsx = (type: unknown, props: Record<string, unknown>) => ({ type, props });
      const packages: Record<string, unknown> = {
        'react/jsx-runtime': { jsx, jsxs: jsx, Fragment: 'fragment' },
        remotion: { useCurrentFrame: () => frame, AbsoluteFill: 'div', registerRoot: () => {} },
      };
      const require = (name: string) => {
        if (!(name in packages)) throw new Error(`[vm preview] package ${name} is not stubbed`);
        return packages[name];
      };
      const source = `(function (require, module, exports, __director) {\n${out.code}\n})`;
      const factory = runInThisContext(source, { filename: `blob:http://director.test/bundle-${++evaluations}` }) as (...args: unknown[]) => void;
      const module = { exports: {} as Record<string, unknown> };
      const errors: PreviewRuntimeError[] = [];
      const located = (e: unknown) => {
        const error = e as Error;
        const location = locateRuntimeError(error.stack, out.code, files, BUNDLE_WRAPPER_LINES);
        return { message: error.message, ...(error.stack ? { stack: error.stack } : {}), ...(location ? { location } : {}) };
      };
      try {
        factory(require, module, module.exports, {});
      } catch (e) {
        return { built: true, buildErrors: [], compositions: [], renderedFrames: [], errors: [located(e)], ms: performance.now() - start };
      }
      const components = Object.values(module.exports).filter((v): v is (p: unknown) => Node => typeof v === 'function');
      const rendered: number[] = [];
      for (const f of frames ?? [0, Math.floor((durationInFrames - 1) / 2), durationInFrames - 1]) {
        frame = f;
        try {
          for (const c of components) render({ type: c, props: {} });
          rendered.push(f);
        } catch (e) {
          errors.push({ ...located(e), frame: f, compositionId: 'Main' });
        }
      }
      const compositions = [{ id: 'Main', width: 1280, height: 720, fps: 30, durationInFrames, defaultProps: {}, propsSchema: null }];
      return { built: true, buildErrors: [], compositions, renderedFrames: rendered, errors, ms: performance.now() - start };
    },
    dispose: () => bundler.dispose(),
  };
}
