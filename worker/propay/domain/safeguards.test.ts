import { describe, expect, it } from 'vitest'
import { deductPenalties, isDisqualified, type Penalty } from './safeguards'

const penalty = (amountCents: number, outcome: Penalty['outcome'] = 'applied'): Penalty => ({
  id: `p${amountCents}`,
  category: 'minor tool damage',
  amountCents,
  outcome,
})

describe('safeguards', () => {
  it('should disqualify on any failed check only', () => {
    expect(isDisqualified([{ id: 'd1', label: 'Safety', outcome: 'pass' }])).toBe(false)
    expect(isDisqualified([{ id: 'd1', label: 'Safety', outcome: 'unresolved' }])).toBe(false)
    expect(
      isDisqualified([
        { id: 'd1', label: 'Safety', outcome: 'pass' },
        { id: 'd2', label: 'Inspection', outcome: 'fail' },
      ]),
    ).toBe(true)
  })

  it('should take applied penalties off the crew bucket', () => {
    expect(deductPenalties(10_000, [penalty(1_500), penalty(500)])).toEqual({
      appliedCents: 2_000,
      deductedCents: 2_000,
      remainingCrewCents: 8_000,
    })
  })

  it('should floor the crew bucket at $0', () => {
    expect(deductPenalties(1_000, [penalty(2_500)])).toEqual({
      appliedCents: 2_500,
      deductedCents: 1_000,
      remainingCrewCents: 0,
    })
  })

  it('should not deduct waived or unresolved penalties', () => {
    expect(deductPenalties(1_000, [penalty(300, 'waived'), penalty(400, 'unresolved')]).remainingCrewCents).toBe(1_000)
  })
})
