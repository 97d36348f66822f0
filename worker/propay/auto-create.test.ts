import { env } from 'cloudflare:workers'
import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createDb } from '../db/client'
import { propays, workers } from '../db/schema'
import { userWithRole } from '../../tools/test/fixtures'
import { nowIso } from '../util/clock'
import { afterSync } from './auto-create'
import { ok } from '../../tools/test/propay/api'
import { scenario } from '../../tools/test/propay/scenario'
import { seedSynced, updateMilestone } from '../../tools/test/propay/synced-fixtures'

const later = (seconds: number) => nowIso(Date.now() + seconds * 1000)

const rows = () => createDb(env.DB).select().from(propays).orderBy(asc(propays.scopeKey))

async function launched(launchDate = '2026-05-01') {
  const s = await scenario()
  await ok('updateBonusSettings', s.admin.token, '/api/v1/bonus-settings', { json: { launchDate } })
  return s
}

/** Counts what afterSync asks of D1, to prove a run with nothing new is cheap. */
function counting(d1: D1Database) {
  const counts = { prepared: 0, batches: 0 }
  const proxy = new Proxy(d1, {
    get(target, name) {
      if (name === 'prepare') return (sql: string) => (counts.prepared++, target.prepare(sql))
      if (name === 'batch') return (statements: D1PreparedStatement[]) => (counts.batches++, target.batch(statements))
      const value = Reflect.get(target, name)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { d1: proxy, counts }
}

describe('afterSync', () => {
  it('should create nothing while the launch date is "Not Sure"', async () => {
    const { connectionId } = await scenario()
    const result = await afterSync(env.DB, connectionId)
    expect(result).toEqual({ unchanged: false, done: true, created: [], recomputed: 0, flagged: 0 })
    expect(await rows()).toEqual([])
  })

  it('should create one ProPay per non-recurring job and per visit of a recurring job, once', async () => {
    const { admin, connectionId } = await launched()
    const first = await afterSync(env.DB, connectionId)
    expect(first.created).toHaveLength(3)
    expect((await rows()).map((r) => [r.scopeKey, r.origin, r.status, r.managerWorkerExternalId, r.budgetSource])).toEqual([
      [`job:${connectionId}:J1`, 'auto', 'active', 'boss', 'job.budget_labor_cents'],
      [`milestone:${connectionId}:V1`, 'auto', 'active', 'boss', 'milestone.estimated_seconds'],
      [`milestone:${connectionId}:V2`, 'auto', 'active', 'boss', 'milestone.estimated_seconds'],
    ])
    const j1 = (await rows())[0]!
    expect(j1.breakdown!.savings.workerShareCents).toBe(30_000)

    expect(await afterSync(env.DB, connectionId)).toEqual({ unchanged: true, done: true, created: [], recomputed: 0, flagged: 0 })
    // A later sync that touches the job again still creates nothing twice.
    await updateMilestone(connectionId, 'M1', { name: 'Renamed' }, later(5))
    expect((await afterSync(env.DB, connectionId)).created).toEqual([])
    expect(await rows()).toHaveLength(3)
    const listed = await ok('listProPays', admin.token, '/api/v1/propays')
    expect(listed.propays).toHaveLength(3)
  })

  it('should not create twice when two runs overlap', async () => {
    const { connectionId } = await launched()
    const [a, b] = await Promise.all([afterSync(env.DB, connectionId), afterSync(env.DB, connectionId)])
    expect(a.created.length + b.created.length).toBe(3)
    expect(await rows()).toHaveLength(3)
  })

  it('should find the ProPay’s manager among the users by the job manager’s email', async () => {
    const { admin, connectionId } = await launched()
    const manager = await userWithRole(admin.token, 'manager')
    await createDb(env.DB).update(workers).set({ email: manager.email }).where(eq(workers.externalId, 'boss'))
    await afterSync(env.DB, connectionId)
    expect((await rows()).map((r) => r.managerUserId)).toEqual([manager.id, manager.id, manager.id])
  })

  it('should skip excluded, canceled, unbudgeted, out-of-program and pre-launch work', async () => {
    const { admin, connectionId } = await launched('2026-05-01')
    await ok('updateBonusSettings', admin.token, '/api/v1/bonus-settings', {
      json: {
        exclusionRules: [{ kind: 'name_pattern', pattern: 'TEST*' }, { kind: 'property', propertyId: 'P9' }],
        excludedJobs: [{ connectionId, jobExternalId: 'R1' }],
        incentivizedBranchIds: ['north'],
      },
    })
    await seedSynced(admin.orgId, connectionId, {
      jobs: [
        { externalId: 'OK', name: 'Hedge trimming', branchExternalId: 'north', budgetLaborCents: 10_000 },
        { externalId: 'T', name: 'test job', branchExternalId: 'north', budgetLaborCents: 10_000 },
        { externalId: 'P', name: 'Property nine', clientExternalId: 'P9', branchExternalId: 'north', budgetLaborCents: 10_000 },
        { externalId: 'X', name: 'Canceled', status: 'canceled', branchExternalId: 'north', budgetLaborCents: 10_000 },
        { externalId: 'NB', name: 'No budget', branchExternalId: 'north' },
        { externalId: 'S', name: 'South', branchExternalId: 'south', budgetLaborCents: 10_000 },
        { externalId: 'OLD', name: 'Last year', branchExternalId: 'north', budgetLaborCents: 10_000 },
      ],
      milestones: [{ externalId: 'OLDM', jobExternalId: 'OLD', status: 'completed' }],
      timeEntries: [{ workerExternalId: 'w1', milestoneExternalId: 'OLDM', hours: 1, workDate: '2026-04-30' }],
    })
    await afterSync(env.DB, connectionId)
    expect((await rows()).map((r) => r.jobExternalId)).toEqual(['OK'])
  })

  it('should back-fill when the launch date is moved earlier, without creating twice', async () => {
    const { admin, connectionId } = await launched('2026-05-05')
    expect((await afterSync(env.DB, connectionId)).created).toHaveLength(1) // V2: no time yet, so not before launch
    await ok('updateBonusSettings', admin.token, '/api/v1/bonus-settings', { json: { launchDate: '2026-05-01' } })
    expect((await afterSync(env.DB, connectionId)).created).toHaveLength(2)
    expect(await rows()).toHaveLength(3)
  })

  it('should recompute active ProPays touched by new synced rows, and cost a few reads when nothing changed', async () => {
    const { admin, connectionId } = await launched()
    await afterSync(env.DB, connectionId)
    await seedSynced(admin.orgId, connectionId, { timeEntries: [{ workerExternalId: 'w2', milestoneExternalId: 'M1', hours: 4 }] }, later(5))
    const result = await afterSync(env.DB, connectionId)
    expect(result).toMatchObject({ unchanged: false, created: [], recomputed: 1 })
    expect((await rows())[0]!.breakdown!.actual.costCents).toBe(50_000)

    const { d1, counts } = counting(env.DB)
    expect(await afterSync(d1, connectionId)).toEqual({ unchanged: true, done: true, created: [], recomputed: 0, flagged: 0 })
    // The connection with its organisation, mark and pass; the settings; the watermark: nothing else, and no write.
    expect(counts).toEqual({ prepared: 3, batches: 0 })
  })

  it('should flag an approved ProPay whose visit the vendor un-completes, without reversing it', async () => {
    const { admin, connectionId } = await launched()
    await afterSync(env.DB, connectionId)
    const v1 = (await rows()).find((r) => r.milestoneExternalId === 'V1')!
    await ok('approveProPay', admin.token, `/api/v1/propays/${v1.id}/approve`, { json: {} })
    await updateMilestone(connectionId, 'V1', { status: 'in_progress' }, later(5))
    expect((await afterSync(env.DB, connectionId)).flagged).toBe(1)
    const flagged = await ok('getProPay', admin.token, `/api/v1/propays/${v1.id}`)
    expect(flagged.status).toBe('approved')
    expect(flagged.attention).toMatch(/^Changed at the vendor after approval: The work is not complete: milestone\(s\) V1 \(in_progress\)/)
    expect(flagged.lineItems.every((i) => i.status === 'held')).toBe(true)
    await updateMilestone(connectionId, 'V1', { status: 'pending_review' }, later(10))
    await afterSync(env.DB, connectionId)
    expect((await ok('getProPay', admin.token, `/api/v1/propays/${v1.id}`)).attention).toBeNull()
  })

  it('should do nothing for an unknown connection', async () => {
    expect(await afterSync(env.DB, 'no-such-connection')).toEqual({ unchanged: true, done: true, created: [], recomputed: 0, flagged: 0 })
  })
})
