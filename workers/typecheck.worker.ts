/**
 * TypeScript worker: the real compiler behind Comlink. Checks projects against the type library
 * (lib files and the vendored packages' declarations, one JSON file from our origin). One checker
 * per recent project, so a re-check after an edit reuses its previous program. Also parses the
 * agent's project maps (no type library needed for that).
 */
import * as Comlink from 'comlink';
import ts from 'typescript';
import { TYPE_LIBRARY_ROOTS, typeLibraryFromBundle, type TypeLibraryBundle } from '../src/core/agent/checks/type-library';
import { makeTypeScriptTypeChecker, type TypeLibrary } from '../src/core/agent/checks/typescript-type-checker';
import { parseProjectMap, type ProjectMap } from '../src/core/agent/project-map/parse-project-map';
import type { BuildDiagnostic } from '../src/core/bundler/build-diagnostics';

type Checker = ReturnType<typeof makeTypeScriptTypeChecker>;

/** Programs are large; a few recent projects keep theirs. */
const MAX_CHECKERS = 3;

let library: TypeLibrary | null = null;
const libraryFiles = new Map<string, ts.SourceFile>();
const checkers = new Map<string, Checker>();

function checkerFor(projectId: string): Checker {
  if (!library) throw new Error('The TypeScript worker has no type library yet (init was not called).');
  let checker = checkers.get(projectId);
  checkers.delete(projectId);
  checker ??= makeTypeScriptTypeChecker({ ts, library, projectRoot: TYPE_LIBRARY_ROOTS.project, libraryFiles });
  checkers.set(projectId, checker);
  if (checkers.size > MAX_CHECKERS) checkers.delete(checkers.keys().next().value!);
  return checker;
}

const api = {
  /** Loads the type library; rejects when it cannot be fetched (the page then checks bundles only). */
  async init(libraryUrl: string): Promise<{ ms: number; files: number; typescriptVersion: string }> {
    const start = performance.now();
    const response = await fetch(libraryUrl);
    if (!response.ok) throw new Error(`The type library could not be loaded (${response.status} for ${libraryUrl}).`);
    const bundle = (await response.json()) as TypeLibraryBundle;
    if (bundle.typescriptVersion !== ts.version) console.warn(`[director] The type library was made with TypeScript ${bundle.typescriptVersion}, the worker runs ${ts.version}.`);
    library = typeLibraryFromBundle(bundle);
    return { ms: performance.now() - start, files: Object.keys(bundle.files).length, typescriptVersion: ts.version };
  },
  async check(projectId: string, files: [string, string][], assetNames: string[]): Promise<BuildDiagnostic[]> {
    return checkerFor(projectId)({ files: new Map(files), assetNames: new Set(assetNames) });
  },
  /** The agent's project map, parsed here: this worker holds the compiler, the page should not load a second one. */
  mapProject(files: [string, string][]): ProjectMap {
    return parseProjectMap(new Map(files));
  },
};

export type TypecheckWorkerApi = typeof api;
Comlink.expose(api);
