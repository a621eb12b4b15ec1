/** The zeroth-order modified Bessel function of the first kind, by its series (30 terms: ample for window betas up to ~20). */
export function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 30; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}

/** The Kaiser window at x in -1..1 (0 outside): the taper of the windowed-sinc filters. */
export function kaiser(x: number, beta: number): number {
  if (Math.abs(x) > 1) return 0;
  return besselI0(beta * Math.sqrt(1 - x * x)) / besselI0(beta);
}
