import { describe, expect, it } from 'vitest'
import { companyIdFromHostname } from './company-id'

describe('companyIdFromHostname', () => {
  it("should read the Company ID from the company's ExakTime Connect subdomain", () => {
    expect(companyIdFromHostname('acme.exaktime.com')).toBe('acme')
    expect(companyIdFromHostname('summit-ridge2.exaktime.com')).toBe('summit-ridge2')
  })

  it('should lowercase it, as the backend stores it', () => {
    expect(companyIdFromHostname('AcmeBuilders.ExakTime.com')).toBe('acmebuilders')
  })

  it("should not take exaktime.com itself or ExakTime's own subdomains for a company", () => {
    for (const host of ['exaktime.com', 'www.exaktime.com', 'help.exaktime.com', 'api.exaktime.com', 'support.exaktime.com']) {
      expect(companyIdFromHostname(host), host).toBeNull()
    }
  })

  it('should give nothing for deeper hosts, look-alikes and other sites', () => {
    for (const host of ['a.b.exaktime.com', 'acme.exaktime.com.evil.test', 'acme-exaktime.com', 'acme.exaktime.co', 'cloud.youraspire.com', '', '-acme.exaktime.com']) {
      expect(companyIdFromHostname(host), host).toBeNull()
    }
  })
})
