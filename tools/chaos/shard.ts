/**
 * One shard of `npm run chaos`: seeds `seed, seed+1, …` are dealt round-robin to the shard files, which
 * vitest runs side by side (one per core). Each seed is its own test, so a failure names its seed.
 * @module
 */
import { afterAll, describe, expect, inject, it } from 'vitest'
import { type ChaosOutcome, describeOutcome, runChaos, vendorOfSeed } from './run-chaos'

export function chaosShard(index: number, of: number) {
  const { runs, seed, vendor } = inject('chaos')
  const all: number[] = []
  for (let s = seed; all.length < runs; s++) if (!vendor || vendorOfSeed(s) === vendor) all.push(s)
  const seeds = all.filter((_, i) => i % of === index)
  const outcomes: ChaosOutcome[] = []

  if (!seeds.length) return
  describe(`chaos shard ${index + 1} of ${of}`, () => {
    it.each(seeds)('seed %i: nothing lost, duplicated or wrong; every push once', async (s) => {
      const outcome = await runChaos(s)
      outcomes.push(outcome)
      // Printed at once (not only in the final report), so a long run shows its failures as they happen.
      if (outcome.problems.length) console.log(`FAILED ${describeOutcome(outcome)}\n  ${outcome.problems.slice(0, 10).join('\n  ')}`)
      expect(outcome.problems, `${describeOutcome(outcome)}\nreproduce with: npm run chaos -- --runs 1 --seed ${s}`).toEqual([])
    })

    afterAll(() => {
      const failed = outcomes.filter((o) => o.problems.length)
      const sum = (pick: (o: ChaosOutcome) => number) => outcomes.reduce((n, o) => n + pick(o), 0)
      const faults: Record<string, number> = {}
      for (const o of outcomes) for (const [k, n] of Object.entries(o.log.faults)) faults[k] = (faults[k] ?? 0) + n
      const byVendor: Record<string, number> = {}
      for (const o of outcomes) byVendor[o.variant ? `${o.vendor} (${o.variant})` : o.vendor] = (byVendor[o.variant ? `${o.vendor} (${o.variant})` : o.vendor] ?? 0) + 1
      console.log(
        [
          `CHAOS-SUMMARY ${JSON.stringify({ shard: index + 1, runs: outcomes.length, failed: failed.map((o) => o.seed), byVendor, cycles: sum((o) => o.cycles), crashes: sum((o) => o.crashes), vendorEdits: sum((o) => o.mutations), sessionsEnded: sum((o) => o.sessionsEnded), sessionsRefreshed: sum((o) => o.revisits), pushes: sum((o) => o.pushes), propays: sum((o) => o.propays), vendorRequests: sum((o) => o.log.requests), faults })}`,
        ].join('\n'),
      )
    })
  })
}
