import { describe, expect, it } from 'vitest'
import { userWithRole } from '../../tools/test/fixtures'
import { fails, ok } from '../../tools/test/propay/api'
import { scenario } from '../../tools/test/propay/scenario'
import { DEFAULT_BONUS_SETTINGS } from './settings'

describe('/api/v1/bonus-settings', () => {
  it('should start from the defaults and keep each organisation’s changes to itself', async () => {
    const acme = await scenario('Acme')
    const globex = await scenario('Globex')
    expect(await ok('getBonusSettings', acme.admin.token, '/api/v1/bonus-settings')).toEqual({ settings: DEFAULT_BONUS_SETTINGS, updatedAt: null })
    const changed = await ok('updateBonusSettings', acme.admin.token, '/api/v1/bonus-settings', { json: { launchDate: '2026-05-01', budgetModifierBp: 12_000 } })
    expect(changed.settings).toEqual({ ...DEFAULT_BONUS_SETTINGS, launchDate: '2026-05-01', budgetModifierBp: 12_000 })
    expect((await ok('getBonusSettings', acme.admin.token, '/api/v1/bonus-settings')).settings.launchDate).toBe('2026-05-01')
    expect((await ok('getBonusSettings', globex.admin.token, '/api/v1/bonus-settings')).settings.launchDate).toBeNull()
  })

  it('should copy settings onto new ProPays only', async () => {
    const { admin, connectionId } = await scenario()
    const before = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'J1' } }, 201)
    await ok('updateBonusSettings', admin.token, '/api/v1/bonus-settings', {
      json: { pool: { splitBp: 2500, bucketsBp: { crew: 10_000, crew_lead: 0, manager: 0, company: 0, other: 0 }, otherRecipientIds: [] } },
    })
    expect((await ok('getProPay', admin.token, `/api/v1/propays/${before.id}`)).settings!.pool.splitBp).toBe(5000)
    const after = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'R1', milestoneExternalId: 'V1' } }, 201)
    expect(after.settings!.pool.splitBp).toBe(2500)
  })

  it('should name invalid settings with 400', async () => {
    const { admin } = await scenario()
    const pool = await fails('/api/v1/bonus-settings', admin.token, 400, {
      method: 'PATCH',
      json: { pool: { splitBp: 5000, bucketsBp: { crew: 5000, crew_lead: 0, manager: 0, company: 0, other: 0 }, otherRecipientIds: [] } },
    })
    expect(pool.details).toEqual([{ path: 'pool.bucketsBp', message: 'Role buckets must total 100% (10000 bp); they total 50% (5000 bp).' }])
    const shape = await fails('/api/v1/bonus-settings', admin.token, 400, { method: 'PATCH', json: { launchDate: '2026-02-30', budgetModifierBp: 50 } })
    expect(shape.details!.map((d) => d.path).sort()).toEqual(['budgetModifierBp', 'launchDate'])
  })

  it('should refuse excluded jobs on another organisation’s connection, or on none, with 400 and change nothing', async () => {
    const acme = await scenario('Acme')
    const globex = await scenario('Globex')
    const refused = await fails('/api/v1/bonus-settings', acme.admin.token, 400, {
      method: 'PATCH',
      json: { excludedJobs: [{ connectionId: acme.connectionId, jobExternalId: 'J1' }, { connectionId: globex.connectionId, jobExternalId: 'J1' }, { connectionId: 'made-up', jobExternalId: 'J1' }] },
    })
    expect(refused.details).toEqual([
      { path: 'excludedJobs.1.connectionId', message: 'excludedJobs.1.connectionId: no connection with this id in your organisation' },
      { path: 'excludedJobs.2.connectionId', message: 'excludedJobs.2.connectionId: no connection with this id in your organisation' },
    ])
    expect(await ok('getBonusSettings', acme.admin.token, '/api/v1/bonus-settings')).toEqual({ settings: DEFAULT_BONUS_SETTINGS, updatedAt: null })
    const kept = await ok('updateBonusSettings', acme.admin.token, '/api/v1/bonus-settings', { json: { excludedJobs: [{ connectionId: acme.connectionId, jobExternalId: 'J1' }] } })
    expect(kept.settings.excludedJobs).toEqual([{ connectionId: acme.connectionId, jobExternalId: 'J1' }])
  })

  it('should let managers read but only admins change them; other roles get 403', async () => {
    const { admin } = await scenario()
    const manager = await userWithRole(admin.token, 'manager')
    expect((await ok('getBonusSettings', manager.token, '/api/v1/bonus-settings')).settings).toEqual(DEFAULT_BONUS_SETTINGS)
    expect((await fails('/api/v1/bonus-settings', manager.token, 403, { method: 'PATCH', json: { launchDate: '2026-01-01' } })).message).toBe('Only an admin can do this.')
    for (const role of ['crew_lead', 'worker'] as const) {
      const user = await userWithRole(admin.token, role)
      await fails('/api/v1/bonus-settings', user.token, 403)
      await fails('/api/v1/bonus-settings', user.token, 403, { method: 'PATCH', json: { launchDate: '2026-01-01' } })
    }
  })
})
