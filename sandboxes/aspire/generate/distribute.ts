/** Splits `total` into integer parts proportional to `weights` (largest remainder, deterministic). */
export function distribute(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0)
  if (sum <= 0 || weights.length === 0) return weights.map(() => 0)
  const exact = weights.map((weight) => (total * weight) / sum)
  const counts = exact.map(Math.floor)
  let left = total - counts.reduce((acc, count) => acc + count, 0)
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.index - b.index)
  for (const { index } of order) {
    if (left <= 0) break
    counts[index]!++
    left--
  }
  return counts
}
