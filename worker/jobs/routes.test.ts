import { describe, expect, it } from 'vitest'
import { fails, ok } from '../../tools/test/propay/api'
import { HOUR, scenario, withProPay } from '../../tools/test/propay/scenario'
import { seedSynced } from '../../tools/test/propay/synced-fixtures'
import { userWithRole } from '../../tools/test/fixtures'

describe('GET /api/v1/jobs', () => {
  it('should list the organisation’s jobs with budget against actual hours and the bonus pool so far', async () => {
    const { admin, connectionId, propay } = await withProPay('Acme')
    await scenario('Globex')
    await seedSynced(admin.orgId, connectionId, { timeEntries: [{ workerExternalId: 'w1', milestoneExternalId: 'M1', hours: 1, isDrive: true }] })
    const { jobs } = await ok('listJobs', admin.token, '/api/v1/jobs')
    expect(jobs.map((j) => j.externalId).sort()).toEqual(['J1', 'R1'])
    const j1 = jobs.find((j) => j.externalId === 'J1')!
    expect(j1).toMatchObject({ vendor: 'aspire', connectionId, name: 'Front lawn renovation', recurring: false, status: 'in_progress', budgetSeconds: null, actualSeconds: 16 * HOUR, driveSeconds: HOUR, bonusPoolCents: 30_000 })
    expect(j1.propays.map((p) => p.id)).toEqual([propay.id])
    const r1 = jobs.find((j) => j.externalId === 'R1')!
    expect(r1).toMatchObject({ budgetSeconds: 20 * HOUR, actualSeconds: 6 * HOUR, bonusPoolCents: 0, propays: [] })
  })

  it('should look a job up by the vendor’s id', async () => {
    const { admin, connectionId } = await scenario()
    expect((await ok('listJobs', admin.token, '/api/v1/jobs?vendor=aspire&externalId=R1')).jobs.map((j) => j.name)).toEqual(['Weekly maintenance'])
    expect((await ok('listJobs', admin.token, `/api/v1/jobs?connectionId=${connectionId}&externalId=J1`)).jobs.map((j) => j.name)).toEqual(['Front lawn renovation'])
    expect((await ok('listJobs', admin.token, '/api/v1/jobs?vendor=buildertrend&externalId=R1')).jobs).toEqual([])
    await fails('/api/v1/jobs?vendor=sap', admin.token, 400)
  })

  it('should refuse crew leads and workers with 403', async () => {
    const { admin } = await scenario()
    for (const role of ['crew_lead', 'worker'] as const) {
      const user = await userWithRole(admin.token, role)
      await fails('/api/v1/jobs', user.token, 403)
    }
  })
})

describe('GET /api/v1/jobs/:id', () => {
  it('should show each milestone with its hours and the ProPay covering it', async () => {
    const { admin, connectionId } = await scenario()
    const v1 = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'R1', milestoneExternalId: 'V1' } }, 201)
    const [r1] = (await ok('listJobs', admin.token, '/api/v1/jobs?vendor=aspire&externalId=R1')).jobs
    const detail = await ok('getJob', admin.token, `/api/v1/jobs/${r1!.id}`)
    expect(detail.milestones.map((m) => [m.externalId, m.status, m.reviewStatus, m.budgetSeconds, m.actualSeconds, m.propay?.id ?? null])).toEqual([
      ['V1', 'pending_review', 'pending_review', 10 * HOUR, 6 * HOUR, v1.id],
      ['V2', 'scheduled', 'scheduled', 10 * HOUR, 0, null],
    ])
    expect(detail.bonusPoolCents).toBe(5000)
    await ok('approveProPay', admin.token, `/api/v1/propays/${v1.id}/approve`, { json: {} })
    const reviewed = await ok('getJob', admin.token, `/api/v1/jobs/${r1!.id}`)
    expect(reviewed.milestones[0]).toMatchObject({ status: 'pending_review', reviewStatus: 'completed' })
  })

  it('should answer another organisation’s job with 404 and refuse crew leads and workers with 403', async () => {
    const { admin } = await scenario('Acme')
    const other = await scenario('Globex')
    const [theirs] = (await ok('listJobs', other.admin.token, '/api/v1/jobs')).jobs
    await fails(`/api/v1/jobs/${theirs!.id}`, admin.token, 404)
    const [ours] = (await ok('listJobs', admin.token, '/api/v1/jobs')).jobs
    for (const role of ['crew_lead', 'worker'] as const) {
      const user = await userWithRole(admin.token, role)
      await fails(`/api/v1/jobs/${ours!.id}`, user.token, 403)
    }
  })
})

describe('GET /api/v1/milestones', () => {
  it('should find a milestone by the vendor’s id with its job and ProPay', async () => {
    const { admin, propay } = await withProPay('Acme')
    await withProPay('Globex')
    const { milestones } = await ok('findMilestones', admin.token, '/api/v1/milestones?vendor=aspire&externalId=M1')
    expect(milestones).toHaveLength(1)
    expect(milestones[0]!.milestone).toMatchObject({ externalId: 'M1', status: 'pending_review', actualSeconds: 16 * HOUR })
    expect(milestones[0]!.milestone.propay!.id).toBe(propay.id)
    expect(milestones[0]!.job).toMatchObject({ externalId: 'J1', bonusPoolCents: 30_000 })
    expect((await ok('findMilestones', admin.token, '/api/v1/milestones?vendor=aspire&externalId=nope')).milestones).toEqual([])
    expect((await fails('/api/v1/milestones?vendor=aspire', admin.token, 400)).details).toEqual([{ path: 'externalId', message: 'externalId is required' }])
  })

  it('should refuse crew leads and workers with 403', async () => {
    const { admin } = await scenario()
    for (const role of ['crew_lead', 'worker'] as const) {
      const user = await userWithRole(admin.token, role)
      await fails('/api/v1/milestones?vendor=aspire&externalId=M1', user.token, 403)
    }
  })
})
