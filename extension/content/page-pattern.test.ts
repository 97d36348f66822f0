import { describe, expect, it } from 'vitest'
import { PagePattern } from '../../shared/api/diagnostics'
import { pagePatternOf } from './page-pattern'

const pattern = (href: string) => pagePatternOf(new URL(href))

describe('pagePatternOf', () => {
  it.each([
    ['https://cloud.youraspire.com/app/work-tickets/details/10452', '/app/work-tickets/details/:id'],
    ['https://cloud.youraspire.com/app/work-tickets/10452/', '/app/work-tickets/:id'],
    ['https://cloud.youraspire.com/app/opportunities/details/2201?tab=Estimate&customer=Smith#notes', '/app/opportunities/details/:id'],
    ['https://buildertrend.net/app/JobPage/987654/Schedule', '/app/JobPage/:id/Schedule'],
    ['https://buildertrend.net/app/TimeClock', '/app/TimeClock'],
    ['https://acme.exaktime.com/app/timecards', '/app/timecards'],
    ['https://x.test/jobs/3f2504e0-4f89-11d3-9a0c-0305e82c3301/edit', '/jobs/:id/edit'],
    ['https://x.test/jobs/3f2504e04f8911d39a0c0305e82c3301', '/jobs/:id'],
    ['https://x.test/jobs/a7f3k9x2q', '/jobs/:id'],
    ['https://x.test/customers/Smith%20Residence/WT-10452', '/customers/:id/:id'],
    ['https://x.test/report.aspx', '/:id'],
    ['https://x.test/', '/'],
  ])('%s → %s', (href, expected) => {
    expect(pattern(href)).toBe(expected)
  })

  it('should never carry the query string, the fragment or the host', () => {
    const p = pattern('https://cloud.youraspire.com/app/work-tickets?search=Smith+Residence&token=abc#Smith')
    expect(p).toBe('/app/work-tickets')
    expect(p).not.toMatch(/Smith|token|youraspire|[?#]/)
  })

  it('should always give a pattern the backend accepts, however odd the address', () => {
    const odd = [
      'https://x.test/%E0%A4%A/%F0%9F%98%80/a%2Fb',
      `https://x.test/${'segment/'.repeat(30)}`,
      `https://x.test/${'a'.repeat(39)}/${'b'.repeat(60)}/${'c'.repeat(39)}/${'d'.repeat(39)}/${'e'.repeat(39)}/${'f'.repeat(39)}/${'g'.repeat(39)}`,
      'https://x.test/app//work-tickets///details/1',
      'https://x.test/v2/Ünïcode/ab12/x123y',
    ]
    for (const href of odd) expect(PagePattern.safeParse(pattern(href)).success, `${href} → ${pattern(href)}`).toBe(true)
  })
})
