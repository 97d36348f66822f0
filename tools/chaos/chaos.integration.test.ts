import { describe, expect, it } from 'vitest'
import { describeOutcome, runChaos } from './run-chaos'

// A few seeds on every `npm test`, so the chaos machinery itself stays honest; `npm run chaos` runs thousands.
// 1–6 cover the three vendors twice; 13, 55 and 64 are Buildertrend through the newer paths (as drawn today): a browser
// session with isolate deaths, a browser session in a real browser refreshed by the admin, a password in a real browser.
const SEEDS = [1, 2, 3, 4, 5, 6, 13, 55, 64]

describe('sync under chaos', () => {
  it.each(SEEDS)('should lose, duplicate and corrupt nothing, and push exactly once (seed %i)', async (seed) => {
    const outcome = await runChaos(seed)
    console.log(describeOutcome(outcome))
    expect(outcome.problems, `reproduce with: npm run chaos -- --runs 1 --seed ${seed}`).toEqual([])
  }, 120_000)
})
