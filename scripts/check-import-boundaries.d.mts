// Types for the unit test (tests/architecture/import-boundaries.test.ts).
export interface BoundaryViolation {
  file: string;
  line: number;
  specifier: string;
  from: string;
  to: string;
  /** 'global': a forbidden browser global rather than an import. */
  kind?: 'global';
}
export function findBoundaryViolations(root: string): BoundaryViolation[];
export function formatViolation(violation: BoundaryViolation): string;
