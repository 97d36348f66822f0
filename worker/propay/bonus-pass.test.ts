import { env } from 'cloudflare:workers'
import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createDb } from '../db/client'
import { propays, propaySyncMarks, propaySyncPasses } from '../db/schema'
import { nowIso } from '../util/clock'
import { ok } from '../../tools/test/propay/api'
import { HOUR, scenario } from '../../tools/test/propay/scenario'
import { seedSynced, updateMilestone } from '../../tools/test/propay/synced-fixtures'
import { afterSync, type AfterSyncOptions, type AfterSyncResult } from './auto-create'

const db = () => createDb(env.DB)
const later = (seconds: number) => nowIso(Date.now() + seconds * 1000)
const rows = (connectionId: string) => db().select().from(propays).where(eq(propays.connectionId, connectionId)).orderBy(asc(propays.scopeKey))
const passOf = async (connectionId: string) => (await db().select().from(propaySyncPasses).where(eq(propaySyncPasses.connectionId, connectionId)))[0]

/** What a pass decides for a ProPay (ids and times aside). */
const outcome = async (connectionId: string) =>
  (await rows(connectionId)).map((r) => ({
    scopeKey: r.scopeKey,
    status: r.status,
    managerWorkerExternalId: r.managerWorkerExternalId,
    budgetSource: r.budgetSource,
    inputHash: r.inputHash,
    breakdown: r.breakdown,
    calculationIssues: r.calculationIssues,
    attention: r.attention,
  }))

/** Three more jobs beside the scenario's J1 and R1 (two visits), so a pass of one job per round takes five rounds. */
async function fiveJobs() {
  const s = await scenario()
  await ok('updateBonusSettings', s.admin.token, '/api/v1/bonus-settings', { json: { launchDate: '2026-05-01' } })
  await seedSynced(s.admin.orgId, s.connectionId, {
    jobs: ['J2', 'J3', 'J4'].map((externalId, i) => ({ externalId, name: `Patio ${i}`, managerExternalId: 'boss', budgetLaborCents: 50_000 + i * 10_000 })),
    milestones: ['J2', 'J3', 'J4'].map((jobExternalId) => ({ externalId: `${jobExternalId}-M`, jobExternalId, status: 'pending_review' as const, crewLeaderExternalId: 'w1' })),
    timeEntries: ['J2', 'J3', 'J4'].flatMap((jobExternalId, i) => [
      { workerExternalId: 'w1', milestoneExternalId: `${jobExternalId}-M`, hours: 2 + i },
      { workerExternalId: 'w2', milestoneExternalId: `${jobExternalId}-M`, hours: 4 },
    ]),
  })
  return s
}

/** A budget of one round per call: the first round always runs, no second fits. */
const cut: AfterSyncOptions = { jobsPerRound: 1, budget: { timeLeftMs: () => 0, queries: 1_000 } }

/** Calls afterSync until its pass is done; the results of each call. */
async function untilDone(connectionId: string, options: AfterSyncOptions) {
  const calls: AfterSyncResult[] = []
  for (let i = 0; i < 50; i++) {
    const result = await afterSync(env.DB, connectionId, options)
    calls.push(result)
    if (result.done) return calls
  }
  throw new Error('the pass did not finish in 50 calls')
}

const sum = (calls: AfterSyncResult[]) => ({
  created: calls.flatMap((c) => c.created).length,
  recomputed: calls.reduce((n, c) => n + c.recomputed, 0),
  flagged: calls.reduce((n, c) => n + c.flagged, 0),
})

describe('the bonus pass in rounds', () => {
  it('should go on where a cut pass stopped and end with the ProPays and breakdowns an uncut pass gives', async () => {
    const { connectionId } = await fiveJobs()
    const first = await afterSync(env.DB, connectionId, cut)
    expect(first).toMatchObject({ unchanged: false, done: false })
    expect(await passOf(connectionId)).toMatchObject({ since: null, afterJob: 'J1', jobsDone: 1, jobsTotal: 5 })
    // Nothing is marked processed until the pass is through.
    expect(await db().select().from(propaySyncMarks).where(eq(propaySyncMarks.connectionId, connectionId))).toEqual([])
    const rest = await untilDone(connectionId, cut)
    const calls = [first, ...rest]
    // One round a call, the last one completing the pass.
    expect(calls.map((c) => c.done)).toEqual([false, false, false, false, true])
    expect(sum(calls)).toEqual({ created: 6, recomputed: 0, flagged: 0 })
    expect(await passOf(connectionId)).toBeUndefined()
    expect(await afterSync(env.DB, connectionId, cut)).toEqual({ unchanged: true, done: true, created: [], recomputed: 0, flagged: 0 })
    const cutOutcome = await outcome(connectionId)

    // The same data passed in one go.
    await db().delete(propays).where(eq(propays.connectionId, connectionId))
    await db().delete(propaySyncMarks).where(eq(propaySyncMarks.connectionId, connectionId))
    const uncut = await afterSync(env.DB, connectionId)
    expect(uncut).toMatchObject({ done: true, recomputed: 0, flagged: 0 })
    expect(uncut.created).toHaveLength(6)
    expect(await outcome(connectionId)).toEqual(cutOutcome)
    expect(cutOutcome.every((p) => p.breakdown !== null)).toBe(true)
  })

  it('should stop when the next round would not fit the queries left', async () => {
    const { connectionId } = await fiveJobs()
    const result = await afterSync(env.DB, connectionId, { jobsPerRound: 1, budget: { timeLeftMs: () => 60_000, queries: 20 } })
    expect(result.done).toBe(false)
    expect((await passOf(connectionId))!.jobsDone).toBe(1)
  })

  it('should recompute and flag the touched jobs once across cut calls, and change nothing when rounds are repeated', async () => {
    const { admin, connectionId } = await fiveJobs()
    await afterSync(env.DB, connectionId)
    const v1 = (await rows(connectionId)).find((r) => r.milestoneExternalId === 'V1')!
    await ok('approveProPay', admin.token, `/api/v1/propays/${v1.id}/approve`, { json: {} })
    // J1 gets more time (recompute), V1 is reopened after approval (flag), J3's visit is renamed (touched, unchanged).
    await seedSynced(admin.orgId, connectionId, { timeEntries: [{ workerExternalId: 'w2', milestoneExternalId: 'M1', hours: 4 }] }, later(5))
    await updateMilestone(connectionId, 'V1', { status: 'in_progress' }, later(5))
    await updateMilestone(connectionId, 'J3-M', { name: 'Renamed' }, later(5))
    // Every job is looked at again: the wages of w1 and w2 are at the mark's watermark, which counts as touched.
    const calls = await untilDone(connectionId, cut)
    expect(calls.map((c) => c.done)).toEqual([false, false, false, false, true])
    expect(sum(calls)).toEqual({ created: 0, recomputed: 1, flagged: 1 })
    const after = await rows(connectionId)
    expect(after.find((r) => r.milestoneExternalId === 'V1')!.attention).toMatch(/^Changed at the vendor after approval/)

    // As if every round ran again (a crash before the pass's end was recorded): nothing is created, recomputed or flagged twice.
    const [mark] = await db().select().from(propaySyncMarks).where(eq(propaySyncMarks.connectionId, connectionId))
    const at = nowIso()
    await db().insert(propaySyncPasses).values({ connectionId, orgId: admin.orgId, settingsStamp: mark!.settingsStamp, since: null, watermark: mark!.watermark, afterJob: null, startedAt: at, updatedAt: at })
    const again = await untilDone(connectionId, cut)
    expect(again).toHaveLength(5)
    expect(sum(again)).toEqual({ created: 0, recomputed: 0, flagged: 0 })
    expect(await rows(connectionId)).toEqual(after)
  })

  it('should drop a pass begun under other settings and pass every job under the new ones', async () => {
    const { admin, connectionId } = await fiveJobs()
    await afterSync(env.DB, connectionId, cut)
    const begun = (await passOf(connectionId))!
    await ok('updateBonusSettings', admin.token, '/api/v1/bonus-settings', { json: { exclusionRules: [{ kind: 'name_pattern', pattern: 'Patio*' }] } })
    const next = await afterSync(env.DB, connectionId, cut)
    const restarted = (await passOf(connectionId))!
    expect(restarted.settingsStamp).not.toBe(begun.settingsStamp)
    expect(restarted).toMatchObject({ afterJob: 'J1', jobsDone: 1, jobsTotal: 5 })
    const calls = [next, ...(await untilDone(connectionId, cut))]
    expect(calls).toHaveLength(5)
    // J1 from the first call, then R1's visits; the patios are excluded now.
    expect((await rows(connectionId)).map((r) => r.scopeKey)).toEqual([`job:${connectionId}:J1`, `milestone:${connectionId}:V1`, `milestone:${connectionId}:V2`])
  })

  it('should run the next pass in the same call when a carried one ends behind newer changes', async () => {
    const { admin, connectionId } = await fiveJobs()
    await afterSync(env.DB, connectionId, cut)
    // A change after the pass began (its watermark): the pass goes on, and that change follows in a pass of its own.
    await seedSynced(admin.orgId, connectionId, { timeEntries: [{ workerExternalId: 'w1', milestoneExternalId: 'V2', hours: 2 }] }, later(5))
    const result = await afterSync(env.DB, connectionId)
    expect(result.done).toBe(true)
    expect(await passOf(connectionId)).toBeUndefined()
    expect(await afterSync(env.DB, connectionId)).toMatchObject({ unchanged: true })
    const v2 = (await rows(connectionId)).find((r) => r.milestoneExternalId === 'V2')!
    expect(v2.breakdown!.workers.find((w) => w.workerId === 'w1')!.seconds).toBe(2 * HOUR)
  })
})
