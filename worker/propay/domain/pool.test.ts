import { describe, expect, it } from 'vitest'
import { splitIntoBuckets, validatePool, type PoolConfig } from './pool'

const pool = (bucketsBp: Partial<PoolConfig['bucketsBp']>, otherRecipientIds: string[] = []): PoolConfig => ({
  splitBp: 5000,
  bucketsBp: { crew: 0, crew_lead: 0, manager: 0, company: 0, other: 0, ...bucketsBp },
  otherRecipientIds,
})

describe('validatePool', () => {
  it('should accept buckets totalling exactly 100%', () => {
    expect(validatePool(pool({ crew: 7000, crew_lead: 2000, manager: 1000 }))).toEqual([])
  })

  it('should explain a total other than 100%', () => {
    expect(validatePool(pool({ crew: 7000, crew_lead: 2000, manager: 500 }))).toEqual([
      { path: 'pool.bucketsBp', message: 'Role buckets must total 100% (10000 bp); they total 95% (9500 bp).' },
    ])
    expect(validatePool(pool({ crew: 7000, crew_lead: 2000, manager: 1001 }))[0]?.message).toContain('100.01%')
  })

  it('should require recipients for a non-zero other bucket', () => {
    expect(validatePool(pool({ crew: 9000, other: 1000 }))).toEqual([
      { path: 'pool.otherRecipientIds', message: 'The other bucket is above 0%, so it needs at least one recipient.' },
    ])
    expect(validatePool(pool({ crew: 9000, other: 1000 }, ['w9']))).toEqual([])
  })

  it('should refuse fractional, negative or oversized percentages', () => {
    expect(validatePool(pool({ crew: 10_000.5 })).map((issue) => issue.path)).toEqual(['pool.bucketsBp.crew'])
    expect(validatePool(pool({ crew: 11_000, manager: -1000 })).map((issue) => issue.path)).toEqual([
      'pool.bucketsBp.crew',
      'pool.bucketsBp.manager',
    ])
    const tooMuchSplit = validatePool({ ...pool({ crew: 10_000 }), splitBp: 10_001 })
    expect(tooMuchSplit.map((issue) => issue.path)).toEqual(['pool.splitBp'])
  })
})

describe('splitIntoBuckets', () => {
  it('should split the worker share by pool percentages', () => {
    expect(splitIntoBuckets(30_000, { crew: 6000, crew_lead: 2000, manager: 1000, company: 1000, other: 0 })).toEqual({
      crew: 18_000,
      crew_lead: 6_000,
      manager: 3_000,
      company: 3_000,
      other: 0,
    })
  })

  it('should break rounding ties in the order crew, crew lead, manager, company, other', () => {
    // 20% each of 3¢: 0.6¢ remainders everywhere; the 3 leftover cents go to the first three buckets.
    expect(splitIntoBuckets(3, { crew: 2000, crew_lead: 2000, manager: 2000, company: 2000, other: 2000 })).toEqual({
      crew: 1,
      crew_lead: 1,
      manager: 1,
      company: 0,
      other: 0,
    })
  })
})
