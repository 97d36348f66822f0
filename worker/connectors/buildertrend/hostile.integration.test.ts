import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { captureQueue, cronCycle, drain, liveCount } from '../../../tools/test/aspire-sandbox'
import { btBrowserSession, btRecords, connectBuildertrend, connectBuildertrendSessionRequest, createBtTenant } from '../../../tools/test/buildertrend-sandbox'
import { compareConnections } from '../../../tools/chaos/compare-connections'
import { call, orgWithAdmin } from '../../../tools/test/fixtures'
import { checkBonusAnswers, connectionView } from '../../../tools/test/hostile-checks'
import type { Env } from '../../env'
import type { SyncMessage } from '../../sync/queue-messages'

type Shift = {
  id: number
  userID: number | null
  name: string | null
  date: { date: string } | null
  timeIn: { timeStamp: string } | null
  regularTime: unknown
  overTime: unknown
  doubleOverTime: unknown
  costCodes: Array<{ id: number }> | null
}
type Job = { jobId: number; jobName: string | null }

/** Minutes Buildertrend could mean: a number or a numeric string, within one day. */
const minutesOk = (v: unknown) => (typeof v === 'number' || (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v))) && Number(v) >= 0 && Number(v) <= 1440
const realDay = (day: string) => /^\d{4}-\d\d-\d\d$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day)
const dayOf = (s: Shift) => (s.date?.date ?? '').slice(0, 10)
const pieces = (s: Shift) => Math.max(1, s.costCodes?.length ?? 0)

describe('Buildertrend sync against a hostile tenant', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  it('should finish ok, import every usable shift and job, count the rest, and keep names verbatim', async () => {
    const tenant = await createBtTenant({ size: 'demo', seed: 3, hostile: true })
    const { token } = await orgWithAdmin()
    expect((await call('/api/v1/bonus-settings', { method: 'PATCH', token, json: { launchDate: '2000-01-01' } })).status).toBe(200)
    const { id } = await connectBuildertrend(token, tenant)
    await drain(queue)
    const view = await connectionView(token, id)
    expect(view).toMatchObject({ status: 'ok', lastError: null })
    expect(view.streams.every((s) => s.status === 'ok' && s.lastError === null)).toBe(true)

    const shifts = await btRecords<Shift>(tenant, 'shifts')
    // The grid filters by the shift's date, so a shift without one is never served for a date range.
    const served = shifts.filter((s) => s.date !== null)
    // Worked time is regularTime + overTime + doubleOverTime (docs/vendors/buildertrend.md §16.7).
    const worked = (s: Shift) => Number(s.regularTime) + Number(s.overTime) + Number(s.doubleOverTime)
    const usable = served.filter((s) => minutesOk(s.regularTime) && minutesOk(s.overTime) && minutesOk(s.doubleOverTime) && worked(s) <= 1440 && realDay(dayOf(s)))
    const total = served.reduce((n, s) => n + pieces(s), 0)
    const kept = usable.reduce((n, s) => n + pieces(s), 0)
    expect(total - kept).toBeGreaterThanOrEqual(5)
    expect(await liveCount('time_entries', id)).toBe(kept)
    const notice = view.streams.find((s) => s.name === 'TimeClock')!.notice!
    const skipped = [...notice.matchAll(/(\d+) time entr(?:y|ies) skipped/g)].reduce((n, m) => n + Number(m[1]), 0)
    expect(skipped).toBe(total - kept)
    expect(notice).toMatch(/time entr(y|ies) skipped: hours out of range/)
    expect(notice).toMatch(/time entr(y|ies) skipped: hours not a number/)
    expect(notice).toMatch(/time entr(y|ies) skipped: work date not a real date/)
    // Minutes sent as the string "480" are read as 8 hours, not refused.
    const stringy = shifts.find((s) => s.regularTime === '480')!
    const eight = await env.DB.prepare('SELECT sum(duration_seconds) AS s FROM time_entries WHERE connection_id = ?1 AND (external_id = ?2 OR external_id LIKE ?2 || \':%\')').bind(id, String(stringy.id)).first<{ s: number }>()
    expect(eight!.s).toBe(8 * 3600)
    // A shift without a user is time without a worker, not a worker called "null".
    expect(await env.DB.prepare("SELECT count(*) AS n FROM workers WHERE connection_id = ?1 AND external_id = 'null'").bind(id).first<{ n: number }>()).toEqual({ n: 0 })

    const jobs = await btRecords<Job>(tenant, 'jobs')
    expect(await liveCount('jobs', id)).toBe(jobs.length)
    const { results } = await env.DB.prepare('SELECT external_id, name, contract_price_cents FROM jobs WHERE connection_id = ?1').bind(id).all<{ external_id: string; name: string; contract_price_cents: number | null }>()
    for (const job of jobs) expect(results.find((r) => r.external_id === String(job.jobId))!.name).toBe(job.jobName?.trim() || `Job ${job.jobId}`)
    expect(results.some((r) => r.name.startsWith('<img src=x onerror=window.__xss=1>'))).toBe(true)
    expect(view.streams.find((s) => s.name === 'Jobs')!.notice).toContain('3 jobs imported without contract price (out of range)')

    const workerNames = new Map(shifts.filter((s) => s.userID !== null).map((s) => [String(s.userID), s.name?.trim() || `Buildertrend user ${s.userID}`]))
    const { results: workers } = await env.DB.prepare('SELECT external_id, name FROM workers WHERE connection_id = ?1').bind(id).all<{ external_id: string; name: string }>()
    expect(workers).toHaveLength(workerNames.size)
    for (const w of workers) expect(w.name).toBe(workerNames.get(w.external_id))

    const { propays } = await checkBonusAnswers(token)
    expect(propays.length).toBeGreaterThan(0)

    // The next scheduled cycle re-reads its rolling window (recent weeks only) and reports what that pass skipped.
    await cronCycle(queue, Date.now() + 901_000)
    const again = await connectionView(token, id)
    expect(again).toMatchObject({ status: 'ok', lastError: null })
    expect(again.streams.find((s) => s.name === 'TimeClock')!.notice).toMatch(/skipped/)
    expect(await liveCount('time_entries', id)).toBe(kept)
  })

  it('should import the same hostile data from a signed-in session through a real browser as from a password over fetch', async () => {
    const tenant = await createBtTenant({ size: 'small', seed: 3, hostile: true })
    const passwordOrg = await orgWithAdmin()
    const viaPassword = await connectBuildertrend(passwordOrg.token, tenant)
    const { token } = await orgWithAdmin()
    expect((await call('/api/v1/bonus-settings', { method: 'PATCH', token, json: { launchDate: '2000-01-01' } })).status).toBe(200)
    const res = await connectBuildertrendSessionRequest(token, await btBrowserSession(tenant))
    expect(res.status).toBe(201)
    const viaSession = (await res.json()) as { id: string }
    const sessionRuns = queue.filter((m) => m.connectionId === viaSession.id)
    await drain(queue.filter((m) => m.connectionId === viaPassword.id))
    await drain(sessionRuns, {}, { ...env, BT_TRANSPORT: 'browser' } as Env)

    const view = await connectionView(token, viaSession.id)
    expect(view).toMatchObject({ status: 'ok', lastError: null })
    expect(await liveCount('time_entries', viaSession.id)).toBeGreaterThan(0)
    // Row for row, column for column, what the password connection over fetch holds (names with markup included).
    expect(await compareConnections(env.DB, viaSession.id, viaPassword.id)).toEqual([])
    const notices = async (id: string, t: string) => (await connectionView(t, id)).streams.map((s) => [s.name, s.notice])
    expect(await notices(viaSession.id, token)).toEqual(await notices(viaPassword.id, passwordOrg.token))
    await checkBonusAnswers(token)
  })
})
