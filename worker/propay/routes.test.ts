import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { afterSync } from './auto-create'
import { userWithRole } from '../../tools/test/fixtures'
import { fails, ok } from '../../tools/test/propay/api'
import { snapshot } from '../../tools/test/propay/snapshot'
import { seedSynced } from '../../tools/test/propay/synced-fixtures'
import { HOUR, scenario, userForWorker, withProPay } from '../../tools/test/propay/scenario'

describe('POST /api/v1/propays', () => {
  it('should create one ProPay per non-recurring job, whatever milestone it is created from, and refuse a second with 409', async () => {
    const { admin, connectionId, propay } = await withProPay()
    expect(propay).toMatchObject({ kind: 'job', scopeKey: `job:${connectionId}:J1`, origin: 'manual', status: 'active', managerWorkerId: 'boss' })
    expect(propay.job).toMatchObject({ externalId: 'J1', name: 'Front lawn renovation', number: '1001' })
    expect(propay.figures).toEqual({ budgetSeconds: null, budgetCents: 100_000, actualSeconds: 16 * HOUR, actualCents: 40_000, savedCents: 60_000, bonusPoolCents: 30_000, paidOutCents: 30_000 })
    const before = await snapshot()
    const again = await fails('/api/v1/propays', admin.token, 409, { method: 'POST', json: { connectionId, jobExternalId: 'J1', milestoneExternalId: 'M1' } })
    expect(again.message).toBe(`This work already has a ProPay (${propay.id}); there is at most one per job or milestone.`)
    expect(await snapshot()).toEqual(before)
  })

  it('should give each visit of a recurring job its own ProPay and ask for the milestone by name', async () => {
    const { admin, connectionId } = await scenario()
    const missing = await fails('/api/v1/propays', admin.token, 400, { method: 'POST', json: { connectionId, jobExternalId: 'R1' } })
    expect(missing.details).toEqual([{ path: 'milestoneExternalId', message: 'this job is recurring: each visit gets its own ProPay, so name the milestone' }])
    const v1 = await ok('createProPay', admin.token, '/api/v1/propays', { method: 'POST', json: { connectionId, jobExternalId: 'R1', milestoneExternalId: 'V1' } }, 201)
    const v2 = await ok('createProPay', admin.token, '/api/v1/propays', { method: 'POST', json: { connectionId, jobExternalId: 'R1', milestoneExternalId: 'V2' } }, 201)
    expect([v1.scopeKey, v2.scopeKey]).toEqual([`milestone:${connectionId}:V1`, `milestone:${connectionId}:V2`])
    expect(v1.breakdown!.savings).toMatchObject({ savedCents: 10_000, workerShareCents: 5000 })
    expect(v2.breakdown!.savings.noBonusReason).toBe('budget_not_priced')
  })

  it('should refuse canceled jobs and milestones with 409', async () => {
    const { admin, connectionId } = await scenario()
    await seedSynced(admin.orgId, connectionId, {
      jobs: [
        { externalId: 'C1', status: 'canceled', budgetLaborCents: 1000 },
        { externalId: 'C2', recurring: true },
      ],
      milestones: [{ externalId: 'CV', jobExternalId: 'C2', status: 'canceled', estimatedSeconds: HOUR }],
    })
    expect((await fails('/api/v1/propays', admin.token, 409, { method: 'POST', json: { connectionId, jobExternalId: 'C1' } })).message).toMatch(/canceled job gets no ProPay/)
    expect((await fails('/api/v1/propays', admin.token, 409, { method: 'POST', json: { connectionId, jobExternalId: 'C2', milestoneExternalId: 'CV' } })).message).toMatch(/canceled milestone gets no ProPay/)
    expect((await snapshot()).propays).toEqual([])
  })

  it('should need a budget when the vendor has none (422) and take one from the request', async () => {
    const { admin, connectionId } = await scenario()
    await seedSynced(admin.orgId, connectionId, { jobs: [{ externalId: 'NB' }] })
    expect((await fails('/api/v1/propays', admin.token, 422, { method: 'POST', json: { connectionId, jobExternalId: 'NB' } })).message).toMatch(/no labor budget/)
    const created = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'NB', budget: { type: 'hours', budgetSeconds: 20 * HOUR } } }, 201)
    expect(created.settings).toMatchObject({ budget: { type: 'hours', budgetSeconds: 72_000 }, budgetSource: 'propay' })
  })

  it('should keep a budget too large to compute with the reason instead of failing', async () => {
    const { admin, connectionId } = await scenario()
    await seedSynced(admin.orgId, connectionId, { jobs: [{ externalId: 'NB' }] })
    const budget = { type: 'rate', rateCentsPerUnit: Number.MAX_SAFE_INTEGER, quantity: '12.5' }
    const created = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'NB', budget } }, 201)
    expect(created.breakdown).toBeNull()
    expect(created.approvable).toBe(false)
    expect(created.calculationIssues).toEqual([{ path: '(root)', message: expect.stringMatching(/^These figures are too large to compute exactly/) }])
    const fixed = await ok('updateProPay', admin.token, `/api/v1/propays/${created.id}`, { json: { budget: { type: 'amount', amountCents: 100_000 } } })
    expect(fixed.calculationIssues).toEqual([])
  })

  it('should keep manual amounts whose total is too large to compute with the reason instead of rounding it', async () => {
    const { admin, propay } = await withProPay()
    const manual = await ok('updateProPay', admin.token, `/api/v1/propays/${propay.id}`, {
      json: { distribution: { type: 'manual', amountsCents: { w1: Number.MAX_SAFE_INTEGER, w2: 2000 } } },
    })
    expect(manual).toMatchObject({ breakdown: null, approvable: false, calculationIssues: [{ path: '(root)' }] })
  })

  it('should name invalid fields with 400', async () => {
    const { admin, connectionId } = await scenario()
    const bad = await fails('/api/v1/propays', admin.token, 400, { method: 'POST', json: { connectionId, budget: { type: 'hours', budgetSeconds: -1 } } })
    expect(bad.details!.map((d) => d.path).sort()).toEqual(['budget.budgetSeconds', 'jobExternalId'])
  })

  it('should make a manager who creates a ProPay its manager, and let them name another admin or manager only', async () => {
    const { admin, connectionId } = await scenario()
    const manager = await userWithRole(admin.token, 'manager')
    const worker = await userWithRole(admin.token, 'worker')
    const badManager = await fails('/api/v1/propays', manager.token, 400, { method: 'POST', json: { connectionId, jobExternalId: 'J1', managerUserId: worker.id } })
    expect(badManager.details).toEqual([{ path: 'managerUserId', message: 'managerUserId must be an admin or manager of your organisation' }])
    const created = await ok('createProPay', manager.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'J1' } }, 201)
    expect(created.managerUserId).toBe(manager.id)
  })

  it('should refuse crew leads and workers with 403 and another organisation’s connection with 404', async () => {
    const { admin, connectionId } = await scenario('Acme')
    const other = await scenario('Globex')
    for (const role of ['crew_lead', 'worker'] as const) {
      const user = await userWithRole(admin.token, role)
      const refused = await fails('/api/v1/propays', user.token, 403, { method: 'POST', json: { connectionId, jobExternalId: 'J1' } })
      expect(refused.message).toBe('Only an admin or a manager can do this.')
    }
    await fails('/api/v1/propays', admin.token, 404, { method: 'POST', json: { connectionId: other.connectionId, jobExternalId: 'J1' } })
    expect((await snapshot()).propays).toEqual([])
  })
})

describe('GET /api/v1/propays and /api/v1/propays/:id', () => {
  it('should list only the organisation’s ProPays, filtered by status and by job (our id or the vendor’s)', async () => {
    const { admin, connectionId, propay } = await withProPay('Acme')
    const other = await withProPay('Globex')
    const v1 = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'R1', milestoneExternalId: 'V1' } }, 201)
    const all = await ok('listProPays', admin.token, '/api/v1/propays')
    expect(all.propays.map((p) => p.id).sort()).toEqual([propay.id, v1.id].sort())
    const byJob = await ok('listProPays', admin.token, `/api/v1/propays?jobId=${propay.job.id}`)
    expect(byJob.propays.map((p) => p.id)).toEqual([propay.id])
    const byVendor = await ok('listProPays', admin.token, '/api/v1/propays?vendor=aspire&externalId=R1')
    expect(byVendor.propays.map((p) => p.id)).toEqual([v1.id])
    expect((await ok('listProPays', admin.token, `/api/v1/propays?jobId=${other.propay.job.id}`)).propays).toEqual([])
    expect((await ok('listProPays', admin.token, '/api/v1/propays?status=approved')).propays).toEqual([])
    await fails(`/api/v1/propays/${other.propay.id}`, admin.token, 404)
    await fails('/api/v1/propays?externalId=R1', admin.token, 400)
  })

  it('should filter by vendor or connection however many jobs they hold', async () => {
    const { admin, connectionId, propay } = await withProPay()
    await seedSynced(admin.orgId, connectionId, { jobs: Array.from({ length: 120 }, (_, i) => ({ externalId: `bulk-${i}` })) })
    expect((await ok('listProPays', admin.token, '/api/v1/propays?vendor=aspire')).propays.map((p) => p.id)).toEqual([propay.id])
    expect((await ok('listProPays', admin.token, `/api/v1/propays?connectionId=${connectionId}`)).propays.map((p) => p.id)).toEqual([propay.id])
    expect((await ok('listProPays', admin.token, '/api/v1/propays?vendor=exaktime')).propays).toEqual([])
  })

  it('should let every manager read a ProPay with its full breakdown', async () => {
    const { admin, propay } = await withProPay()
    const manager = await userWithRole(admin.token, 'manager')
    const seen = await ok('getProPay', manager.token, `/api/v1/propays/${propay.id}`)
    expect(seen.visibility).toBe('full')
    expect(seen.breakdown!.payouts.map((p) => [p.workerId, p.role, p.amountCents])).toEqual([
      ['boss', 'manager', 3000],
      ['w1', 'crew', 10_500],
      ['w1', 'crew_lead', 6000],
      ['w2', 'crew', 10_500],
    ])
    expect(seen.approvable).toBe(true)
  })

  it('should show a worker only the ProPays they are on, with only their own row and payout', async () => {
    const { admin, connectionId, propay } = await withProPay()
    const wanda = await userForWorker(admin.token, connectionId, 'worker', 'w2')
    const stranger = await userForWorker(admin.token, connectionId, 'crew_lead', 'boss-less')
    await seedSynced(admin.orgId, connectionId, { jobs: [{ externalId: 'J9', budgetLaborCents: 1000 }] })
    const notHers = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'J9' } }, 201)

    const mine = await ok('getProPay', wanda.token, `/api/v1/propays/${propay.id}`)
    expect(mine).toMatchObject({ visibility: 'own', breakdown: null, settings: null, figures: null, blockers: [], myBonusCents: 10_500 })
    expect(mine.mine!.workers.map((w) => w.workerId)).toEqual(['w2'])
    expect(mine.mine!.payouts).toEqual([{ workerId: 'w2', role: 'crew', amountCents: 10_500 }])
    expect(mine.workerNames).toEqual({ w2: 'Wanda' })
    expect((await ok('listProPays', wanda.token, '/api/v1/propays')).propays.map((p) => [p.id, p.figures, p.myBonusCents])).toEqual([[propay.id, null, 10_500]])

    expect((await fails(`/api/v1/propays/${notHers.id}`, wanda.token, 403)).message).toBe('You can see only the ProPays you worked on.')
    await fails(`/api/v1/propays/${propay.id}`, stranger.token, 403)
    expect((await ok('listProPays', stranger.token, '/api/v1/propays')).propays).toEqual([])
  })

  it("should serve an active ProPay's stored figures on read and the recomputed ones once the sync's bonus pass ran", async () => {
    const { admin, connectionId, propay } = await withProPay()
    await seedSynced(admin.orgId, connectionId, { timeEntries: [{ workerExternalId: 'w2', milestoneExternalId: 'M1', hours: 4 }] })
    // Reads compute nothing: the new hours count once the pass that runs after each sync has seen them.
    const stored = await ok('getProPay', admin.token, `/api/v1/propays/${propay.id}`)
    expect(stored.figures).toEqual(propay.figures)
    expect(stored.computedAt).toBe(propay.computedAt)
    expect((await ok('listProPays', admin.token, '/api/v1/propays')).propays.find((p) => p.id === propay.id)!.figures).toEqual(propay.figures)
    await afterSync(env.DB, connectionId)
    const fresh = await ok('getProPay', admin.token, `/api/v1/propays/${propay.id}`)
    expect(fresh.figures).toMatchObject({ actualCents: 50_000, savedCents: 50_000, bonusPoolCents: 25_000 })
    expect(fresh.computedAt! >= propay.computedAt!).toBe(true)
  })

  it('should recompute from what is synced now when an edit changes the inputs, not only on the next sync', async () => {
    const { admin, connectionId, propay } = await withProPay()
    await seedSynced(admin.orgId, connectionId, { timeEntries: [{ workerExternalId: 'w2', milestoneExternalId: 'M1', hours: 4 }] })
    const changed = await ok('updateProPay', admin.token, `/api/v1/propays/${propay.id}`, { json: { people: { excludedWorkerIds: ['w2'] } } })
    expect(changed.figures).toMatchObject({ actualCents: 50_000, savedCents: 50_000 })
  })
})

describe('PATCH /api/v1/propays/:id', () => {
  it('should apply a budget adjustment, pool, distribution and people changes and recompute', async () => {
    const { admin, propay } = await withProPay()
    const changed = await ok('updateProPay', admin.token, `/api/v1/propays/${propay.id}`, {
      json: {
        adjustment: { kind: 'percentage_increase', bp: 1000 },
        pool: { splitBp: 10_000, bucketsBp: { crew: 10_000, crew_lead: 0, manager: 0, company: 0, other: 0 }, otherRecipientIds: [] },
        people: { excludedWorkerIds: ['w2'] },
      },
    })
    // $1,000 + 10% = $1,100; saved $700, all of it to the crew, and w2 is excluded: w1 gets it all.
    expect(changed.breakdown!.budget.laborBudgetCents).toBe(110_000)
    expect(changed.breakdown!.payouts).toEqual([{ workerId: 'w1', role: 'crew', amountCents: 70_000 }])
    expect(changed.settings!.people).toEqual({ crewLeadIds: null, excludedWorkerIds: ['w2'], bonusRemovedWorkerIds: [] })
  })

  it('should block approval while manual amounts do not add up to the crew bucket', async () => {
    const { admin, propay } = await withProPay()
    const manual = await ok('updateProPay', admin.token, `/api/v1/propays/${propay.id}`, { json: { distribution: { type: 'manual', amountsCents: { w1: 20_000, w2: 100 } } } })
    expect(manual.approvable).toBe(false)
    expect(manual.blockers.map((b) => b.code)).toEqual(['manual_sum_mismatch'])
    const before = await snapshot()
    expect((await fails(`/api/v1/propays/${propay.id}/approve`, admin.token, 409, { method: 'POST', json: {} })).message).toMatch(/^Approval is blocked/)
    expect(await snapshot()).toEqual(before)
    const fixed = await ok('updateProPay', admin.token, `/api/v1/propays/${propay.id}`, { json: { distribution: { type: 'manual', amountsCents: { w1: 20_000, w2: 1000 } } } })
    expect(fixed.breakdown!.payouts.filter((p) => p.role === 'crew')).toEqual([
      { workerId: 'w1', role: 'crew', amountCents: 20_000 },
      { workerId: 'w2', role: 'crew', amountCents: 1000 },
    ])
    expect(fixed.approvable).toBe(true)
  })

  it('should answer 400 naming each invalid field, and change nothing', async () => {
    const { admin, propay } = await withProPay()
    const before = await snapshot()
    const pool = await fails(`/api/v1/propays/${propay.id}`, admin.token, 400, {
      method: 'PATCH',
      json: { pool: { splitBp: 5000, bucketsBp: { crew: 7000, crew_lead: 2000, manager: 500, company: 0, other: 0 }, otherRecipientIds: [] } },
    })
    expect(pool.details).toEqual([{ path: 'pool.bucketsBp', message: 'Role buckets must total 100% (10000 bp); they total 95% (9500 bp).' }])
    const shape = await fails(`/api/v1/propays/${propay.id}`, admin.token, 400, { method: 'PATCH', json: { adjustment: { kind: 'percentage_decrease', bp: 12_000 }, costSettings: { includeDriveTime: 'yes' } } })
    expect(shape.details!.map((d) => d.path).sort()).toEqual(['adjustment.bp', 'costSettings.includeDriveTime'])
    await fails(`/api/v1/propays/${propay.id}`, admin.token, 400, { method: 'PATCH', json: {} })
    expect(await snapshot()).toEqual(before)
  })

  it('should lock every field once approved, and the burden and overtime exclusions for good', async () => {
    const { admin, propay } = await withProPay()
    await ok('approveProPay', admin.token, `/api/v1/propays/${propay.id}/approve`, { json: { approvalDate: '2026-05-06' } })
    const before = await snapshot()
    const locked = await fails(`/api/v1/propays/${propay.id}`, admin.token, 409, { method: 'PATCH', json: { budget: { type: 'amount', amountCents: 1 } } })
    expect(locked.message).toBe('This ProPay is approved, so its budget is locked; unapprove it to make changes.')
    expect(await snapshot()).toEqual(before)
    await ok('unapproveProPay', admin.token, `/api/v1/propays/${propay.id}/unapprove`, { method: 'POST' })
    const burden = await fails(`/api/v1/propays/${propay.id}`, admin.token, 409, { method: 'PATCH', json: { costSettings: { includeBurden: true } } })
    expect(burden.message).toBe('Burden and overtime cost exclusions are locked for good once a ProPay has been approved.')
    const drive = await ok('updateProPay', admin.token, `/api/v1/propays/${propay.id}`, { json: { costSettings: { includeDriveTime: true, includeBurden: false } } })
    expect(drive.settings!.costSettings).toEqual({ includeDriveTime: true, includeBurden: false, includeOvertimePremium: false })
  })

  it('should let only admins and the ProPay’s own manager edit it; others get 403, another organisation 404', async () => {
    const { admin, propay } = await withProPay('Acme')
    const other = await withProPay('Globex')
    const owner = await userWithRole(admin.token, 'manager')
    const bystander = await userWithRole(admin.token, 'manager')
    await ok('updateProPay', admin.token, `/api/v1/propays/${propay.id}`, { json: { people: { managerUserId: owner.id } } })
    const edit = { adjustment: { kind: 'multiply', factorBp: 20_000 } }
    expect((await fails(`/api/v1/propays/${propay.id}`, bystander.token, 403, { method: 'PATCH', json: edit })).message).toBe("Only an admin or this ProPay's manager can change it.")
    for (const role of ['crew_lead', 'worker'] as const) {
      const user = await userWithRole(admin.token, role)
      await fails(`/api/v1/propays/${propay.id}`, user.token, 403, { method: 'PATCH', json: edit })
    }
    await fails(`/api/v1/propays/${other.propay.id}`, admin.token, 404, { method: 'PATCH', json: edit })
    const byOwner = await ok('updateProPay', owner.token, `/api/v1/propays/${propay.id}`, { json: edit })
    expect(byOwner.breakdown!.budget.laborBudgetCents).toBe(200_000)
    const badOwner = await fails(`/api/v1/propays/${propay.id}`, owner.token, 400, { method: 'PATCH', json: { people: { managerUserId: (await userWithRole(admin.token, 'worker')).id } } })
    expect(badOwner.details![0]!.path).toBe('people.managerUserId')
  })
})
