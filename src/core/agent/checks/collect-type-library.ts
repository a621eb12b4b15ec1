import type ts from 'typescript';
import { GOOGLE_FONT_DECLARATION } from './google-font-declaration.ts';
import { stripDeclarationComments } from './strip-declaration-comments.ts';
import { TYPE_LIBRARY_ROOTS, type TypeLibraryBundle, type WildcardFile } from './type-library.ts';
import { typeCheckCompilerOptions } from './typescript-type-checker.ts';

export interface TypeLibrarySource {
  ts: typeof ts;
  /** The folder whose node_modules holds the vendored packages and their types (the repository). */
  packagesRoot: string;
  /** Folder holding TypeScript's lib.*.d.ts. */
  libDirectory: string;
  readFile(path: string): string | undefined;
  fileExists(path: string): boolean;
  directoryExists(path: string): boolean;
  /** Every import specifier a project may use. */
  specifiers: readonly string[];
  /** One `@remotion/google-fonts/<Font>` specifier: where it resolves, any font name gets GOOGLE_FONT_DECLARATION. */
  sampleFontSpecifier: string;
}

/** package.json fields module resolution reads; the rest (scripts, dependencies…) is dead weight. */
const MANIFEST_FIELDS = ['name', 'version', 'type', 'types', 'typings', 'main', 'module', 'exports', 'imports', 'typesVersions'];

/**
 * The type library for the app's TypeScript worker, collected by letting the compiler itself
 * resolve every vendored specifier with the checker's options: whatever it reads (lib files, .d.ts,
 * package.json along `types`/`exports`/relative imports) is what a check can need, and nothing else.
 * Throws when a specifier does not resolve, so a broken library fails the build, not the agent.
 */
export function collectTypeLibrary(source: TypeLibrarySource): TypeLibraryBundle {
  const { ts: t } = source;
  const packagesRoot = source.packagesRoot.replace(/\/+$/, '');
  const libDirectory = source.libDirectory.replace(/\/+$/, '');
  const nodeModules = `${packagesRoot}/node_modules/`;
  const entry = `${packagesRoot}/__type_library_entry__/entry.ts`;
  const entryText = source.specifiers.map((s, i) => `import * as m${i} from ${JSON.stringify(s)};\n`).join('');

  const virtualPath = (path: string): string | null => {
    if (path.startsWith(`${libDirectory}/`)) return `${TYPE_LIBRARY_ROOTS.lib}/${path.slice(libDirectory.length + 1)}`;
    if (path.startsWith(nodeModules)) return `${TYPE_LIBRARY_ROOTS.nodeModules}/${path.slice(nodeModules.length)}`;
    return null;
  };
  const read = new Map<string, string>();
  const readFile = (path: string) => {
    if (path === entry) return entryText;
    const text = source.readFile(path);
    if (text !== undefined && virtualPath(path)) read.set(path, text);
    return text;
  };
  const options = typeCheckCompilerOptions(t);
  const host: ts.CompilerHost = {
    getSourceFile: (fileName, languageVersion) => {
      const text = readFile(fileName);
      return text === undefined ? undefined : t.createSourceFile(fileName, text, languageVersion);
    },
    getDefaultLibFileName: () => `${libDirectory}/lib.d.ts`,
    getDefaultLibLocation: () => libDirectory,
    writeFile: () => {},
    getCurrentDirectory: () => packagesRoot,
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => f === entry || source.fileExists(f),
    readFile,
    directoryExists: (d) => source.directoryExists(d),
  };
  const program = t.createProgram({ rootNames: [entry], options, host });
  const unresolved = program.getSemanticDiagnostics(program.getSourceFile(entry)).map((d) => t.flattenDiagnosticMessageText(d.messageText, ' '));
  if (unresolved.length > 0) throw new Error(`The type library is incomplete:\n${unresolved.join('\n')}`);

  const font = t.resolveModuleName(source.sampleFontSpecifier, entry, options, host).resolvedModule?.resolvedFileName;
  const fontName = source.sampleFontSpecifier.split('/').pop()!;
  const fontPath = font && virtualPath(font);
  if (!fontPath?.includes(fontName)) throw new Error(`${source.sampleFontSpecifier} does not resolve inside node_modules (got ${font}).`);
  const at = fontPath.lastIndexOf(fontName);
  const wildcardFiles: WildcardFile[] = [{ prefix: fontPath.slice(0, at), suffix: fontPath.slice(at + fontName.length), text: GOOGLE_FONT_DECLARATION }];

  const files: Record<string, string> = {};
  for (const [path, text] of [...read].sort(([a], [b]) => a.localeCompare(b))) {
    files[virtualPath(path)!] = path.endsWith('package.json') ? trimManifest(text) : path.endsWith('.d.ts') || path.endsWith('.d.mts') || path.endsWith('.d.cts') ? stripDeclarationComments(t, path, text) : text;
  }
  return { typescriptVersion: t.version, libDirectory: TYPE_LIBRARY_ROOTS.lib, files, wildcardFiles };
}

function trimManifest(text: string): string {
  const manifest = JSON.parse(text) as Record<string, unknown>;
  // With `exports`, bundler resolution never consults typesVersions (google-fonts': 80 KB of font names).
  if ('exports' in manifest) delete manifest.typesVersions;
  return JSON.stringify(Object.fromEntries(MANIFEST_FIELDS.filter((k) => k in manifest).map((k) => [k, manifest[k]])));
}
