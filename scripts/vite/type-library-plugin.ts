/**
 * Vite plugin: the type library of the app's TypeScript worker (lib files and the vendored
 * packages' declarations, see core/agent/checks/collect-type-library), made from node_modules and
 * served from our origin as one JSON file: emitted into the build (and so precached), served by
 * the dev server.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { collectTypeLibrary } from '../../src/core/agent/checks/collect-type-library.ts';
import { TYPE_LIBRARY_ASSET } from '../../src/core/agent/checks/type-library.ts';
import { VENDORED_SPECIFIERS } from '../../src/core/bundler/vendored-packages.ts';

/** The library as JSON, collected with the compiler the worker bundles. */
export async function buildTypeLibraryJson(packagesRoot: string): Promise<string> {
  const require = createRequire(path.join(packagesRoot, 'package.json'));
  // Loaded here, not at the top: configs that never serve the library do not pay for the compiler.
  const { default: ts } = await import('typescript');
  const bundle = collectTypeLibrary({
    ts,
    packagesRoot,
    libDirectory: path.dirname(require.resolve('typescript/lib/lib.d.ts')),
    readFile: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined),
    fileExists: (p) => existsSync(p) && statSync(p).isFile(),
    directoryExists: (p) => existsSync(p) && statSync(p).isDirectory(),
    specifiers: VENDORED_SPECIFIERS,
    sampleFontSpecifier: '@remotion/google-fonts/Inter',
  });
  return JSON.stringify(bundle);
}

export function typeLibraryPlugin(): Plugin {
  let root = process.cwd();
  let json: Promise<string> | null = null;
  const library = () => (json ??= buildTypeLibraryJson(root));
  return {
    name: 'director-type-library',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      server.middlewares.use(`/${TYPE_LIBRARY_ASSET}`, (_req, res, next) => {
        library().then(
          (text) => {
            res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache', 'Cross-Origin-Resource-Policy': 'same-origin' });
            res.end(text);
          },
          (error: unknown) => next(error),
        );
      });
    },
    async generateBundle() {
      const source = await library();
      this.emitFile({ type: 'asset', fileName: TYPE_LIBRARY_ASSET, source });
      this.info(`${TYPE_LIBRARY_ASSET}: ${(source.length / 1e6).toFixed(2)} MB (${(gzipSync(source).length / 1e6).toFixed(2)} MB gzipped)`);
    },
  };
}
