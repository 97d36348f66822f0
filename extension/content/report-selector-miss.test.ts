import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SelectorMiss } from '../../shared/api/diagnostics'
import { createMissReporter } from './report-selector-miss'

afterEach(() => vi.useRealTimers())

function reporter() {
  const sent: SelectorMiss[][] = []
  const r = createMissReporter({ sendMisses: async (misses) => void sent.push(misses), waitMs: 1000 })
  return { r, sent }
}

const url = (href: string) => new URL(href)

describe('reportSelectorMiss', () => {
  it('should send the misses that came together in one message, as patterns only', () => {
    vi.useFakeTimers()
    const { r, sent } = reporter()
    document.body.innerHTML = '<h1>Work Ticket #10452 — Smith Residence</h1>'
    r.report('aspire', 'screen_probe', url('https://cloud.youraspire.com/app/work-tickets/details/10452?customer=Smith#time'))
    r.report('aspire', 'badge_anchor', url('https://cloud.youraspire.com/app/work-tickets/details/10452'))
    expect(sent).toEqual([])
    vi.advanceTimersByTime(1000)
    expect(sent).toEqual([
      [
        { vendor: 'aspire', kind: 'screen_probe', pagePattern: '/app/work-tickets/details/:id' },
        { vendor: 'aspire', kind: 'badge_anchor', pagePattern: '/app/work-tickets/details/:id' },
      ],
    ])
    // Neither the page's text, nor the record's id, nor the query string left the tab.
    const wire = JSON.stringify(sent)
    for (const secret of ['Smith', '10452', 'customer', 'time', 'youraspire']) expect(wire).not.toContain(secret)
  })

  it('should report each kind on each pattern once per tab, whichever record the page showed', () => {
    vi.useFakeTimers()
    const { r, sent } = reporter()
    r.report('aspire', 'screen_probe', url('https://cloud.youraspire.com/app/work-tickets/details/1001'))
    vi.advanceTimersByTime(1000)
    r.report('aspire', 'screen_probe', url('https://cloud.youraspire.com/app/work-tickets/details/1002'))
    r.report('aspire', 'screen_probe', url('https://cloud.youraspire.com/app/work-tickets/details/1003?tab=x'))
    vi.advanceTimersByTime(5000)
    expect(sent).toHaveLength(1)
    // Another kind, or another screen, is news.
    r.report('aspire', 'badge_row_id', url('https://cloud.youraspire.com/app/work-tickets'))
    r.report('aspire', 'screen_probe', url('https://cloud.youraspire.com/app/opportunities/details/7'))
    vi.advanceTimersByTime(1000)
    expect(sent[1]!.map((m) => `${m.kind} ${m.pagePattern}`)).toEqual(['badge_row_id /app/work-tickets', 'screen_probe /app/opportunities/details/:id'])
  })

  it('should split more than 20 misses into batches the backend accepts', () => {
    const { r, sent } = reporter()
    for (let i = 0; i < 25; i++) r.report('buildertrend', 'page_action', url(`https://buildertrend.net/app/screen${String.fromCharCode(97 + i)}`))
    r.flush()
    expect(sent.map((b) => b.length)).toEqual([20, 5])
  })

  it('should swallow a failed send: a diagnostic never breaks the page', async () => {
    const r = createMissReporter({ sendMisses: () => Promise.reject(new Error('The Protiv extension did not answer.')), waitMs: 1 })
    r.report('exaktime', 'screen_probe', url('https://acme.exaktime.com/app/timecards'))
    expect(() => r.flush()).not.toThrow()
    await Promise.resolve()
  })
})
