import { describe, expect, it } from 'vitest'
import { parseCompanyId } from './company-id'

describe('parseCompanyId', () => {
  it('should trim and lower-case a plain Company ID', () => {
    expect(parseCompanyId('  AcmeLandscaping ')).toEqual({ ok: true, companyId: 'acmelandscaping' })
    expect(parseCompanyId('acme-2')).toEqual({ ok: true, companyId: 'acme-2' })
  })

  it('should refuse inner spaces and say where the Company ID is found', () => {
    const result = parseCompanyId('Acme Landscaping')
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^A Company ID has no spaces \("Acme Landscaping"\)\. It is the part before \.exaktime\.com/) })
  })

  it('should refuse a pasted address, naming the Company ID inside it', () => {
    expect(parseCompanyId('https://acme.exaktime.com/timecards')).toMatchObject({ ok: false, message: expect.stringContaining('it is "acme"') })
    expect(parseCompanyId('acme.exaktime.com')).toMatchObject({ ok: false, message: expect.stringContaining('it is "acme"') })
    expect(parseCompanyId('https://example.com')).toMatchObject({ ok: false, message: expect.stringMatching(/^Enter only the Company ID, not a web address\. It is/) })
  })

  it('should refuse empty values and other characters', () => {
    expect(parseCompanyId('   ')).toMatchObject({ ok: false, message: expect.stringMatching(/^Company ID is required/) })
    expect(parseCompanyId('acme_co!')).toMatchObject({ ok: false, message: expect.stringMatching(/only letters, digits and hyphens/) })
  })
})
