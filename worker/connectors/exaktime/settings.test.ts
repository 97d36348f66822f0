import { describe, expect, it } from 'vitest'
import { ExakTimeCredentials, ExakTimeSettings } from './settings'

describe('ExakTimeCredentials', () => {
  it('should accept an API key alone, trimmed', () => {
    expect(ExakTimeCredentials.parse({ apiKey: '  arc_123 ' })).toEqual({ apiKey: 'arc_123' })
  })

  it('should accept the sign-in, normalising the Company ID, and parse its own output again', () => {
    const parsed = ExakTimeCredentials.parse({ companyId: ' Acme ', username: ' boss@acme.test ', password: 'p w' })
    expect(parsed).toEqual({ companyId: 'acme', username: 'boss@acme.test', password: 'p w' })
    expect(ExakTimeCredentials.parse(parsed)).toEqual(parsed)
  })

  it('should report every missing or wrong sign-in field at once', () => {
    const result = ExakTimeCredentials.safeParse({ companyId: 'Acme Co' })
    expect(result.success).toBe(false)
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['companyId', 'username', 'password'])
  })

  it('should ask for one way in when given nothing', () => {
    const result = ExakTimeCredentials.safeParse({})
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: ['apiKey'], message: expect.stringMatching(/Arcoro API key, or the Company ID/) })])
  })
})

describe('ExakTimeSettings', () => {
  it('should require the sync start date and default to finalized, signed-off time by location', () => {
    expect(ExakTimeSettings.safeParse({}).success).toBe(false)
    expect(ExakTimeSettings.parse({ syncStartDate: '2026-03-01' })).toMatchObject({ finalizedOnly: true, approvalLevel: 'sign_off', jobSource: 'location', windowDays: 35, jobBudgets: {} })
  })

  it('should refuse an unknown time zone and a budget percent over 100', () => {
    expect(ExakTimeSettings.safeParse({ syncStartDate: '2026-03-01', timeZone: 'Mars/Olympus' }).success).toBe(false)
    expect(ExakTimeSettings.safeParse({ syncStartDate: '2026-03-01', laborBudget: { basis: 'percent_of_contract', percent: 120 } }).success).toBe(false)
  })
})
