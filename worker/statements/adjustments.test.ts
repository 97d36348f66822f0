import { describe, expect, it } from 'vitest'
import { fails, ok } from '../../tools/test/propay/api'
import { nettingScenario } from '../../tools/test/propay/netting-scenario'
import { scenario } from '../../tools/test/propay/scenario'
import { snapshot } from '../../tools/test/propay/snapshot'
import { userWithRole } from '../../tools/test/fixtures'

const post = (json: unknown) => ({ method: 'POST', json })

async function withStatement() {
  const s = await nettingScenario()
  const bonus = await s.approveJob('NA')
  await s.approveJob('NB')
  return { ...s, statementId: bonus.lineItems[0]!.statementId }
}

describe('POST /api/v1/statements/:id/adjustments', () => {
  it('should add bonuses and deductions with their purpose, netting them into the total', async () => {
    const { admin, statementId } = await withStatement()
    const manager = await userWithRole(admin.token, 'manager')
    const added = await ok('addStatementAdjustment', admin.token, `/api/v1/statements/${statementId}/adjustments`, post({ kind: 'bonus', amountCents: 1_234, purpose: 'Safety award' }), 201)
    expect(added.totalCents).toBe(7_500 + 1_234)
    const deducted = await ok('addStatementAdjustment', manager.token, `/api/v1/statements/${statementId}/adjustments`, post({ kind: 'deduction', amountCents: 8_734, purpose: 'Lost trimmer' }), 201)
    expect(deducted.totalCents).toBe(0)
    expect(deducted.adjustments.map((a) => [a.kind, a.amountCents, a.purpose, a.createdByUserId])).toEqual([
      ['bonus', 1_234, 'Safety award', admin.adminId],
      ['deduction', 8_734, 'Lost trimmer', manager.id],
    ])
  })

  it('should refuse a deduction that would take the statement below $0, writing nothing', async () => {
    const { admin, statementId } = await withStatement()
    const before = await snapshot()
    const refused = await fails(`/api/v1/statements/${statementId}/adjustments`, admin.token, 409, post({ kind: 'deduction', amountCents: 7_501, purpose: 'Damage' }))
    expect(refused.message).toBe('Statement ST-001: A $75.01 deduction would take the statement below $0.00; it can deduct at most $75.00.')
    expect(await snapshot()).toEqual(before)
  })

  it('should refuse paid statements and statements whose ProPay items were all voided', async () => {
    const { admin, connectionId } = await scenario()
    const created = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'J1' } }, 201)
    const detail = await ok('approveProPay', admin.token, `/api/v1/propays/${created.id}/approve`, { json: { approvalDate: '2026-05-06' } })
    const [w1, w2] = ['w1', 'w2'].map((w) => detail.lineItems.find((i) => i.workerId === w)!.statementId)
    await ok('payStatement', admin.token, `/api/v1/statements/${w2}/pay`, { json: { payDate: '2026-05-08' } })
    const paid = await fails(`/api/v1/statements/${w2}/adjustments`, admin.token, 409, post({ kind: 'bonus', amountCents: 100, purpose: 'x' }))
    expect(paid.message).toBe('Statement ST-003: The statement is paid; adjustments go on an open statement.')
    for (const item of detail.lineItems.filter((i) => i.workerId === 'w1')) {
      await ok('voidLineItem', admin.token, `/api/v1/line-items/${item.id}/void`, { method: 'POST' })
    }
    const empty = await fails(`/api/v1/statements/${w1}/adjustments`, admin.token, 409, post({ kind: 'bonus', amountCents: 100, purpose: 'x' }))
    expect(empty.message).toBe('Statement ST-002: The statement holds no ProPay yet; adjustments go on a statement with at least one approved ProPay.')
  })

  it('should answer 400 naming the field for a bad amount, kind or missing purpose', async () => {
    const { admin, statementId } = await withStatement()
    const path = `/api/v1/statements/${statementId}/adjustments`
    for (const body of [
      { kind: 'bonus', amountCents: 0, purpose: 'x' },
      { kind: 'bonus', amountCents: 10.5, purpose: 'x' },
      { kind: 'tip', amountCents: 100, purpose: 'x' },
      { kind: 'bonus', amountCents: 100, purpose: '   ' },
      { kind: 'bonus', amountCents: 100 },
    ]) {
      const error = await fails(path, admin.token, 400, post(body))
      expect(error.message, JSON.stringify(body)).toMatch(/^The request body is not valid: (amountCents|kind|purpose): /)
    }
  })

  it('should refuse crew leads and workers with 403 and another organisation with 404', async () => {
    const { admin, statementId } = await withStatement()
    const other = await scenario('Other org')
    const before = await snapshot()
    for (const role of ['crew_lead', 'worker'] as const) {
      const user = await userWithRole(admin.token, role)
      await fails(`/api/v1/statements/${statementId}/adjustments`, user.token, 403, post({ kind: 'bonus', amountCents: 100, purpose: 'x' }))
    }
    await fails(`/api/v1/statements/${statementId}/adjustments`, other.admin.token, 404, post({ kind: 'bonus', amountCents: 100, purpose: 'x' }))
    expect(await snapshot()).toEqual(before)
  })
})
