import { describe, expect, it } from 'vitest'
import {
  checkCreationEligibility,
  exclusionReason,
  type CreationContext,
  type CreationSubject,
} from './creation-eligibility'
import { matchesNamePattern } from './name-pattern'

const subject: CreationSubject = {
  name: 'Oak St mowing',
  serviceType: 'Maintenance',
  invoiceType: 'Fixed',
  propertyId: 'p1',
  canceled: false,
}
const context: CreationContext = {
  inBonusProgram: true,
  launchDate: '2026-05-01',
  today: '2026-05-10',
  latestWorkDate: '2026-05-04',
  exclusionRules: [],
  hasValidBudget: true,
}

describe('checkCreationEligibility', () => {
  it('should accept a subject that meets all five rules', () => {
    expect(checkCreationEligibility(subject, context)).toEqual([])
  })

  it('should accept work still ahead, and work under way on launch day', () => {
    expect(checkCreationEligibility(subject, { ...context, latestWorkDate: null })).toEqual([])
    expect(checkCreationEligibility(subject, { ...context, latestWorkDate: '2026-05-01' })).toEqual([])
  })

  it('should refuse work that ended before the launch date', () => {
    const ended = checkCreationEligibility(subject, { ...context, latestWorkDate: '2026-04-30' })
    expect(ended).toEqual([{ code: 'before_launch_date' }])
  })

  it('should generate nothing before a future launch date or with "Not Sure"', () => {
    const future = checkCreationEligibility(subject, { ...context, launchDate: '2026-06-01' })
    expect(future).toEqual([{ code: 'not_launched' }])
    expect(checkCreationEligibility(subject, { ...context, launchDate: null })).toEqual([{ code: 'not_launched' }])
  })

  it('should report every failed rule', () => {
    expect(
      checkCreationEligibility(
        { ...subject, canceled: true, manuallyExcluded: true },
        { ...context, inBonusProgram: false, hasValidBudget: false },
      ),
    ).toEqual([
      { code: 'not_in_program' },
      { code: 'excluded', reason: 'manual' },
      { code: 'no_valid_budget' },
      { code: 'canceled' },
    ])
  })
})

describe('exclusionReason', () => {
  it('should match service type, invoice type and property exactly', () => {
    expect(exclusionReason(subject, [{ kind: 'service_type', serviceType: 'Maintenance' }])).toBe('service_type')
    expect(exclusionReason(subject, [{ kind: 'service_type', serviceType: 'maintenance' }])).toBeNull()
    expect(exclusionReason(subject, [{ kind: 'invoice_type', invoiceType: 'Fixed' }])).toBe('invoice_type')
    expect(exclusionReason(subject, [{ kind: 'property', propertyId: 'p1' }])).toBe('property')
    expect(exclusionReason(subject, [{ kind: 'property', propertyId: 'p2' }])).toBeNull()
  })

  it('should match name patterns with wildcards', () => {
    const rules = [{ kind: 'name_pattern' as const, pattern: 'TEST*' }]
    expect(exclusionReason({ ...subject, name: 'TEST job' }, rules)).toBe('name_pattern')
    expect(exclusionReason(subject, rules)).toBeNull()
  })
})

describe('matchesNamePattern', () => {
  it('should treat * as any run of characters and everything else literally, ignoring case', () => {
    expect(matchesNamePattern('TEST-123', 'TEST*')).toBe(true)
    expect(matchesNamePattern('test', 'TEST*')).toBe(true)
    expect(matchesNamePattern('A TEST', 'TEST*')).toBe(false)
    expect(matchesNamePattern('Internal (shop)', '*(shop)')).toBe(true)
    expect(matchesNamePattern('Internal xshopx', '*(shop)')).toBe(false)
    expect(matchesNamePattern('a.c', 'a.c')).toBe(true)
    expect(matchesNamePattern('abc', 'a.c')).toBe(false)
  })
})
