import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { captureQueue, connectAspire, control, createTenant, cronCycle, drain, liveCount, records } from '../../../tools/test/aspire-sandbox'
import { call, orgWithAdmin } from '../../../tools/test/fixtures'
import { checkBonusAnswers, connectionView } from '../../../tools/test/hostile-checks'
import type { SyncMessage } from '../../sync/queue-messages'

type Time = { WorkTicketTimeID: number; Hours: number | null; OTHours: number | null; WorkTicketTimeDate: string | null; ContactID: number | null }
type PayRate = { PayRateID: number; ContactID: number; HourlyBasePay: number | null; EffectiveDate: string | null }
type Contact = { ContactID: number; FirstName: string | null; LastName: string | null; CompanyName: string | null }
type Opportunity = { OpportunityID: number; OpportunityName: string | null; WonDollars: number | null; EstimatedDollars: number | null }

const inDay = (hours: number | null) => typeof hours === 'number' && hours >= 0 && hours <= 24
const year = (stamp: string | null) => (stamp ? Number(stamp.slice(0, 4)) : Number.NaN)

describe('Aspire sync against a hostile tenant', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  async function synced() {
    const tenant = await createTenant({ size: 'demo', seed: 5, hostile: true })
    const { token } = await orgWithAdmin()
    const launch = await call('/api/v1/bonus-settings', { method: 'PATCH', token, json: { launchDate: '2000-01-01' } })
    expect(launch.status).toBe(200)
    const created = await connectAspire(token, tenant, { pageSize: 200 })
    await drain(queue)
    return { tenant, token, connectionId: created.id }
  }

  it('should finish ok, import every usable record, and count what it skipped in words', async () => {
    const { tenant, token, connectionId } = await synced()
    const view = await connectionView(token, connectionId)
    expect(view).toMatchObject({ status: 'ok', lastError: null })
    expect(view.streams.every((s) => s.status === 'ok' && s.lastError === null)).toBe(true)

    // Time entries: the sync reads those dated from the sync start on; the usable ones have 0–24 h and a real date.
    const times = (await records<Time>(tenant, 'WorkTicketTimes')).filter((t) => t.WorkTicketTimeDate !== null && year(t.WorkTicketTimeDate) >= 2000)
    const usable = times.filter((t) => inDay(t.Hours) && inDay(t.OTHours ?? 0) && year(t.WorkTicketTimeDate) <= 2100)
    expect(times.length - usable.length).toBe(6)
    expect(await liveCount('time_entries', connectionId)).toBe(usable.length)
    const timeNotice = view.streams.find((s) => s.name === 'WorkTicketTimes')!.notice
    expect(timeNotice).toContain('3 time entries skipped: hours out of range')
    expect(timeNotice).toContain('1 time entry skipped: hours missing')
    expect(timeNotice).toContain('1 time entry skipped: overtime hours out of range')
    expect(timeNotice).toContain('1 time entry skipped: work date not a real date')
    expect(timeNotice).toContain('imported without hourly rate (out of range)')
    // A time entry without a contact, or for one that does not exist, is still time worked on the ticket.
    const orphans = await env.DB.prepare("SELECT count(*) AS n FROM time_entries WHERE connection_id = ?1 AND (worker_external_id IS NULL OR worker_external_id = '999999')").bind(connectionId).first<{ n: number }>()
    expect(orphans!.n).toBe(2)

    // Wages: a positive rate up to $10,000 an hour, a contact and a real date.
    const rates = await records<PayRate>(tenant, 'PayRates')
    const usableRates = rates.filter((p) => p.ContactID > 0 && typeof p.HourlyBasePay === 'number' && p.HourlyBasePay > 0 && p.HourlyBasePay <= 10_000 && year(p.EffectiveDate) >= 1900)
    expect(rates.length - usableRates.length).toBe(7)
    expect(await liveCount('wages', connectionId)).toBe(usableRates.length)
    expect(view.streams.find((s) => s.name === 'PayRates')!.notice).toBe(
      '3 wages skipped: hourly rate out of range; 1 wage skipped: effective date missing; 1 wage skipped: effective date not a real date; 1 wage skipped: hourly rate missing; 1 wage skipped: worker missing; 1 wage imported without burden (out of range).',
    )

    // Jobs: all imported; an absurd contract price ($1e15, or -$5) is left empty rather than losing the job.
    const opportunities = await records<Opportunity>(tenant, 'Opportunities')
    expect(await liveCount('jobs', connectionId)).toBe(opportunities.length)
    const absurd = opportunities.find((o) => o.WonDollars === 1e15)!
    const job = await env.DB.prepare('SELECT contract_price_cents AS cents FROM jobs WHERE connection_id = ?1 AND external_id = ?2').bind(connectionId, String(absurd.OpportunityID)).first<{ cents: number | null }>()
    expect(job!.cents).toBeNull()
    expect(view.streams.find((s) => s.name === 'Opportunities')!.notice).toContain('2 jobs imported without contract price (out of range)')
  })

  it('should store names verbatim, markup and all, and answer them unchanged', async () => {
    const { tenant, token, connectionId } = await synced()
    const opportunities = await records<Opportunity>(tenant, 'Opportunities')
    const { results: jobs } = await env.DB.prepare('SELECT external_id, name FROM jobs WHERE connection_id = ?1').bind(connectionId).all<{ external_id: string; name: string }>()
    for (const o of opportunities) expect(jobs.find((j) => j.external_id === String(o.OpportunityID))!.name).toBe(o.OpportunityName ?? `Opportunity ${o.OpportunityID}`)
    expect(jobs.some((j) => j.name.startsWith('<img src=x onerror=window.__xss=1>'))).toBe(true)

    const contacts = await records<Contact>(tenant, 'Contacts', `?$filter=${encodeURIComponent("ContactTypeName eq 'Employee'")}`)
    const { results: workers } = await env.DB.prepare('SELECT external_id, name FROM workers WHERE connection_id = ?1').bind(connectionId).all<{ external_id: string; name: string }>()
    expect(workers).toHaveLength(contacts.length)
    for (const c of contacts) {
      const expected = [c.FirstName, c.LastName].filter(Boolean).join(' ') || c.CompanyName || `Contact ${c.ContactID}`
      expect(workers.find((w) => w.external_id === String(c.ContactID))!.name).toBe(expected)
    }

    const { jobs: listed, propays, approved, statements } = await checkBonusAnswers(token)
    for (const j of listed) expect(j.name).toBe(jobs.find((row) => row.external_id === j.externalId)!.name)
    expect(propays.length).toBeGreaterThan(0)
    // Worker names reach ProPay answers as the vendor spelled them.
    const named = propays.flatMap((p) => Object.values(p.workerNames))
    expect(named.some((name) => /<script>|<img|<svg/.test(name))).toBe(true)
    // What can be approved approves into statements, all in integer cents (checked inside checkBonusAnswers).
    expect(approved).toBeGreaterThan(0)
    expect(statements.length).toBeGreaterThan(0)
  })

  it('should keep picking up changes after a record stamped 9999-12-31', async () => {
    const { tenant, connectionId } = await synced()
    const [time] = await records<Time>(tenant, 'WorkTicketTimes', `?$top=1&$filter=${encodeURIComponent('Hours eq 4 or Hours gt 1 and Hours lt 9')}`)
    await control(`/tenants/${tenant.clientId}/records/WorkTicketTimes/${time!.WorkTicketTimeID}`, { method: 'PATCH', json: { Hours: 7.25 } })
    await cronCycle(queue, Date.now() + 121_000)
    const row = await env.DB.prepare('SELECT duration_seconds FROM time_entries WHERE connection_id = ?1 AND external_id = ?2').bind(connectionId, String(time!.WorkTicketTimeID)).first<{ duration_seconds: number }>()
    expect(row!.duration_seconds).toBe(26_100)
  })
})
