import { describe, expect, it } from 'vitest'
import { userWithRole } from '../../tools/test/fixtures'
import { fails, ok } from '../../tools/test/propay/api'
import { scenario } from '../../tools/test/propay/scenario'
import { seedSynced } from '../../tools/test/propay/synced-fixtures'

describe('GET /api/v1/review-queue', () => {
  it('should list done milestones with or without a ProPay, and the ProPays ready to approve, until each is approved', async () => {
    const { admin, connectionId } = await scenario('Acme')
    await scenario('Globex')
    const empty = await ok('reviewQueue', admin.token, '/api/v1/review-queue')
    expect(empty.milestones.map((m) => [m.milestone.externalId, m.job.externalId, m.milestone.propay])).toEqual([
      ['M1', 'J1', null],
      ['V1', 'R1', null],
    ])
    expect(empty.readyToApprove).toEqual([])

    const j1 = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'J1' } }, 201)
    const v1 = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'R1', milestoneExternalId: 'V1' } }, 201)
    const waiting = await ok('reviewQueue', admin.token, '/api/v1/review-queue')
    expect(waiting.readyToApprove.map((p) => p.id).sort()).toEqual([j1.id, v1.id].sort())

    await ok('approveProPay', admin.token, `/api/v1/propays/${j1.id}/approve`, { json: {} })
    const after = await ok('reviewQueue', admin.token, '/api/v1/review-queue')
    expect(after.milestones.map((m) => m.milestone.externalId)).toEqual(['V1'])
    expect(after.readyToApprove.map((p) => p.id)).toEqual([v1.id])
  })

  it('should offer an active ProPay whose milestones are all completed at the vendor, and hold back one with problems', async () => {
    const { admin, connectionId } = await scenario()
    await seedSynced(admin.orgId, connectionId, {
      jobs: [{ externalId: 'D1', budgetLaborCents: 50_000, managerExternalId: 'boss' }, { externalId: 'D2', budgetLaborCents: 50_000, managerExternalId: 'boss' }],
      milestones: [
        { externalId: 'DM1', jobExternalId: 'D1', status: 'completed' },
        { externalId: 'DM2', jobExternalId: 'D2', status: 'completed' },
      ],
      // w3 has no wage: D2 cannot be approved until one is synced.
      timeEntries: [
        { workerExternalId: 'w1', milestoneExternalId: 'DM1', hours: 2 },
        { workerExternalId: 'w3', milestoneExternalId: 'DM2', hours: 2 },
      ],
    })
    const d1 = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'D1' } }, 201)
    const d2 = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'D2' } }, 201)
    expect(d2.blockers.map((b) => b.code)).toEqual(['missing_wage'])
    const queue = await ok('reviewQueue', admin.token, '/api/v1/review-queue')
    expect(queue.readyToApprove.map((p) => p.id)).toEqual([d1.id])
  })

  it('should refuse crew leads and workers with 403', async () => {
    const { admin } = await scenario()
    for (const role of ['crew_lead', 'worker'] as const) {
      const user = await userWithRole(admin.token, role)
      await fails('/api/v1/review-queue', user.token, 403)
    }
    const manager = await userWithRole(admin.token, 'manager')
    expect((await ok('reviewQueue', manager.token, '/api/v1/review-queue')).milestones).toHaveLength(2)
  })
})

describe('GET /api/v1/review-queue filters', () => {
  it('should name each entry’s branch and manager and offer every branch, job and manager in the queue once', async () => {
    const { admin, connectionId } = await scenario('Acme')
    // Another organisation's branch and manager never reach Acme's options.
    const globex = await scenario('Globex')
    await seedSynced(globex.admin.orgId, globex.connectionId, { branches: [{ externalId: 'north', name: 'Globex North' }] })
    await seedSynced(admin.orgId, connectionId, {
      branches: [{ externalId: 'north', name: 'North branch' }],
      jobs: [{ externalId: 'B1', name: 'Birch Lane', number: '2001', branchExternalId: 'north', managerExternalId: 'boss' }],
      milestones: [{ externalId: 'BM1', jobExternalId: 'B1', status: 'pending_review' }],
    })
    const queue = await ok('reviewQueue', admin.token, '/api/v1/review-queue')
    const birch = queue.milestones.find((m) => m.job.externalId === 'B1')!
    expect(birch.job.branch).toEqual({ externalId: 'north', name: 'North branch' })
    expect(birch.job.manager).toEqual({ userId: null, workerId: 'boss', name: 'Bo' })
    expect(queue.milestones.find((m) => m.job.externalId === 'J1')!.job.branch).toBeNull()
    expect(queue.filters).toEqual({
      branches: [{ value: `${connectionId}:north`, label: 'North branch' }],
      jobs: [
        { value: `${connectionId}:J1`, label: '1001 · Front lawn renovation' },
        { value: `${connectionId}:R1`, label: '1002 · Weekly maintenance' },
        { value: `${connectionId}:B1`, label: '2001 · Birch Lane' },
      ],
      managers: [{ value: `worker:${connectionId}:boss`, label: 'Bo' }],
    })

    // The ProPay's own manager (a Protiv user) is the one to filter by once it has one.
    const manager = await userWithRole(admin.token, 'manager')
    const j1 = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'J1', managerUserId: manager.id } }, 201)
    expect(j1.manager).toMatchObject({ userId: manager.id, name: expect.stringMatching(/^manager \d+$/) })
    const after = await ok('reviewQueue', admin.token, '/api/v1/review-queue')
    const ready = after.readyToApprove.find((p) => p.id === j1.id)!
    expect([ready.branch, ready.manager?.userId]).toEqual([null, manager.id])
    expect(after.filters.managers.map((m) => m.value).sort()).toEqual([`user:${manager.id}`, `worker:${connectionId}:boss`].sort())
  })
})
