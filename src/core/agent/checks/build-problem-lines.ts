import { formatDiagnostic, type BuildDiagnostic } from '../../bundler/build-diagnostics';
import type { BuildCheckReport } from '../ports/build-checker';

/** Errors shown in full per check; the rest are counted ("… and N more"). */
export const MAX_BUILD_PROBLEMS = 10;
const MAX_LINE_CHARS = 160;

export interface BuildProblemLines {
  bundleErrors: string[];
  typeErrors: string[];
  /** Both kinds in order, capped, with the "… and N more" line: what goes back to the model. */
  problems: string[];
  /** Errors after deduplication, before the cap. */
  total: number;
}

/**
 * The build check's errors as the model should read them: each with its source line and a caret
 * under the column, the compiler's copy of a syntax error esbuild already reported dropped, and
 * one cap over both kinds that says how many more there are.
 *
 * @example
 * buildProblemLines(report, files).problems[0]
 * // "src/Badge.tsx:5:19 TS2304: Cannot find name 'interpolate'.\n   5 | const o = interpolate(…\n     |           ^"
 */
export function buildProblemLines(report: Pick<BuildCheckReport, 'bundleErrors' | 'typeErrors'>, files: ReadonlyMap<string, string>, max = MAX_BUILD_PROBLEMS): BuildProblemLines {
  const typeErrors = withoutDuplicatedSyntaxErrors(report.bundleErrors, report.typeErrors);
  const all = [...report.bundleErrors.map((d) => ['bundle', d] as const), ...typeErrors.map((d) => ['type', d] as const)];
  const shown = all.slice(0, max).map(([kind, d]) => [kind, withSourceLine(d, files)] as const);
  const more = all.length - shown.length;
  const moreLine = more > 0 ? [`… and ${more} more error${more > 1 ? 's' : ''} (fix these first, then check again)`] : [];
  return {
    bundleErrors: shown.filter(([k]) => k === 'bundle').map(([, l]) => l),
    typeErrors: shown.filter(([k]) => k === 'type').map(([, l]) => l),
    problems: [...shown.map(([, l]) => l), ...moreLine],
    total: all.length,
  };
}

/**
 * TypeScript reports a syntax error (TS1xxx) that esbuild also reports on the same line; the model
 * needs it once. Type errors (TS2xxx and up) are kept even on that line.
 */
export function withoutDuplicatedSyntaxErrors(bundleErrors: readonly BuildDiagnostic[], typeErrors: readonly BuildDiagnostic[]): BuildDiagnostic[] {
  const bundleLines = new Set(bundleErrors.map((d) => `${d.file}:${d.line}`));
  return typeErrors.filter((d) => !(/^TS1\d{3}:/.test(d.message) && bundleLines.has(`${d.file}:${d.line}`)));
}

/** "file:line:col message" then the line itself and a caret under the column. */
export function withSourceLine(d: BuildDiagnostic, files: ReadonlyMap<string, string>): string {
  const head = formatDiagnostic(d);
  const text = d.lineText ?? files.get(d.file)?.split('\n')[d.line - 1];
  if (!d.file || d.line < 1 || text === undefined) return head;
  return `${head}\n${sourceExcerpt(text, d.line, d.column)}`;
}

/** One source line with a caret under a 1-based column; long lines are cut around the column. */
export function sourceExcerpt(text: string, line: number, column: number): string {
  const raw = text.replace(/\t/g, '  ');
  const caret = Math.min(text.slice(0, Math.max(0, column - 1)).replace(/\t/g, '  ').length, raw.length);
  const from = raw.length > MAX_LINE_CHARS ? Math.max(0, Math.min(caret - MAX_LINE_CHARS / 2, raw.length - MAX_LINE_CHARS)) : 0;
  const lead = from > 0 ? '…' : '';
  const shown = `${lead}${raw.slice(from, from + MAX_LINE_CHARS)}${from + MAX_LINE_CHARS < raw.length ? '…' : ''}`;
  const number = String(line).padStart(4, ' ');
  return `${number} | ${shown}\n${' '.repeat(number.length)} | ${' '.repeat(caret - from + lead.length)}^`;
}
