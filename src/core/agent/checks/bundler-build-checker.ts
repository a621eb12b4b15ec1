import type { BuildDiagnostic } from '../../bundler/build-diagnostics';
import { makeProjectBundler, type EsbuildApi } from '../../bundler/bundle-project';
import type { BuildChecker, BuildCheckInput } from '../ports/build-checker';

export interface BundlerBuildCheckerOptions {
  /** Type errors from elsewhere (the app's TypeScript worker); none when absent. */
  typeCheck?: (input: BuildCheckInput) => Promise<BuildDiagnostic[]>;
}

/**
 * A BuildChecker over the real project bundler (esbuild-wasm in a worker, or in Node for tests
 * and the CLI). Builds are serialised: the bundler keeps one incremental context.
 */
export function makeBundlerBuildChecker(esbuild: EsbuildApi, options: BundlerBuildCheckerOptions = {}): BuildChecker & { dispose(): Promise<void> } {
  const bundler = makeProjectBundler(esbuild);
  let queue: Promise<unknown> = Promise.resolve();
  return {
    check(input) {
      const run = async () => {
        const start = performance.now();
        const out = await bundler.build({ files: input.files, assetNames: input.assetNames });
        const typeErrors = options.typeCheck ? await options.typeCheck(input) : [];
        return { bundleErrors: out.errors, typeErrors, warnings: out.warnings, typeChecked: Boolean(options.typeCheck), ms: performance.now() - start };
      };
      const result = queue.then(run, run);
      queue = result.catch(() => {});
      return result;
    },
    dispose: () => bundler.dispose(),
  };
}
