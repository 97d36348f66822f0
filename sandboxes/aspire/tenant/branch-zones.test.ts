import { describe, expect, it } from 'vitest'
import { harness, q } from '../test/harness'

type Branch = { BranchID: number; TimeZone: string }
type Ticket = { WorkTicketID: number; BranchID: number; LastModifiedDateTime: string }

describe('branches in several zones', () => {
  it('should give the branches the zones asked for and stamp each change in its branch zone', async () => {
    const h = await harness({ seed: 3, size: { branches: 3, employees: 6, workTickets: 12, timeEntries: 30 }, branchZones: ['America/Chicago', 'America/Denver', 'Pacific/Honolulu'] })
    const branches = await h.get<Branch[]>('/Branches')
    expect(branches.map((b) => b.TimeZone)).toEqual(['America/Chicago', 'America/Denver', 'Pacific/Honolulu'])
    const tickets = await h.get<Ticket[]>(`/WorkTickets${q({ $limit: 1000 })}`)
    const stamps: Record<string, string> = {}
    for (const branch of branches) {
      const ticket = tickets.find((t) => t.BranchID === branch.BranchID)!
      const res = await h.control(`/tenants/${h.tenant.clientId}/work-tickets/${ticket.WorkTicketID}/complete`, { method: 'POST' })
      stamps[branch.TimeZone] = ((await res.json()) as Ticket).LastModifiedDateTime
    }
    // The clock is 2026-11-18T15:00:00Z: the same moment, three wall-clock stamps.
    expect(stamps).toEqual({ 'America/Chicago': '2026-11-18T09:00:00', 'America/Denver': '2026-11-18T08:00:00', 'Pacific/Honolulu': '2026-11-18T05:00:00' })
  })

  it('should refuse a zone it does not know', async () => {
    const h = await harness()
    const res = await h.control('/tenants', { method: 'POST', body: { branchZones: ['America/Chicago', 'Mars/Olympus'] } })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Mars/Olympus')
  })
})
