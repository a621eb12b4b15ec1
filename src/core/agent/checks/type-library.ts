import type { TypeLibrary } from './typescript-type-checker.ts';

/** Where the app serves the bundle, relative to its base URL (made at build time by the Vite plugin). */
export const TYPE_LIBRARY_ASSET = 'typescript/type-library.json';

/** Where the checker in the app's TypeScript worker mounts things (a virtual file system). */
export const TYPE_LIBRARY_ROOTS = {
  project: '/project',
  nodeModules: '/node_modules',
  lib: '/typescript/lib',
} as const;

/** A family of files that share one text, e.g. every `@remotion/google-fonts/<Font>` declaration. */
export interface WildcardFile {
  prefix: string;
  suffix: string;
  text: string;
}

/**
 * The declarations a type check may read, as served to the worker (one JSON file from our origin):
 * TypeScript's lib files and the vendored packages' .d.ts and package.json, at virtual paths.
 */
export interface TypeLibraryBundle {
  /** The compiler the lib files came from; the worker should run the same one. */
  typescriptVersion: string;
  libDirectory: string;
  files: Record<string, string>;
  wildcardFiles: WildcardFile[];
}

/** The middle of a wildcard path: a font name, as the bundler accepts it. */
const WILDCARD_NAME = /^[A-Za-z0-9]+$/;

/** A TypeLibrary over a bundle: plain lookups, so it works in a worker without any file system. */
export function typeLibraryFromBundle(bundle: TypeLibraryBundle): TypeLibrary {
  const files = new Map(Object.entries(bundle.files));
  const directories = new Set<string>(['/']);
  for (const path of files.keys()) {
    for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) directories.add(path.slice(0, i));
  }
  const wildcardText = (path: string) =>
    bundle.wildcardFiles.find(
      (w) => path.length > w.prefix.length + w.suffix.length && path.startsWith(w.prefix) && path.endsWith(w.suffix) && WILDCARD_NAME.test(path.slice(w.prefix.length, path.length - w.suffix.length)),
    )?.text;
  return {
    libDirectory: bundle.libDirectory,
    fileExists: (path) => files.has(path) || wildcardText(path) !== undefined,
    readFile: (path) => files.get(path) ?? wildcardText(path),
    directoryExists: (path) => directories.has(path.replace(/\/+$/, '') || '/'),
  };
}
