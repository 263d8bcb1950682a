// Exact sums of ACH weights. Every weight is a power of √2 (1/2, √2/2, 1, √2, 2), so a
// score is (p + q·√2) / 2 for whole numbers p and q: kept that way, equal scores compare
// equal and removing a row takes back exactly what it added, which floating point would not.

/** (p + q·√2) / 2. */
export interface Exact {
  p: number;
  q: number;
}

/** √2 to the power `exponent` (−2 to 2), times a whole `times`. */
export function powerOfRoot2(exponent: number, times: number): Exact {
  const halves = exponent + 2; // 0..4: 1/2, √2/2, 1, √2, 2, each doubled below
  const doubled = halves % 2 === 0 ? { p: 2 ** (halves / 2), q: 0 } : { p: 0, q: 2 ** ((halves - 1) / 2) };
  return { p: doubled.p * times, q: doubled.q * times };
}

/** The sign of (p + q·√2), exactly (√2 is irrational, so it is 0 only when both are 0). */
export function signOf(p: number, q: number): number {
  if (p >= 0 && q >= 0) return p > 0 || q > 0 ? 1 : 0;
  if (p <= 0 && q <= 0) return -1;
  return p > 0 === p * p > 2 * q * q ? 1 : -1;
}

/** The sign of a − b, exactly. */
export function compareExact(a: Exact, b: Exact): number {
  return signOf(a.p - b.p, a.q - b.q);
}

export function toNumber(p: number, q: number): number {
  return (p + q * Math.SQRT2) / 2;
}
