import { describe, expect, it } from 'vitest'
import { orgWithAdmin } from '../../tools/test/fixtures'
import { fails, ok } from '../../tools/test/propay/api'
import { snapshot } from '../../tools/test/propay/snapshot'
import { connectionWith, updateMilestone } from '../../tools/test/propay/synced-fixtures'

const HOUR = 3600

const shares = (detail: { breakdown: { workers: { workerId: string; shares: Record<string, number> }[] } | null }) =>
  Object.fromEntries(detail.breakdown!.workers.map((w) => [w.workerId, w.shares]))

describe('docs/domain/propay.md §6.1 worked example 1 through the API — hours budget', () => {
  // 40 crew-hours for a 2-person crew = 80 person-hours; a (crew lead) and b at $25/h log 30 h each.
  async function setUp() {
    const admin = await orgWithAdmin()
    const connectionId = await connectionWith(admin.orgId, {
      jobs: [{ externalId: 'J61', name: 'Maintenance contract', recurring: true, managerExternalId: 'mgr' }],
      milestones: [{ externalId: 'M61', jobExternalId: 'J61', status: 'in_progress', estimatedSeconds: 80 * HOUR, crewLeaderExternalId: 'a' }],
      workers: [{ externalId: 'a', name: 'Ana' }, { externalId: 'b', name: 'Ben' }, { externalId: 'mgr', name: 'Maya' }],
      wages: [
        { workerExternalId: 'a', hourlyCents: 2500 },
        { workerExternalId: 'b', hourlyCents: 2500 },
      ],
      timeEntries: [
        { workerExternalId: 'a', milestoneExternalId: 'M61', hours: 10, workDate: '2026-05-04' },
        { workerExternalId: 'a', milestoneExternalId: 'M61', hours: 20, workDate: '2026-05-05' },
        { workerExternalId: 'b', milestoneExternalId: 'M61', hours: 30, workDate: '2026-05-05' },
        // Drive time is recorded but excluded from labor cost by default.
        { workerExternalId: 'b', milestoneExternalId: 'M61', hours: 1, isDrive: true, workDate: '2026-05-05' },
      ],
    })
    const created = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'J61', milestoneExternalId: 'M61' } }, 201)
    return { admin, connectionId, id: created.id, created }
  }

  it('should compute $500 saved, a $250 pool and $87.50 / $50 / $25 payouts to the cent', async () => {
    const { created } = await setUp()
    expect(created.kind).toBe('milestone')
    expect(created.settings?.budgetSource).toBe('milestone.estimated_seconds')
    const b = created.breakdown!
    expect(b.actual.costCents).toBe(150_000)
    expect(b.actual.excludedDrive.seconds).toBe(HOUR)
    expect(b.budget.blendedWageCentsPerHour).toBe(2500)
    expect(b.budget.laborBudgetCents).toBe(200_000)
    expect(b.savings.savedCents).toBe(50_000)
    expect(b.savings.workerShareCents).toBe(25_000)
    expect(b.buckets.map((x) => [x.role, x.amountCents])).toEqual([
      ['crew', 17_500],
      ['crew_lead', 5_000],
      ['manager', 2_500],
      ['company', 0],
      ['other', 0],
    ])
    expect(shares(created)).toEqual({
      a: { crew: 8750, crew_lead: 5000, manager: 0, other: 0 },
      b: { crew: 8750, crew_lead: 0, manager: 0, other: 0 },
      mgr: { crew: 0, crew_lead: 0, manager: 2500, other: 0 },
    })
    expect(created.workerNames).toEqual({ a: 'Ana', b: 'Ben', mgr: 'Maya' })
    expect(created.figures).toMatchObject({ budgetCents: 200_000, actualCents: 150_000, savedCents: 50_000, bonusPoolCents: 25_000, paidOutCents: 25_000 })
  })

  it('should refuse approval before the visit is complete, then approve it into line items on weekly statements, then pay them', async () => {
    const { admin, connectionId, id } = await setUp()
    const before = await snapshot()
    const early = await fails(`/api/v1/propays/${id}/approve`, admin.token, 409, { method: 'POST', json: { approvalDate: '2026-05-06' } })
    expect(early.message).toMatch(/not complete.*M61 \(in_progress\).*pending_review/)
    expect(await snapshot()).toEqual(before)

    await updateMilestone(connectionId, 'M61', { status: 'pending_review' })
    const approved = await ok('approveProPay', admin.token, `/api/v1/propays/${id}/approve`, { method: 'POST', json: { approvalDate: '2026-05-06' } })
    expect(approved.status).toBe('approved')
    expect(approved.approvalDate).toBe('2026-05-06')
    expect(approved.lineItems.map((i) => [i.workerId, i.role, i.amountCents, i.status, i.statementNumber])).toEqual([
      ['a', 'crew', 8750, 'held', 'ST-001'],
      ['a', 'crew_lead', 5000, 'held', 'ST-001'],
      ['b', 'crew', 8750, 'held', 'ST-002'],
      ['mgr', 'manager', 2500, 'held', 'ST-003'],
    ])

    const { statements } = await ok('listStatements', admin.token, '/api/v1/statements?period=2026-05-08')
    expect(statements.map((s) => [s.number, s.worker.id, s.worker.name, s.periodStart, s.periodEnd, s.totalCents, s.status]).sort()).toEqual([
      ['ST-001', 'a', 'Ana', '2026-05-04', '2026-05-10', 13_750, 'open'],
      ['ST-002', 'b', 'Ben', '2026-05-04', '2026-05-10', 8750, 'open'],
      ['ST-003', 'mgr', 'Maya', '2026-05-04', '2026-05-10', 2500, 'open'],
    ])

    const approvedState = await snapshot()
    const twice = await fails(`/api/v1/propays/${id}/approve`, admin.token, 409, { method: 'POST', json: { approvalDate: '2026-05-06' } })
    expect(twice.message).toBe('This ProPay is already approved; it cannot be approved twice.')
    expect(await snapshot()).toEqual(approvedState)

    const paidA = await ok('payStatement', admin.token, '/api/v1/statements/ST-001/pay', { method: 'POST', json: { payDate: '2026-05-15' } })
    expect(paidA.status).toBe('paid')
    expect(paidA.lineItems.every((i) => i.status === 'paid' && i.paidOn === '2026-05-15')).toBe(true)
    expect((await ok('getProPay', admin.token, `/api/v1/propays/${id}`)).status).toBe('approved')

    const paidState = await snapshot()
    const late = await fails(`/api/v1/propays/${id}/unapprove`, admin.token, 409, { method: 'POST' })
    expect(late.message).toMatch(/already paid, so it cannot be unapproved/)
    expect(await snapshot()).toEqual(paidState)

    for (const number of ['ST-002', 'ST-003']) await ok('payStatement', admin.token, `/api/v1/statements/${number}/pay`, { method: 'POST', json: { payDate: '2026-05-15' } })
    const paid = await ok('getProPay', admin.token, `/api/v1/propays/${id}`)
    expect(paid.status).toBe('paid')
    expect(paid.lineItems.map((i) => i.status)).toEqual(['paid', 'paid', 'paid', 'paid'])
    // Frozen at approval: later time on the visit does not change a paid ProPay.
    expect(paid.breakdown!.paidOutCents).toBe(25_000)
  })
})

describe('docs/domain/propay.md §6.2 worked example 2 through the API — contract price', () => {
  it('should budget $3,000 from the contract price, pay $60 to each of three workers, $60 to the lead and $30 to the manager', async () => {
    const admin = await orgWithAdmin()
    await ok('updateBonusSettings', admin.token, '/api/v1/bonus-settings', {
      json: {
        defaultBudgetType: 'contract_price',
        contractLaborBudgetBp: 3000,
        pool: { splitBp: 5000, bucketsBp: { crew: 6000, crew_lead: 2000, manager: 1000, company: 1000, other: 0 }, otherRecipientIds: [] },
      },
    })
    const connectionId = await connectionWith(admin.orgId, {
      jobs: [{ externalId: 'J62', name: 'Patio install', recurring: false, managerExternalId: 'mgr', contractPriceCents: 1_000_000, budgetSeconds: 200 * HOUR }],
      milestones: [
        { externalId: 'M1', jobExternalId: 'J62', status: 'pending_review', crewLeaderExternalId: 'lead' },
        { externalId: 'M2', jobExternalId: 'J62', status: 'in_progress', crewLeaderExternalId: 'lead' },
      ],
      workers: ['a', 'b', 'c', 'lead', 'mgr'].map((externalId) => ({ externalId })),
      wages: ['a', 'b', 'c'].map((w) => ({ workerExternalId: w, hourlyCents: 2000 })),
      timeEntries: ['a', 'b', 'c'].flatMap((w) => [
        { workerExternalId: w, milestoneExternalId: 'M1', hours: 24, workDate: '2026-05-04' },
        { workerExternalId: w, milestoneExternalId: 'M2', hours: 16, workDate: '2026-05-06' },
      ]),
    })
    const created = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'J62' } }, 201)
    expect(created.kind).toBe('job')
    expect(created.settings?.budgetSource).toBe('job.contract_price_cents')
    const b = created.breakdown!
    expect([b.budget.laborBudgetCents, b.actual.costCents, b.savings.savedCents, b.savings.workerShareCents]).toEqual([300_000, 240_000, 60_000, 30_000])
    expect(b.buckets.map((x) => [x.role, x.amountCents])).toEqual([
      ['crew', 18_000],
      ['crew_lead', 6_000],
      ['manager', 3_000],
      ['company', 3_000],
      ['other', 0],
    ])
    expect(b.payouts).toEqual([
      { workerId: 'a', role: 'crew', amountCents: 6000 },
      { workerId: 'b', role: 'crew', amountCents: 6000 },
      { workerId: 'c', role: 'crew', amountCents: 6000 },
      { workerId: 'lead', role: 'crew_lead', amountCents: 6000 },
      { workerId: 'mgr', role: 'manager', amountCents: 3000 },
    ])
    expect(b.paidOutCents).toBe(27_000)

    // Non-recurring: approvable only once every non-canceled milestone is complete.
    const refused = await fails(`/api/v1/propays/${created.id}/approve`, admin.token, 409, { method: 'POST', json: {} })
    expect(refused.message).toMatch(/M2 \(in_progress\)/)
    await updateMilestone(connectionId, 'M2', { status: 'pending_review' })
    const approved = await ok('approveProPay', admin.token, `/api/v1/propays/${created.id}/approve`, { method: 'POST', json: { approvalDate: '2026-05-11' } })
    expect(approved.lineItems.map((i) => [i.workerId, i.amountCents])).toEqual([
      ['a', 6000],
      ['b', 6000],
      ['c', 6000],
      ['lead', 6000],
      ['mgr', 3000],
    ])
    expect(approved.lineItems.reduce((sum, i) => sum + i.amountCents, 0)).toBe(27_000)
    for (const item of approved.lineItems) await ok('payStatement', admin.token, `/api/v1/statements/${item.statementId}/pay`, { method: 'POST', json: { payDate: '2026-05-18' } })
    expect((await ok('getProPay', admin.token, `/api/v1/propays/${created.id}`)).status).toBe('paid')
  })
})
