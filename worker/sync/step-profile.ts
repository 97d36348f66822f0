/**
 * Where a sync step's time goes, for the ingest benchmark only (`SYNC_PROFILE=true`, set by bench/support/measure-sync):
 * wall time per phase, summed over the step's pages and logged once when the step ends. Inside workerd the clock moves
 * only at I/O, so a phase's time holds the CPU work done since the previous I/O ended plus its own I/O: read it as
 * "from the previous await to the end of this one".
 * @module
 */
export interface StepProfile {
  time<T>(phase: string, work: () => Promise<T>): Promise<T>
  add(phase: string, ms: number): void
  /** One log line: the step's phases and counters, then forgets them. */
  flush(label: string, extra: Record<string, number>): void
}

const off: StepProfile = { time: (_phase, work) => work(), add: () => {}, flush: () => {} }

export function stepProfile(enabled: boolean): StepProfile {
  if (!enabled) return off
  const ms: Record<string, number> = {}
  const add = (phase: string, n: number) => {
    ms[phase] = (ms[phase] ?? 0) + n
    // The slowest single one too (named without the Ms suffix, so it is not summed with the totals).
    const max = `${phase.replace(/Ms$/, '')}Max`
    ms[max] = Math.max(ms[max] ?? 0, n)
  }
  return {
    async time(phase, work) {
      const t = Date.now()
      try {
        return await work()
      } finally {
        add(phase, Date.now() - t)
      }
    },
    add,
    flush(label, extra) {
      console.log(`sync-profile ${label} ${JSON.stringify({ ...extra, ...ms })}`)
      for (const key of Object.keys(ms)) delete ms[key]
    },
  }
}
