// Types for the unit test (tests/architecture/import-boundaries.test.ts).
export interface BoundaryViolation {
  file: string;
  line: number;
  specifier: string;
  from: string;
  to: string;
}
export function findBoundaryViolations(root: string): BoundaryViolation[];
export function formatViolation(violation: BoundaryViolation): string;
