import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_CLIENT_ID, DEMO_SECRET } from './sandbox'
import { startAspireSandbox, type RunningSandbox } from './serve'

describe('startAspireSandbox', () => {
  let running: RunningSandbox

  beforeAll(async () => {
    running = await startAspireSandbox({ port: 0, seedDemo: true })
  })

  afterAll(async () => {
    await running.close()
  })

  const login = async (ClientId = DEMO_CLIENT_ID, Secret = DEMO_SECRET) => {
    const res = await fetch(`${running.url}/Authorization`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ClientId, Secret }) })
    return { status: res.status, body: (await res.json()) as { Token: string } }
  }

  it('should listen on a random local port and serve the demo tenant over HTTP', async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const { status, body } = await login()
    expect(status).toBe(200)
    const res = await fetch(`${running.url}/WorkTicketTimes?$limit=1000`, { headers: { Authorization: `Bearer ${body.Token}` } })
    expect(res.headers.get('Content-Type')).toContain('application/json')
    expect((await res.json()) as unknown[]).toHaveLength(600)
  })

  it('should create test tenants through the control API', async () => {
    const res = await fetch(`${running.url}/__control/tenants`, { method: 'POST' })
    const tenant = (await res.json()) as { clientId: string; secret: string; apiBaseUrl: string }
    expect(tenant.apiBaseUrl).toBe(running.url)
    expect((await login(tenant.clientId, tenant.secret)).status).toBe(200)
  })

  it('should drop the connection after applying a write when the lost-response fault closes', async () => {
    const { body } = await login()
    const sandbox = running.sandbox
    const tenant = sandbox.tenants.get(DEMO_CLIENT_ID)!
    tenant.faults.add({ kind: 'lost-response', mode: 'close', path: '/WorkTicketTimes' })
    const ticket = tenant.data.WorkTickets.all()[0]!
    const contact = tenant.data.Contacts.all()[1]!
    const before = tenant.data.WorkTicketTimes.size
    const attempt = fetch(`${running.url}/WorkTicketTimes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${body.Token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ContactID: contact.ContactID, WorkTicketID: ticket.WorkTicketID, StartTime: '2026-01-05T07:00:00', EndTime: '2026-01-05T08:00:00' }),
    })
    await expect(attempt).rejects.toThrow()
    expect(tenant.data.WorkTicketTimes.size).toBe(before + 1)
    expect((await login()).status).toBe(200)
  })
})
