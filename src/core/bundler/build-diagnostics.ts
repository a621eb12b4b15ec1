import type { Message } from 'esbuild-wasm';

/** One build problem, pointing at the project file: what the gutter and the problems list show. */
export interface BuildDiagnostic {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
  severity: 'error' | 'warning';
  lineText?: string;
}

/** Maps an esbuild message (0-based column, namespaced path) to a project diagnostic. */
export function toDiagnostic(message: Message, severity: BuildDiagnostic['severity']): BuildDiagnostic {
  const loc = message.location;
  const text = message.notes.length ? `${message.text} (${message.notes.map((n) => n.text).join('; ')})` : message.text;
  return {
    file: loc ? stripNamespace(loc.file) : '',
    line: loc?.line ?? 0,
    column: loc ? loc.column + 1 : 0,
    message: text,
    severity,
    ...(loc?.lineText ? { lineText: loc.lineText } : {}),
  };
}

function stripNamespace(file: string): string {
  return file.replace(/^[a-z-]+:/, '');
}

/** "src/Root.tsx:12:5 Expected ")" but found "}"" */
export function formatDiagnostic(d: BuildDiagnostic): string {
  return d.file ? `${d.file}:${d.line}:${d.column} ${d.message}` : d.message;
}
