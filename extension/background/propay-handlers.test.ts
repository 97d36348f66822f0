import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { signIn } from '../test-support/connection'
import { aJob, aMilestone, aProPay, aProPayDetail } from '../test-support/propay'
import { clearProPayCache, mapWithLimit, PROPAY_CONCURRENCY, propayHandlers } from './propay-handlers'

/** A backend that answers milestone look-ups after a delay and counts how many are in flight. */
function slowBackend() {
  const seen: string[] = []
  let inFlight = 0
  let maxInFlight = 0
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const url = new URL(input)
      seen.push(`${init.method ?? 'GET'} ${url.pathname}${url.search}`)
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      await new Promise((r) => setTimeout(r, 5))
      inFlight--
      const id = url.searchParams.get('externalId')
      let body: unknown
      if (url.pathname === '/api/v1/milestones') {
        body = { milestones: id === '404' ? [] : [{ milestone: aMilestone(id!, id === '2' ? null : aProPay({ id: `pp_${id}` })), job: aJob() }] }
      } else if (url.pathname === '/api/v1/jobs') body = { jobs: [aJob({ externalId: id! })] }
      else body = aProPayDetail({ status: 'approved', approvable: false })
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })
    }),
  )
  return { seen, maxInFlight: () => maxInFlight }
}

describe('ProPay look-ups in the background', () => {
  beforeEach(async () => {
    fakeBrowser.reset()
    clearProPayCache()
    await signIn('manager')
  })
  afterEach(() => vi.unstubAllGlobals())

  it('should look a list of tickets up a few at a time, once each, and answer from the cache after', async () => {
    const backend = slowBackend()
    const ids = ['1', '2', '3', '4', '5', '6', '7', '404', '3', 'not-a-number']
    const { tickets } = await propayHandlers['propay:forTickets']({ ticketIds: ids })
    expect(Object.keys(tickets)).toEqual(['1', '2', '3', '4', '5', '6', '7', '404'])
    expect(tickets['1']).toMatchObject({ milestone: { externalId: '1' }, job: { externalId: '3003' }, propay: { id: 'pp_1' } })
    expect(tickets['2']!.propay).toBeNull()
    expect(tickets['404']).toBeNull()
    expect(backend.seen).toHaveLength(8)
    expect(backend.maxInFlight()).toBe(PROPAY_CONCURRENCY)

    await propayHandlers['propay:forTickets']({ ticketIds: ['1', '2', '3'] })
    await propayHandlers['propay:forJob']({ externalId: '3003' })
    await propayHandlers['propay:forJob']({ externalId: '3003' })
    expect(backend.seen).toHaveLength(9)
    expect(backend.seen.at(-1)).toBe('GET /api/v1/jobs?vendor=aspire&externalId=3003')
  })

  it('should forget the cache after approving, so every badge reads the new status', async () => {
    const backend = slowBackend()
    await propayHandlers['propay:forTickets']({ ticketIds: ['1'] })
    const approved = await propayHandlers['propay:approve']({ id: 'pp_1' })
    expect(approved.status).toBe('approved')
    expect(backend.seen.at(-1)).toBe('POST /api/v1/propays/pp_1/approve')
    await propayHandlers['propay:forTickets']({ ticketIds: ['1'] })
    expect(backend.seen).toHaveLength(3)
  })

  it('should keep results in order whatever finishes first', async () => {
    const order = await mapWithLimit([30, 1, 20, 2], 2, async (ms) => {
      await new Promise((r) => setTimeout(r, ms))
      return ms
    })
    expect(order).toEqual([30, 1, 20, 2])
  })
})
