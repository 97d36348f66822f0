import { describe, expect, it } from 'vitest'
import { createWageLookup } from './wage-history'

describe('createWageLookup', () => {
  // Given out of order on purpose: the lookup must not depend on input order.
  const wageOn = createWageLookup([
    { workerId: 'w1', effectiveFrom: '2026-05-01', wageCentsPerHour: 2500 },
    { workerId: 'w1', effectiveFrom: '2026-01-01', wageCentsPerHour: 2000 },
    { workerId: 'w2', effectiveFrom: '2026-03-15', wageCentsPerHour: 3000, burdenBp: 1500 },
  ])

  it('should pick the wage in force on the date', () => {
    expect(wageOn('w1', '2026-04-30')?.wageCentsPerHour).toBe(2000)
    expect(wageOn('w1', '2026-05-01')?.wageCentsPerHour).toBe(2500)
    expect(wageOn('w1', '2027-01-01')?.wageCentsPerHour).toBe(2500)
  })

  it('should give null before the first wage and for unknown workers', () => {
    expect(wageOn('w1', '2025-12-31')).toBeNull()
    expect(wageOn('w3', '2026-05-01')).toBeNull()
  })

  it('should keep each worker’s wages apart, with their burden', () => {
    expect(wageOn('w2', '2026-05-01')).toEqual({
      workerId: 'w2',
      effectiveFrom: '2026-03-15',
      wageCentsPerHour: 3000,
      burdenBp: 1500,
    })
  })
})
