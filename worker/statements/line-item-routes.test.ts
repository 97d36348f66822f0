import { describe, expect, it } from 'vitest'
import { fails, ok } from '../../tools/test/propay/api'
import { scenario } from '../../tools/test/propay/scenario'
import { snapshot } from '../../tools/test/propay/snapshot'
import { userWithRole } from '../../tools/test/fixtures'

/** J1 approved with a 7-day waiting period: every item held until 2026-05-13. */
async function held() {
  const s = await scenario()
  await ok('updateBonusSettings', s.admin.token, '/api/v1/bonus-settings', {
    json: { holdPolicy: { waitingPeriodDays: 7, retentionDays: { crew: 0, crew_lead: 0, manager: 0, other: 0 } } },
  })
  const created = await ok('createProPay', s.admin.token, '/api/v1/propays', { json: { connectionId: s.connectionId, jobExternalId: 'J1' } }, 201)
  const detail = await ok('approveProPay', s.admin.token, `/api/v1/propays/${created.id}/approve`, { json: { approvalDate: '2026-05-06' } })
  const item = detail.lineItems.find((i) => i.workerId === 'w2')!
  return { ...s, detail, item, path: (action: string) => `/api/v1/line-items/${item.id}/${action}` }
}

describe('POST /api/v1/line-items/:id/…', () => {
  it('should extend, release, hold again and void an item as the domain allows', async () => {
    const { admin, item, path } = await held()
    expect([item.status, item.holdReason, item.heldUntil]).toEqual(['held', 'waiting_period', '2026-05-13'])
    const extended = await ok('extendLineItemHold', admin.token, path('extend-hold'), { json: { until: '2026-06-01' } })
    expect([extended.status, extended.holdReason, extended.heldUntil]).toEqual(['held', 'waiting_period', '2026-06-01'])
    const released = await ok('releaseLineItem', admin.token, path('release'), { method: 'POST' })
    expect([released.status, released.holdReason, released.heldUntil]).toEqual(['in_process', null, null])
    const manual = await ok('holdLineItem', admin.token, path('hold'), { json: {} })
    expect([manual.status, manual.holdReason, manual.heldUntil]).toEqual(['held', 'manual', null])
    const timed = await ok('extendLineItemHold', admin.token, path('extend-hold'), { json: { until: '2026-05-20' } })
    expect([timed.holdReason, timed.heldUntil]).toEqual(['manual', '2026-05-20'])
    const statementBefore = await ok('getStatement', admin.token, `/api/v1/statements/${item.statementId}`)
    expect(statementBefore.totalCents).toBe(10_500)
    expect((await ok('voidLineItem', admin.token, path('void'), { method: 'POST' })).status).toBe('voided')
    expect((await ok('getStatement', admin.token, `/api/v1/statements/${item.statementId}`)).totalCents).toBe(0)
  })

  it('should hold an in-process item until a date', async () => {
    const { admin, path } = await held()
    await ok('releaseLineItem', admin.token, path('release'), { method: 'POST' })
    const timed = await ok('holdLineItem', admin.token, path('hold'), { json: { until: '2026-05-30' } })
    expect([timed.status, timed.holdReason, timed.heldUntil]).toEqual(['held', 'manual', '2026-05-30'])
  })

  it('should answer 409 with the domain’s message for an illegal action, writing nothing', async () => {
    const { admin, path } = await held()
    const before = await snapshot()
    expect((await fails(path('hold'), admin.token, 409, { method: 'POST', json: {} })).message).toBe('A held line item cannot be put on hold.')
    expect((await fails(path('extend-hold'), admin.token, 409, { method: 'POST', json: { until: '2026-05-10' } })).message).toBe(
      'The hold already runs until 2026-05-13; pick a later date.',
    )
    expect(await snapshot()).toEqual(before)
    await ok('voidLineItem', admin.token, path('void'), { method: 'POST' })
    expect((await fails(path('release'), admin.token, 409, { method: 'POST' })).message).toBe('A voided line item cannot be released.')
    expect((await fails(path('void'), admin.token, 409, { method: 'POST' })).message).toBe('A voided line item cannot be voided.')
  })

  it('should answer 400 for a bad date', async () => {
    const { admin, path } = await held()
    expect((await fails(path('extend-hold'), admin.token, 400, { method: 'POST', json: { until: 'June' } })).message).toMatch(/^The request body is not valid: until: /)
    await fails(path('extend-hold'), admin.token, 400, { method: 'POST', json: {} })
  })

  it('should let managers act, refuse crew leads and workers with 403 and another organisation with 404', async () => {
    const { admin, path } = await held()
    const other = await scenario('Elsewhere')
    const before = await snapshot()
    for (const role of ['crew_lead', 'worker'] as const) {
      const user = await userWithRole(admin.token, role)
      await fails(path('release'), user.token, 403, { method: 'POST' })
    }
    for (const action of ['hold', 'release', 'extend-hold', 'void']) {
      await fails(path(action), other.admin.token, 404, { method: 'POST', json: action === 'extend-hold' ? { until: '2026-07-01' } : {} })
    }
    expect(await snapshot()).toEqual(before)
    const manager = await userWithRole(admin.token, 'manager')
    expect((await ok('releaseLineItem', manager.token, path('release'), { method: 'POST' })).status).toBe('in_process')
  })
})
