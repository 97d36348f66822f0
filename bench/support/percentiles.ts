/**
 * Latency summaries: nearest-rank percentiles (the value below which q of the samples fall, always an
 * observed sample, never interpolated).
 * @module
 */

export function percentile(sorted: readonly number[], q: number): number {
  if (!sorted.length) throw new Error('no samples')
  const rank = Math.max(1, Math.ceil(q * sorted.length))
  return sorted[rank - 1]!
}

export interface LatencySummary {
  count: number
  p50: number
  p90: number
  p99: number
  max: number
}

/** Timed-out requests may be passed as Infinity: they then rank last, as they should, instead of vanishing. */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 10) / 10
  return { count: sorted.length, p50: round(percentile(sorted, 0.5)), p90: round(percentile(sorted, 0.9)), p99: round(percentile(sorted, 0.99)), max: round(sorted.at(-1)!) }
}
