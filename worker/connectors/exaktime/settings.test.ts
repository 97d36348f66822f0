import { describe, expect, it } from 'vitest'
import { ExakTimeCredentials, ExakTimeSettings, hasApiKey } from './settings'

describe('ExakTimeCredentials', () => {
  it('should accept an API key with the Company ID, trimmed and normalised, and parse its own output again', () => {
    const parsed = ExakTimeCredentials.parse({ companyId: ' Acme ', apiKey: '  arc_123 ' })
    expect(parsed).toEqual({ companyId: 'acme', apiKey: 'arc_123' })
    expect(ExakTimeCredentials.parse(parsed)).toEqual(parsed)
  })

  it('should report every missing or wrong field at once', () => {
    const result = ExakTimeCredentials.safeParse({ companyId: 'Acme Co' })
    expect(result.success).toBe(false)
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['companyId', 'apiKey'])
    expect(result.error!.issues[1]!.message).toMatch(/Arcoro API key is required.*Hub/)
  })

  it('should refuse a key no request header could carry, without echoing it', () => {
    for (const apiKey of ['arc 123', 'arc\u0000123', '\u202earc😀']) {
      const result = ExakTimeCredentials.safeParse({ companyId: 'acme', apiKey })
      expect(result.error!.issues).toEqual([expect.objectContaining({ path: ['apiKey'], message: expect.stringMatching(/only letters, digits and symbols/) })])
    }
  })

  it('should refuse a username and password with the reason and what to do instead', () => {
    const result = ExakTimeCredentials.safeParse({ companyId: 'acme', username: 'boss@acme.test', password: 'secret' })
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: ['apiKey'], message: expect.stringMatching(/no longer accepts a username and password.*API key/) })])
    expect(JSON.stringify(result.error!.issues)).not.toContain('secret')
  })
})

describe('hasApiKey', () => {
  it('should tell a key connection from one stored with a username and password', () => {
    expect(hasApiKey({ companyId: 'acme', apiKey: 'arc_1' })).toBe(true)
    expect(hasApiKey({ companyId: 'acme', username: 'u', password: 'p' })).toBe(false)
    expect(hasApiKey({ apiKey: '' })).toBe(false)
    expect(hasApiKey(null)).toBe(false)
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
