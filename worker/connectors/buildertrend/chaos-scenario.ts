/**
 * Buildertrend under chaos: a small seeded tenant, shifts and jobs edited, deleted and added behind our
 * back, and cookie sessions that end mid-sync in each of the ways Buildertrend ends them.
 * @module
 */
import { env } from 'cloudflare:workers'
import {
  type BtTenant,
  btBrowserSession,
  btControl,
  btRecords,
  browserSessionCredentials,
  connectBuildertrend,
  connectBuildertrendSessionRequest,
  createBtTenant,
} from '../../../tools/test/buildertrend-sandbox'
import { call } from '../../../tools/test/fixtures'
import type { Rng } from '../../../tools/chaos/rng'
import { READ_FAULTS, type ChaosTenant, type ChaosVendor } from '../../../tools/chaos/scenario'

type Shift = { id: number; userID: number; name: string; rate: string | null; jobId: number | null; date: { date: string }; timeOut: unknown; costCodes: Array<{ id: number; costCodeTitle: string }> }
type Job = { jobId: number }

export const buildertrendChaos: ChaosVendor = {
  vendor: 'buildertrend',
  frequencyMs: 15 * 60_000,
  // Per-job data (job detail, budgets) is re-read for every job once a day, each job at its own time of day
  // (job-changes.ts), so an answer that came back incomplete without an error (a `truncate` of a budget's categories)
  // is repaired within a day: a cycle 26 hours after the last reads every job.
  slowestCadenceMs: 26 * 3600_000,
  faults: READ_FAULTS,
  // Buildertrend has no user or cost code list we can read: both are learned from shifts, and so are wages.
  learnedTables: ['workers', 'cost_codes', 'wages'],
  async createTenant(rng: Rng): Promise<ChaosTenant> {
    const tenant = await createBtTenant({ seed: rng.int(1, 2 ** 30), size: { jobs: rng.int(2, 5), users: rng.int(2, 4), days: 14 } })
    const pageSize = rng.int(10, 60)
    const base = `/tenants/${tenant.id}`
    let renames = 0
    const closedShifts = async () => (await btRecords<Shift>(tenant, 'shifts')).filter((s) => s.timeOut)

    const mutations: Array<(rng: Rng) => Promise<void>> = [
      async (r) => {
        const shifts = await closedShifts()
        if (!shifts.length) return
        const minutes = r.int(30, 600)
        await btControl(`${base}/records/shifts/${r.pick(shifts).id}`, { method: 'PATCH', json: { regularTime: minutes, overTime: 0, doubleOverTime: 0 } })
      },
      async (r) => {
        const shifts = await closedShifts()
        if (shifts.length) await btControl(`${base}/records/shifts/${r.pick(shifts).id}`, { method: 'DELETE' })
      },
      async (r) => {
        const shifts = await closedShifts()
        if (!shifts.length) return
        const like = r.pick(shifts)
        const code = like.costCodes[0]
        await btControl(`${base}/records/shifts`, {
          json: {
            userID: like.userID,
            name: like.name,
            // Shifts show rates as "$42.00" (or hide them); the control API takes dollars.
            rate: like.rate ? Number(like.rate.replace(/[$,]/g, '')) : 30,
            jobId: like.jobId,
            date: like.date.date.slice(0, 10),
            inMinutes: r.int(0, 600),
            spanMinutes: r.int(15, 300),
            approved: r.chance(0.5),
            costCodes: code ? [{ id: code.id, costCodeTitle: code.costCodeTitle, totalMinutes: 60 }] : [],
          },
        })
      },
      async (r) => {
        const jobs = await btRecords<Job>(tenant, 'jobs')
        // A new name every time, so the job picker row always changes with the price: a price edited alone reaches
        // us only with that job's daily re-read (README, "Buildertrend, by cadence"), and the oracle compares sooner.
        if (jobs.length) await btControl(`${base}/records/jobs/${r.pick(jobs).jobId}`, { method: 'PATCH', json: { jobName: `Chaos job ${r.int(1, 999)}.${++renames}`, contractPrice: `$${r.int(1000, 99999)}.50` } })
      },
    ]

    // How the admin connected (#14): a password the connector signs in with, or the session of their signed-in Chrome,
    // which only the extension can refresh; and whether the steps run in a real browser (Browser Rendering) or on fetch.
    const viaSession = rng.chance(0.5)
    const inBrowser = rng.chance(0.3)
    const settings = { pageSize, syncStartDate: '2000-01-01' }
    // One session end at a time: a staged end not reached yet (a cycle with nothing changed makes ~10 requests) is
    // dropped first, else it could land on the retry right after the sign-in the new end caused, which is what
    // Buildertrend refusing a fresh session looks like, and that rightly asks a person to sign in (client.ts).
    const endSessions = async (r: Rng) => {
      await btControl(`${base}/faults`, { method: 'DELETE' })
      await btControl(`${base}/expire-sessions`, { json: { mode: r.pick(['relogin', 'redirect', 'html', 'cleared']), afterRequests: r.int(0, 15) } })
    }

    return {
      id: tenant.id,
      variant: `${viaSession ? 'browser session' : 'password'}, ${inBrowser ? 'browser' : 'fetch'} transport`,
      env: inBrowser ? { BT_TRANSPORT: 'browser' } : undefined,
      async connect(token) {
        if (!viaSession) return (await connectBuildertrend(token, tenant, settings)).id
        const res = await connectBuildertrendSessionRequest(token, await btBrowserSession(tenant), settings)
        if (res.status !== 201) throw new Error(`session connect failed: ${res.status} ${await res.text()}`)
        return ((await res.json()) as { id: string }).id
      },
      mutate: async (r) => r.pick(mutations)(r),
      // Sessions are cookies: they end by needsToRelogin, a 302 to /app/error, the login page, or a Set-Cookie that clears
      // the `.AspNet.Auth0` ticket. A browser session may also be re-issued mid-sync (sliding expiration), its old ticket
      // ending later: the connector must carry on with the new one.
      async expireSession(r) {
        if (!viaSession || r.chance(0.5)) return endSessions(r)
        await btControl(`${base}/expire-superseded`, { json: { mode: r.pick(['relogin', 'redirect', 'html', 'cleared']) } })
        await btControl(`${base}/rotate-sessions`, { json: { afterRequests: r.int(0, 15) } })
      },
      // The extension's automatic reconnect: on buildertrend.net, a connection waiting for a fresh session gets one.
      revisit: viaSession
        ? async (token, connectionId) => {
            const view = (await (await call(`/api/v1/connections/${connectionId}`, { token })).json()) as { status: string; lastError: { code: string } | null }
            if (view.status !== 'relink_needed' || view.lastError?.code !== 'session_expired') return false
            const res = await call(`/api/v1/connections/${connectionId}`, { method: 'PATCH', token, json: { credentials: browserSessionCredentials(await btBrowserSession(tenant)) } })
            if (res.status !== 200) throw new Error(`the session refresh answered ${res.status}: ${await res.text()}`)
            return true
          }
        : undefined,
      async checkTruth(connectionId) {
        const { counts } = await btControl<BtTenant>(base)
        const shiftIds = new Set((await btRecords<Shift>(tenant, 'shifts')).map((s) => String(s.id)))
        const { results } = await env.DB.prepare('SELECT external_id FROM time_entries WHERE connection_id = ?1 AND deleted_at IS NULL').bind(connectionId).all<{ external_id: string }>()
        const problems: string[] = []
        if (results.length !== counts.allocations) problems.push(`time_entries: ${results.length} live rows, Buildertrend has ${counts.allocations} shift allocations`)
        // A shift split over cost codes is held as `<shift>:<cost code>`.
        const ours = new Set(results.map((r) => r.external_id.split(':')[0]!))
        for (const id of ours) if (!shiftIds.has(id)) problems.push(`time_entries: shift ${id} held but gone from Buildertrend`)
        return problems
      },
      remove: () => btControl(base, { method: 'DELETE' }),
    }
  },
}
