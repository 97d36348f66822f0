import { describe, expect, it } from 'vitest'
import { checkFieldEditable, PROPAY_FIELDS } from './edit-rules'
import { newProPayLifecycle } from './propay-status'

describe('checkFieldEditable', () => {
  it('should allow every field on a never-approved active ProPay', () => {
    expect(PROPAY_FIELDS.every((field) => checkFieldEditable(newProPayLifecycle(), field).ok)).toBe(true)
  })

  it('should lock everything while approved, pointing to unapprove', () => {
    const approved = {
      ...newProPayLifecycle(),
      status: 'approved' as const,
      approvalRound: 1,
      costExclusionsLocked: true,
    }
    const result = checkFieldEditable(approved, 'budget')
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'field_locked',
        field: 'budget',
        message: 'This ProPay is approved, so its budget is locked; unapprove it to make changes.',
      },
    })
    expect(PROPAY_FIELDS.some((field) => checkFieldEditable(approved, field).ok)).toBe(false)
  })

  it('should keep cost exclusions locked for good after an approval', () => {
    const unapproved = { ...newProPayLifecycle(), approvalRound: 1, costExclusionsLocked: true }
    expect(checkFieldEditable(unapproved, 'cost_exclusions').ok).toBe(false)
    expect(checkFieldEditable(unapproved, 'budget').ok).toBe(true)
  })

  it('should lock canceled, paid and deleted ProPays', () => {
    for (const status of ['canceled', 'paid', 'deleted'] as const) {
      expect(checkFieldEditable({ ...newProPayLifecycle(), status }, 'pool').ok).toBe(false)
    }
  })
})
