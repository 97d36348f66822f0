import { describe, expect, it } from 'vitest'
import { aProPay } from '../../test-support/propay'
import { isFiltering, NO_FILTER, proPayMatches } from './review-filter'

describe('review filters', () => {
  const p = aProPay({ connectionId: 'c1', branch: { externalId: 'b1', name: 'North' }, manager: { userId: 'u1', workerId: 'w7', name: 'Mia' } })

  it('should match on connection-scoped keys, so the same vendor id on another connection does not match', () => {
    expect(proPayMatches(p, { ...NO_FILTER, branch: 'c1:b1' }, 'u1')).toBe(true)
    expect(proPayMatches(p, { ...NO_FILTER, branch: 'c2:b1' }, 'u1')).toBe(false)
    expect(proPayMatches(p, { ...NO_FILTER, job: 'c1:3003' }, 'u1')).toBe(true)
    expect(proPayMatches(p, { ...NO_FILTER, manager: 'user:u1' }, 'u1')).toBe(true)
    // A ProPay with a manager user is filtered by that user, not by the vendor worker behind it.
    expect(proPayMatches(p, { ...NO_FILTER, manager: 'worker:c1:w7' }, 'u1')).toBe(false)
    expect(proPayMatches(aProPay({ branch: null }), { ...NO_FILTER, branch: 'c1:b1' }, 'u1')).toBe(false)
  })

  it('should search names and numbers and keep only mine when asked', () => {
    expect(proPayMatches(p, { ...NO_FILTER, text: 'PRAIRIE' }, 'u1')).toBe(true)
    expect(proPayMatches(p, { ...NO_FILTER, text: 'maple' }, 'u1')).toBe(false)
    expect(proPayMatches(p, { ...NO_FILTER, onlyMine: true }, 'u2')).toBe(false)
    expect([isFiltering(NO_FILTER), isFiltering({ ...NO_FILTER, text: '  ' }), isFiltering({ ...NO_FILTER, manager: 'user:u1' })]).toEqual([false, false, true])
  })
})
