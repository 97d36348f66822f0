import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { signIn } from '../test-support/connection'
import { aJob, aProPay, aProPayDetail } from '../test-support/propay'
import { clearProPayCache, propayHandlers } from './propay-handlers'

/** A backend that answers badge look-ups after a delay, recording each request and the ids it asked for. */
function slowBackend() {
  const seen: string[] = []
  const askedFor: string[][] = []
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
      if (url.pathname === '/api/v1/milestones/badges') {
        const { externalIds } = JSON.parse(String(init.body)) as { externalIds: string[] }
        askedFor.push(externalIds)
        const badge = (ticket: string) => ({ milestone: { externalId: ticket, name: `Visit ${ticket}` }, job: { id: 'job_1', externalId: aJob().externalId, name: aJob().name }, propay: ticket === '2' ? null : aProPay({ id: `pp_${ticket}` }) })
        body = { badges: Object.fromEntries(externalIds.map((ticket) => [ticket, ticket === '404' ? null : badge(ticket)])) }
      } else if (url.pathname === '/api/v1/jobs') body = { jobs: [aJob({ externalId: id! })] }
      else body = aProPayDetail({ status: 'approved', approvable: false })
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })
    }),
  )
  return { seen, askedFor, maxInFlight: () => maxInFlight }
}

describe('ProPay look-ups in the background', () => {
  beforeEach(async () => {
    fakeBrowser.reset()
    clearProPayCache()
    await signIn('manager')
  })
  afterEach(() => vi.unstubAllGlobals())

  it('should look a whole list of tickets up in one request, each once, and answer from the cache after', async () => {
    const backend = slowBackend()
    const ids = ['1', '2', '3', '4', '5', '6', '7', '404', '3', 'not-a-number']
    const { tickets } = await propayHandlers['propay:forTickets']({ ticketIds: ids })
    expect(Object.keys(tickets)).toEqual(['1', '2', '3', '4', '5', '6', '7', '404'])
    expect(tickets['1']).toMatchObject({ milestone: { externalId: '1' }, job: { externalId: '3003' }, propay: { id: 'pp_1' } })
    expect(tickets['2']!.propay).toBeNull()
    expect(tickets['404']).toBeNull()
    expect(backend.seen).toEqual(['POST /api/v1/milestones/badges'])
    expect(backend.askedFor).toEqual([['1', '2', '3', '4', '5', '6', '7', '404']])

    // A screen scrolled further: only the new tickets are asked for; two screens at once share one request.
    await Promise.all([propayHandlers['propay:forTickets']({ ticketIds: ['1', '8', '9'] }), propayHandlers['propay:forTickets']({ ticketIds: ['9', '8'] })])
    expect(backend.askedFor.at(-1)).toEqual(['8', '9'])
    expect(backend.seen).toHaveLength(2)
    expect(backend.maxInFlight()).toBe(1)

    await propayHandlers['propay:forTickets']({ ticketIds: ['1', '2', '3'] })
    await propayHandlers['propay:forJob']({ externalId: '3003' })
    await propayHandlers['propay:forJob']({ externalId: '3003' })
    expect(backend.seen).toHaveLength(3)
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
})
