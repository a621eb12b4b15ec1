import type { BuildDiagnostic } from '../../bundler/build-diagnostics.ts';

export interface BuildCheckInput {
  files: ReadonlyMap<string, string>;
  assetNames: ReadonlySet<string>;
  signal?: AbortSignal;
}

export interface BuildCheckReport {
  /** Bundle errors (esbuild: syntax, unresolved imports, packages outside the vendored set). */
  bundleErrors: BuildDiagnostic[];
  /** TypeScript type errors (the app runs the compiler in a worker); empty when not checked. */
  typeErrors: BuildDiagnostic[];
  warnings: BuildDiagnostic[];
  /** Whether type errors were looked for at all. */
  typeChecked: boolean;
  ms: number;
}

/** Bundles the project and type-checks it. Implemented by the app's bundler + TS workers. */
export interface BuildChecker {
  check(input: BuildCheckInput): Promise<BuildCheckReport>;
}
