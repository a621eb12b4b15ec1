import type ts from 'typescript';
import type { BuildDiagnostic } from '../../bundler/build-diagnostics.ts';
import type { BuildCheckInput } from '../ports/build-checker.ts';

/** Where the checker finds everything that is not a project file: lib.*.d.ts and the vendored packages' types. */
export interface TypeLibrary {
  fileExists(path: string): boolean;
  readFile(path: string): string | undefined;
  directoryExists?(path: string): boolean;
  /** Folder holding TypeScript's lib.*.d.ts. */
  libDirectory: string;
}

export interface TypeScriptCheckerOptions {
  /** The `typescript` module (the app loads it in a worker; Node tests import it). */
  ts: typeof ts;
  library: TypeLibrary;
  /**
   * Absolute folder the project's files are mounted at (virtually). Package imports resolve from
   * `<projectRoot>/node_modules` upwards, so put it where `library` can see the vendored types.
   */
  projectRoot: string;
  maxErrors?: number;
  /** Parsed library files, shared by the checkers of one worker so lib.dom is parsed once, not per project. */
  libraryFiles?: Map<string, ts.SourceFile>;
}

/**
 * The compiler options of every check. The type library is collected with the same options, so it
 * holds exactly the files these resolve to.
 */
export function typeCheckCompilerOptions(t: typeof ts): ts.CompilerOptions {
  return {
    target: t.ScriptTarget.ES2022,
    module: t.ModuleKind.ESNext,
    moduleResolution: t.ModuleResolutionKind.Bundler,
    jsx: t.JsxEmit.ReactJSX,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowUmdGlobalAccess: true,
    resolveJsonModule: true,
    allowImportingTsExtensions: true,
    esModuleInterop: true,
    types: [],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  };
}

/**
 * Type errors of a project with the real TypeScript compiler, as BuildDiagnostics (project files
 * only, 1-based line:col). Keeps the previous Program so re-checks after an edit reuse work.
 * Meant for a BundlerBuildChecker's `typeCheck` option, in the app's TypeScript worker.
 */
export function makeTypeScriptTypeChecker(options: TypeScriptCheckerOptions): (input: BuildCheckInput) => Promise<BuildDiagnostic[]> {
  const { ts: t, library, projectRoot } = options;
  const root = projectRoot.replace(/\/+$/, '');
  const compilerOptions = typeCheckCompilerOptions(t);
  const libCache = options.libraryFiles ?? new Map<string, ts.SourceFile>();
  let program: ts.Program | undefined;

  return async ({ files }) => {
    const abs = (p: string) => `${root}/${p}`;
    const project = new Map([...files].map(([p, c]) => [abs(p), c]));
    const host: ts.CompilerHost = {
      getSourceFile(fileName, languageVersion) {
        const text = project.get(fileName);
        if (text !== undefined) return t.createSourceFile(fileName, text, languageVersion, true);
        const cached = libCache.get(fileName);
        if (cached) return cached;
        const lib = library.readFile(fileName);
        if (lib === undefined) return undefined;
        const sf = t.createSourceFile(fileName, lib, languageVersion, true);
        libCache.set(fileName, sf);
        return sf;
      },
      getDefaultLibFileName: () => `${library.libDirectory}/lib.d.ts`,
      getDefaultLibLocation: () => library.libDirectory,
      writeFile: () => {},
      getCurrentDirectory: () => root,
      getCanonicalFileName: (f) => f,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      fileExists: (f) => project.has(f) || library.fileExists(f),
      readFile: (f) => project.get(f) ?? library.readFile(f),
      directoryExists: (d) => [...project.keys()].some((f) => f.startsWith(`${d}/`)) || (library.directoryExists?.(d) ?? true),
    };
    const roots = [...project.keys()].filter((f) => /\.(tsx?|jsx?)$/.test(f));
    program = t.createProgram({ rootNames: roots, options: compilerOptions, host, oldProgram: program });
    const out: BuildDiagnostic[] = [];
    for (const sf of program.getSourceFiles()) {
      if (!project.has(sf.fileName)) continue;
      for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
        const { line, character } = sf.getLineAndCharacterOfPosition(d.start ?? 0);
        out.push({ file: sf.fileName.slice(root.length + 1), line: line + 1, column: character + 1, message: `TS${d.code}: ${t.flattenDiagnosticMessageText(d.messageText, ' ')}`, severity: 'error' });
        if (out.length >= (options.maxErrors ?? 50)) return out;
      }
    }
    return out;
  };
}
