import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createDb } from '../db/client'
import { propays } from '../db/schema'
import { afterSync } from '../propay/auto-create'
import { fails, ok } from '../../tools/test/propay/api'
import { scenario, withProPay } from '../../tools/test/propay/scenario'
import { seedSynced } from '../../tools/test/propay/synced-fixtures'
import { userWithRole } from '../../tools/test/fixtures'

const badges = (token: string, externalIds: string[], vendor = 'aspire') =>
  ok('milestoneBadges', token, '/api/v1/milestones/badges', { json: { vendor, externalIds } })

describe('POST /api/v1/milestones/badges', () => {
  it('should answer every id of a screen in one request, each as the single lookup answers it', async () => {
    const { admin, connectionId } = await withProPay('Acme')
    await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'R1', milestoneExternalId: 'V1' } }, 201)
    const answer = await badges(admin.token, ['M1', 'V1', 'V2', 'nope', 'M1'])
    expect(Object.keys(answer.badges).sort()).toEqual(['M1', 'V1', 'V2', 'nope'])
    expect(answer.badges.nope).toBeNull()
    for (const id of ['M1', 'V1', 'V2']) {
      const [single] = (await ok('findMilestones', admin.token, `/api/v1/milestones?vendor=aspire&externalId=${id}`)).milestones
      expect(answer.badges[id], id).toEqual({
        milestone: { externalId: single!.milestone.externalId, name: single!.milestone.name },
        job: { id: single!.job.id, externalId: single!.job.externalId, name: single!.job.name },
        propay: single!.milestone.propay,
      })
    }
    // J1 is not recurring: its milestone shares the job's ProPay. V2 is a visit of recurring R1 with no ProPay of its own.
    expect(answer.badges.M1!.propay).toMatchObject({ kind: 'job', job: { externalId: 'J1' } })
    expect(answer.badges.V1!.propay).toMatchObject({ kind: 'milestone', milestone: { externalId: 'V1' } })
    expect(answer.badges.V2).toMatchObject({ milestone: { externalId: 'V2' }, propay: null })
  })

  it('should answer from the stored ProPay results and write nothing', async () => {
    const { admin, connectionId, propay } = await withProPay('Acme')
    const db = createDb(env.DB)
    const [before] = await db.select().from(propays).where(eq(propays.id, propay.id))
    // Hours that no sync pass has run the bonus trigger over yet: the stored figures stand until it does.
    await seedSynced(admin.orgId, connectionId, { timeEntries: [{ workerExternalId: 'w2', milestoneExternalId: 'M1', hours: 40 }] })
    const answer = await badges(admin.token, ['M1'])
    expect(answer.badges.M1!.propay!.figures).toEqual(propay.figures)
    const [after] = await db.select().from(propays).where(eq(propays.id, propay.id))
    expect(after!.computedAt).toBe(before!.computedAt)
    expect(after!.inputHash).toBe(before!.inputHash)
    // The per-ticket lookup answers from the same stored result; both see the new hours once the sync's bonus pass ran.
    const [single] = (await ok('findMilestones', admin.token, '/api/v1/milestones?vendor=aspire&externalId=M1')).milestones
    expect(single!.milestone.propay!.figures).toEqual(propay.figures)
    await afterSync(env.DB, connectionId)
    const recomputed = (await badges(admin.token, ['M1'])).badges.M1!.propay!.figures
    expect(recomputed).not.toEqual(propay.figures)
    expect((await ok('findMilestones', admin.token, '/api/v1/milestones?vendor=aspire&externalId=M1')).milestones[0]!.milestone.propay!.figures).toEqual(recomputed)
  })

  it("should never answer with another organisation's milestones", async () => {
    const acme = await withProPay('Acme')
    const globex = await scenario('Globex')
    const answer = await badges(globex.admin.token, ['M1', 'V1'])
    expect(answer.badges.M1!.propay).toBeNull()
    expect(answer.badges.M1!.job.id).not.toBe((await badges(acme.admin.token, ['M1'])).badges.M1!.job.id)
    expect((await badges(acme.admin.token, ['M1'], 'buildertrend')).badges.M1).toBeNull()
  })

  it('should refuse empty, oversized and malformed requests with what to fix, and roles that cannot see jobs', async () => {
    const { admin } = await scenario()
    const post = (json: unknown, token = admin.token) => fails('/api/v1/milestones/badges', token, 400, { method: 'POST', json })
    expect((await post({ vendor: 'aspire', externalIds: [] })).message).toContain('send at least one id')
    expect((await post({ vendor: 'aspire', externalIds: Array.from({ length: 201 }, (_, i) => String(i)) })).message).toContain('at most 200 ids')
    expect((await post({ vendor: 'aspire', externalIds: ['  '] })).message).toContain('an id is empty')
    expect((await post({ vendor: 'sap', externalIds: ['1'] })).message).toContain('vendor')
    for (const role of ['crew_lead', 'worker'] as const) {
      const user = await userWithRole(admin.token, role)
      await fails('/api/v1/milestones/badges', user.token, 403, { method: 'POST', json: { vendor: 'aspire', externalIds: ['M1'] } })
    }
  })
})
