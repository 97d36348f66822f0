import { describe, expect, it } from 'vitest'
import { orgWithAdmin } from '../../tools/test/fixtures'
import { ok } from '../../tools/test/propay/api'
import { connectionWith } from '../../tools/test/propay/synced-fixtures'

const HOUR = 3600

// 10 h estimated, 20 h logged at $25/h: $250 over budget, which the warning names.
async function overBudgetProPay(admin: { orgId: string; token: string }) {
  const connectionId = await connectionWith(admin.orgId, {
    jobs: [{ externalId: 'J1', name: 'Hedges', recurring: true, managerExternalId: 'mgr' }],
    milestones: [{ externalId: 'M1', jobExternalId: 'J1', status: 'in_progress', estimatedSeconds: 10 * HOUR, crewLeaderExternalId: 'a' }],
    workers: [{ externalId: 'a', name: 'Ana' }, { externalId: 'mgr', name: 'Maya' }],
    wages: [{ workerExternalId: 'a', hourlyCents: 2500 }],
    timeEntries: [{ workerExternalId: 'a', milestoneExternalId: 'M1', hours: 20, workDate: '2026-05-04' }],
  })
  return ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'J1', milestoneExternalId: 'M1' } }, 201)
}

const overBudget = (detail: { breakdown: { warnings: { code: string; message: string }[] } | null }) =>
  detail.breakdown!.warnings.find((w) => w.code === 'over_budget')?.message.replace(/\u00a0/g, ' ')

describe("the bonus's messages in the organisation's currency (#15)", () => {
  it('should name amounts in en-US dollars by default', async () => {
    const admin = await orgWithAdmin()
    expect(overBudget(await overBudgetProPay(admin))).toBe('Labor is $250.00 over budget: no bonus is paid (pay is not reduced).')
  })

  it('should name them in euros, German style, once the organisation says de-DE and EUR', async () => {
    const admin = await orgWithAdmin()
    await ok('updateOrganization', admin.token, '/api/v1/organization', { method: 'PATCH', json: { locale: 'de-DE', currency: 'EUR' } })
    const created = await overBudgetProPay(admin)
    expect(overBudget(created)).toBe('Labor is 250,00 € over budget: no bonus is paid (pay is not reduced).')
    // A read serves the stored breakdown: the same words.
    const read = await ok('getProPay', admin.token, `/api/v1/propays/${created.id}`)
    expect(overBudget(read)).toBe(overBudget(created))
  })
})
