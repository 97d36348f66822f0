/**
 * Branches and wages are read complete every cycle, newest first (entity-stream.ts, listPage): one request when the
 * page holds every record we hold, the end probe only when one is missing. What the probe protected still holds: a
 * record removed in Aspire is soft-deleted by the next cycle, a page cut short deletes nothing (its rest is read in the
 * same cycle), and a record added while the page is cut short is read in that cycle, a new branch's zone included.
 */
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { RunList } from '../../../shared/api/connections'
import { captureQueue, connectAspire, control, createTenant, cronCycle, drain, records, type SandboxTenant } from '../../../tools/test/aspire-sandbox'
import { call, orgWithAdmin } from '../../../tools/test/fixtures'
import type { SyncMessage } from '../../sync/queue-messages'

const CYCLE_MS = 121_000
const HOUR = 3600_000

type Rate = { PayRateID: number }
type Branch = { BranchID: number; TimeZone: string }

/** One cron cycle at `now` and the GET requests it made, from the sandbox's log. */
async function cycle(queue: SyncMessage[], tenant: SandboxTenant, now: number) {
  await control(`/tenants/${tenant.clientId}/requests`, { method: 'DELETE' })
  expect(await cronCycle(queue, now), 'the connection was due').toBe(1)
  const { entries } = await control<{ entries: Array<{ method: string; path: string }> }>(`/tenants/${tenant.clientId}/requests`)
  const gets = entries.filter((e) => e.method === 'GET').map((e) => e.path)
  return { gets, count: (path: string) => gets.filter((p) => p.split('?')[0] === path).length }
}

const liveIds = async (table: string, connectionId: string) =>
  (await env.DB.prepare(`SELECT external_id FROM ${table} WHERE connection_id = ?1 AND deleted_at IS NULL`).bind(connectionId).all<{ external_id: string }>()).results
    .map((r) => r.external_id)
    .sort()

const idsOf = <T extends Record<string, unknown>>(rows: T[], key: keyof T) => rows.map((r) => String(r[key])).sort()

const lastRun = async (token: string, connectionId: string) => RunList.parse(await (await call(`/api/v1/connections/${connectionId}/runs`, { token })).json()).runs[0]!

/** Where this cycle's WorkTickets changes pass started: the cursor minus the zone spread and the commit lag. */
function changesFrom(gets: string[]) {
  const filter = gets
    .filter((p) => p.startsWith('/WorkTickets?'))
    .map((p) => new URL(p, 'http://sandbox').searchParams.get('$filter') ?? '')
    .find((f) => f.startsWith('(LastModifiedDateTime ge '))
  expect(filter, 'a changes pass ran').toBeDefined()
  return Date.parse(`${filter!.slice('(LastModifiedDateTime ge '.length, '(LastModifiedDateTime ge '.length + 19)}Z`)
}

describe('Aspire lists read complete every cycle (branches, wages)', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  async function connected(seed: number, branchZones: string[]) {
    const tenant = await createTenant({ size: 'demo', seed, branchZones })
    const { token } = await orgWithAdmin()
    const created = await connectAspire(token, tenant)
    await drain(queue)
    return { tenant, token, connectionId: created.id, start: Date.now() }
  }

  it('should soft-delete a branch and a pay rate removed in Aspire by the next cycle, the probe confirming', async () => {
    const { tenant, token, connectionId, start } = await connected(31, ['America/Chicago', 'America/Denver', 'America/New_York'])
    const rates = await records<Rate>(tenant, 'PayRates', '?$orderby=PayRateID asc')
    const branches = await records<Branch>(tenant, 'Branches', '?$orderby=BranchID asc')
    expect(await liveIds('wages', connectionId)).toEqual(idsOf(rates, 'PayRateID'))
    // The oldest rate and the newest branch: the two ends of a newest-first page.
    const rate = rates[0]!
    const branch = branches.at(-1)!
    await control(`/tenants/${tenant.clientId}/records/PayRates/${rate.PayRateID}`, { method: 'DELETE' })
    await control(`/tenants/${tenant.clientId}/records/Branches/${branch.BranchID}`, { method: 'DELETE' })

    const removed = await cycle(queue, tenant, start + CYCLE_MS)
    expect(removed.count('/PayRates'), 'the page, and the probe a missing rate calls for').toBe(2)
    expect(removed.count('/Branches')).toBe(2)
    expect(await liveIds('wages', connectionId)).toEqual(idsOf(rates.slice(1), 'PayRateID'))
    expect(await liveIds('branches', connectionId)).toEqual(idsOf(branches.slice(0, -1), 'BranchID'))
    expect(await lastRun(token, connectionId)).toMatchObject({ status: 'ok', deleted: 2 })

    // Nothing missing any more: one request each again.
    const quiet = await cycle(queue, tenant, start + 2 * CYCLE_MS)
    expect([quiet.count('/PayRates'), quiet.count('/Branches')]).toEqual([1, 1])
  })

  it('should delete nothing when the page is cut short, read its rest in the same cycle, and still delete what is gone', async () => {
    const { tenant, token, connectionId, start } = await connected(32, ['America/Chicago', 'America/Denver', 'America/New_York'])
    const rates = await records<Rate>(tenant, 'PayRates', '?$orderby=PayRateID asc')
    const branches = await records<Branch>(tenant, 'Branches', '?$orderby=BranchID asc')
    expect(rates.length).toBeGreaterThan(3)
    const victim = rates[1]!
    await control(`/tenants/${tenant.clientId}/records/PayRates/${victim.PayRateID}`, { method: 'DELETE' })
    // Both lists come back with their first rows only, as a response cut short would.
    await control(`/tenants/${tenant.clientId}/faults`, {
      json: [
        { kind: 'truncate', path: '/PayRates', page: 1, keep: 2, count: 1 },
        { kind: 'truncate', path: '/Branches', page: 1, keep: 1, count: 1 },
      ],
    })

    const cut = await cycle(queue, tenant, start + CYCLE_MS)
    // The cut page, the probe that finds more, the rest below it and its probe.
    expect(cut.count('/PayRates')).toBe(4)
    // The same for branches, and the zones read on their own (page and probe): the first page was not the list.
    expect(cut.count('/Branches')).toBe(6)
    expect(await liveIds('wages', connectionId)).toEqual(idsOf(rates.filter((r) => r !== victim), 'PayRateID'))
    expect(await liveIds('branches', connectionId)).toEqual(idsOf(branches, 'BranchID'))
    expect(await lastRun(token, connectionId), 'only the rate removed in Aspire').toMatchObject({ status: 'ok', deleted: 1 })
  })

  it('should page a list longer than a page down by id and delete only what is gone', async () => {
    const tenant = await createTenant({ size: 'demo', seed: 34 })
    const { token } = await orgWithAdmin()
    const { id: connectionId } = await connectAspire(token, tenant, { pageSize: 5 })
    await drain(queue)
    const rates = await records<Rate>(tenant, 'PayRates', '?$orderby=PayRateID asc')
    expect(rates.length).toBeGreaterThan(10)
    const victim = rates[Math.floor(rates.length / 2)]!
    await control(`/tenants/${tenant.clientId}/records/PayRates/${victim.PayRateID}`, { method: 'DELETE' })

    const read = await cycle(queue, tenant, Date.now() + CYCLE_MS)
    // Every full page, the short one after them, and the probe that confirms its end (the pass deletes).
    expect(read.count('/PayRates')).toBe(Math.floor((rates.length - 1) / 5) + 2)
    expect(await liveIds('wages', connectionId)).toEqual(idsOf(rates.filter((r) => r !== victim), 'PayRateID'))
    expect(await lastRun(token, connectionId)).toMatchObject({ status: 'ok', deleted: 1 })
  })

  it('should read a pay rate and a branch in a new zone added while the page is cut short, in that cycle', async () => {
    const { tenant, connectionId, start } = await connected(33, ['America/Chicago', 'America/New_York'])
    const rates = await records<Rate>(tenant, 'PayRates')
    const branches = await records<Branch>(tenant, 'Branches')
    const quiet = await cycle(queue, tenant, start + CYCLE_MS)
    const [rate] = await control<Rate[]>(`/tenants/${tenant.clientId}/records/PayRates`, { json: [{ ...rates[0]!, PayRateID: undefined, HourlyBasePay: 41.5 }] })
    const [kona] = await control<Branch[]>(`/tenants/${tenant.clientId}/records/Branches`, { json: [{ BranchName: 'Kona', TimeZone: 'Pacific/Honolulu' }] })
    // As many rows as we held: oldest first, the cut would drop only the new record and the page would look whole.
    await control(`/tenants/${tenant.clientId}/faults`, {
      json: [
        { kind: 'truncate', path: '/PayRates', page: 1, keep: rates.length, count: 1 },
        { kind: 'truncate', path: '/Branches', page: 1, keep: branches.length, count: 1 },
      ],
    })

    const cut = await cycle(queue, tenant, start + 2 * CYCLE_MS)
    expect(await liveIds('wages', connectionId)).toContain(String(rate!.PayRateID))
    expect(await liveIds('branches', connectionId)).toEqual(idsOf([...branches, kona!], 'BranchID'))
    // Honolulu widens the spread from an hour (Chicago–New York) to five or six: this cycle's changes start earlier.
    expect(changesFrom(quiet.gets) - changesFrom(cut.gets)).toBeGreaterThanOrEqual(4 * HOUR)
  })
})
