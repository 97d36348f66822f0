import { describe, expect, it } from 'vitest'
import { computeSavings, noBonusWarnings } from './savings'

describe('computeSavings', () => {
  it('should floor the worker share', () => {
    // $1.99 saved × 50% = 99.5¢ → 99¢.
    expect(computeSavings(10_199, 10_000, 5000, false)).toEqual({
      savedCents: 199,
      splitBp: 5000,
      workerShareCents: 99,
      noBonusReason: null,
    })
  })

  it('should pay nothing when disqualified, over budget or not priced, in that order of reasons', () => {
    expect(computeSavings(20_000, 10_000, 5000, true).noBonusReason).toBe('disqualified')
    const over = computeSavings(10_000, 10_001, 5000, false)
    expect(over).toMatchObject({ workerShareCents: 0, noBonusReason: 'over_budget' })
    expect(computeSavings(null, 0, 5000, false)).toMatchObject({ savedCents: null, noBonusReason: 'budget_not_priced' })
  })

  it('should explain every $0 bonus with a warning and stay quiet otherwise', () => {
    expect(noBonusWarnings(computeSavings(20_000, 10_000, 5000, false))).toEqual([])
    expect(noBonusWarnings(computeSavings(10_000, 12_345, 5000, false))).toEqual([
      { code: 'over_budget', message: 'Labor is $23.45 over budget: no bonus is paid (pay is not reduced).' },
    ])
    const disqualified = noBonusWarnings(computeSavings(null, 0, 5000, true))
    expect(disqualified.map((warning) => warning.code)).toEqual(['disqualified'])
  })
})
