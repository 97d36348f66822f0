/**
 * `Math.round(Number(x.toFixed(4)))` for `x` = dollars × 100: whole cents once the float noise past the fourth
 * decimal is dropped (0.285 × 100 is 28.499999999999996, and must round to 29). `toFixed` builds a string per
 * value, which was a large part of mapping a backfill; it can only change the result when `x` lies within 0.00005
 * of a half cent, so values clear of that (nearly all) are rounded directly. Zero comes back as +0, as from
 * `Number("0.0000")`.
 */
export function roundNoisyCents(x: number): number {
  // Exact for |x| ≥ 1; for x in (-1, 0) the rounding of x + 1 is far below the margin. NaN and ±Infinity fail both tests.
  const fraction = x - Math.floor(x)
  if (fraction < 0.499 || fraction > 0.501) return x === 0 ? 0 : Math.round(x)
  return Math.round(Number(x.toFixed(4)))
}
