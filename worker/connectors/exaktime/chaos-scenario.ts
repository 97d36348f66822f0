/**
 * ExakTime under chaos: a small seeded tenant read with an API key (read-only or read-write; the only way in,
 * docs/vendors/exaktime.md §12.5), time records edited, deleted and approved behind our back (visible after the
 * warehouse refreshes), and the vendor's clock jumping ahead.
 * @module
 */
import { env } from 'cloudflare:workers'
import { connectExakTime, createExakTimeTenant, exControl, exKey, exRecords, timeSummary } from '../../../tools/test/exaktime-sandbox'
import type { Rng } from '../../../tools/chaos/rng'
import { HOURLY_MS } from './intervals'
import { READ_FAULTS, type ChaosTenant, type ChaosVendor } from '../../../tools/chaos/scenario'

type TimeRecord = { id: number; workDate: string }

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

export const exaktimeChaos: ChaosVendor = {
  vendor: 'exaktime',
  frequencyMs: 15 * 60_000,
  // Each cycle re-reads only the days that can still change; the whole window (and the reference lists) hourly
  // (cadence.ts), so the oracle compares once an hour has passed. Quarantined time, re-read daily, is never released here.
  slowestCadenceMs: HOURLY_MS,
  faults: READ_FAULTS,
  async createTenant(rng: Rng): Promise<ChaosTenant> {
    const tenant = await createExakTimeTenant({ seed: rng.int(1, 2 ** 30), size: { employees: rng.int(2, 5), locations: rng.int(2, 4), days: 14 }, jobSource: rng.pick(['location', 'job']) })
    const base = `/tenants/${tenant.companyId}`
    const level = rng.pick(['supervisor', 'sign_off'] as const)
    // We only read, so either kind of key must do.
    const key = rng.pick(tenant.apiKeys).key
    const settings = { approvalLevel: level, pageSize: rng.int(5, 40), syncStartDate: daysAgo(60) }
    // Locked records answer 409, as ExakTime refuses edits to signed-off days: that change simply did not happen.
    const tolerateLocked = (err: unknown) => {
      if (!String(err).includes(' 409')) throw err
    }
    const recent = async () => (await exRecords<TimeRecord>(tenant, 'timeRecords')).filter((t) => t.workDate >= daysAgo(10))

    const mutations: Array<(rng: Rng) => Promise<void>> = [
      async (r) => {
        const times = await recent()
        if (times.length) await exControl(`${base}/time-records/${r.pick(times).id}`, { method: 'PATCH', json: { regularHours: r.int(1, 8), ot1Hours: r.int(0, 3), ot2Hours: 0 } }).catch(tolerateLocked)
      },
      async (r) => {
        const times = await recent()
        if (times.length) await exControl(`${base}/time-records/${r.pick(times).id}`, { method: 'DELETE' }).catch(tolerateLocked)
      },
      async (r) => {
        const from = daysAgo(r.int(3, 10))
        await exControl(`${base}/approvals`, { json: { level: r.pick(['Employee', 'Supervisor', 'SignOff']), from, to: daysAgo(r.int(1, 2)) } }).catch(tolerateLocked)
      },
    ]

    return {
      id: tenant.companyId,
      connect: async (token) => (await connectExakTime(token, exKey(tenant, key), settings)).id,
      async mutate(r) {
        await r.pick(mutations)(r)
        // The warehouse shows changes only after its refresh; refresh now and then, as the nightly job would.
        if (r.chance(0.7)) await exControl(`${base}/refresh`, { method: 'POST' })
      },
      // An API key has no session to end (the assumed key flow has no exchange step, key-flow.ts): the vendor's
      // clock moves an hour on instead, which must change nothing we read.
      expireSession: async () => {
        await exControl(`${base}/clock`, { json: { advanceMs: 61 * 60_000 } })
      },
      async checkTruth(connectionId) {
        const summary = await timeSummary(tenant, `?level=${level}&from=${settings.syncStartDate}`)
        const { results } = await env.DB.prepare('SELECT external_id FROM time_entries WHERE connection_id = ?1 AND deleted_at IS NULL').bind(connectionId).all<{ external_id: string }>()
        const ours = new Set(results.map((r) => r.external_id))
        const final = new Set(summary.finalIds.map(String))
        const problems: string[] = []
        if (ours.size !== results.length) problems.push('time_entries: the same ExakTime record held twice')
        for (const id of final) if (!ours.has(id)) problems.push(`time_entries: final ExakTime record ${id} lost`)
        for (const id of ours) if (!final.has(id)) problems.push(`time_entries: ExakTime record ${id} held but not final or gone`)
        return problems
      },
      remove: () => exControl(base, { method: 'DELETE' }),
    }
  },
}
