import { describe, expect, it } from 'vitest'
import { fails, ok } from '../../tools/test/propay/api'
import { scenario, userForWorker, withProPay } from '../../tools/test/propay/scenario'
import { snapshot } from '../../tools/test/propay/snapshot'
import { seedSynced } from '../../tools/test/propay/synced-fixtures'
import { userWithRole } from '../../tools/test/fixtures'

async function approved(name?: string) {
  const s = await withProPay(name)
  const detail = await ok('approveProPay', s.admin.token, `/api/v1/propays/${s.propay.id}/approve`, { json: { approvalDate: '2026-05-06' } })
  const statementOf = (workerId: string) => detail.lineItems.find((i) => i.workerId === workerId)!.statementId
  return { ...s, detail, statementOf }
}

describe('GET /api/v1/statements', () => {
  it('should list the organisation’s statements, filtered by worker, period and status', async () => {
    const { admin } = await approved('Acme')
    await approved('Globex')
    const all = await ok('listStatements', admin.token, '/api/v1/statements')
    expect(all.statements.map((s) => [s.number, s.worker.id, s.totalCents]).sort()).toEqual([
      ['ST-001', 'boss', 3000],
      ['ST-002', 'w1', 16_500],
      ['ST-003', 'w2', 10_500],
    ])
    expect(all.statements.every((s) => s.vendor === 'aspire' && s.periodStart === '2026-05-04' && s.periodEnd === '2026-05-10')).toBe(true)
    expect((await ok('listStatements', admin.token, '/api/v1/statements?workerId=w1')).statements.map((s) => s.number)).toEqual(['ST-002'])
    expect((await ok('listStatements', admin.token, '/api/v1/statements?period=2026-05-11')).statements).toEqual([])
    expect((await ok('listStatements', admin.token, '/api/v1/statements?status=paid')).statements).toEqual([])
    await fails('/api/v1/statements?period=May', admin.token, 400)
  })

  it('should show crew leads and workers only their own statements', async () => {
    const { admin, connectionId, statementOf } = await approved()
    const wes = await userForWorker(admin.token, connectionId, 'crew_lead', 'w1')
    const mine = await ok('listStatements', wes.token, '/api/v1/statements')
    expect(mine.statements.map((s) => [s.worker.id, s.worker.name, s.lineItems.map((i) => i.role)])).toEqual([['w1', 'Wes', ['crew', 'crew_lead']]])
    expect((await ok('listStatements', wes.token, '/api/v1/statements?workerId=w2')).statements).toEqual([])
    expect((await ok('getStatement', wes.token, `/api/v1/statements/${statementOf('w1')}`)).number).toBe('ST-002')
    expect((await fails(`/api/v1/statements/${statementOf('w2')}`, wes.token, 403)).message).toBe('You can see only your own statements.')
    const unlinked = await userWithRole(admin.token, 'worker')
    expect((await ok('listStatements', unlinked.token, '/api/v1/statements')).statements).toEqual([])
  })

  it('should find a statement by id or ST- reference, and never another organisation’s', async () => {
    const { admin, statementOf } = await approved('Acme')
    const other = await scenario('Globex')
    expect((await ok('getStatement', admin.token, '/api/v1/statements/ST-002')).id).toBe(statementOf('w1'))
    await fails(`/api/v1/statements/${statementOf('w1')}`, other.admin.token, 404)
    await fails('/api/v1/statements/ST-001', other.admin.token, 404)
  })
})

describe('POST /api/v1/statements/:id/pay', () => {
  it('should refuse while an item is still held, changing nothing, then pay it once the hold is over', async () => {
    const { admin, connectionId } = await scenario()
    await ok('updateBonusSettings', admin.token, '/api/v1/bonus-settings', {
      json: { holdPolicy: { waitingPeriodDays: 7, retentionDays: { crew: 0, crew_lead: 30, manager: 0, other: 0 } } },
    })
    const created = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'J1' } }, 201)
    const detail = await ok('approveProPay', admin.token, `/api/v1/propays/${created.id}/approve`, { json: { approvalDate: '2026-05-06' } })
    expect(detail.lineItems.filter((i) => i.workerId === 'w1').map((i) => [i.role, i.holdReason, i.heldUntil])).toEqual([
      ['crew', 'waiting_period', '2026-05-13'],
      ['crew_lead', 'retention', '2026-06-05'],
    ])
    const w1 = detail.lineItems.find((i) => i.workerId === 'w1')!.statementId
    const before = await snapshot()
    const early = await fails(`/api/v1/statements/${w1}/pay`, admin.token, 409, { method: 'POST', json: { payDate: '2026-05-20' } })
    expect(early.message).toBe('Statement ST-002 cannot be paid on 2026-05-20: The item is held until 2026-06-05. Release the held items or pay later.')
    expect(await snapshot()).toEqual(before)
    const paid = await ok('payStatement', admin.token, `/api/v1/statements/${w1}/pay`, { json: { payDate: '2026-06-05' } })
    expect(paid).toMatchObject({ status: 'paid', paidOn: '2026-06-05', totalCents: 16_500 })
    expect(paid.lineItems.map((i) => [i.status, i.paidOn, i.holdReason])).toEqual([
      ['paid', '2026-06-05', null],
      ['paid', '2026-06-05', null],
    ])
    const twice = await fails(`/api/v1/statements/${w1}/pay`, admin.token, 409, { method: 'POST', json: {} })
    expect(twice.message).toBe('Statement ST-002 is paid; only an open statement can be paid.')
  })

  it('should put later items for a paid period on the worker’s next open statement', async () => {
    const { admin, connectionId, statementOf } = await approved()
    await ok('payStatement', admin.token, `/api/v1/statements/${statementOf('w2')}/pay`, { json: { payDate: '2026-05-08' } })
    await seedSynced(admin.orgId, connectionId, {
      jobs: [{ externalId: 'J2', budgetLaborCents: 50_000, managerExternalId: 'boss' }],
      milestones: [{ externalId: 'M2', jobExternalId: 'J2', status: 'pending_review' }],
      timeEntries: [{ workerExternalId: 'w2', milestoneExternalId: 'M2', hours: 4, workDate: '2026-05-05' }],
    })
    const second = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'J2', managerUserId: admin.adminId } }, 201)
    const done = await ok('approveProPay', admin.token, `/api/v1/propays/${second.id}/approve`, { json: { approvalDate: '2026-05-06' } })
    const w2 = await ok('getStatement', admin.token, `/api/v1/statements/${done.lineItems.find((i) => i.workerId === 'w2')!.statementId}`)
    expect([w2.number, w2.periodStart, w2.periodEnd, w2.status]).toEqual(['ST-004', '2026-05-11', '2026-05-17', 'open'])
    expect(w2.totalCents).toBe(done.lineItems.filter((i) => i.workerId === 'w2').reduce((sum, i) => sum + i.amountCents, 0))
  })

  it('should refuse a statement whose items were all voided', async () => {
    const { admin, propay, statementOf } = await approved()
    await ok('unapproveProPay', admin.token, `/api/v1/propays/${propay.id}/unapprove`, { method: 'POST' })
    expect((await fails(`/api/v1/statements/${statementOf('w1')}/pay`, admin.token, 409, { method: 'POST', json: {} })).message).toBe('Statement ST-002 has no line items to pay.')
  })

  it('should let admins and managers pay, refuse crew leads and workers with 403 and another organisation with 404', async () => {
    const { admin, statementOf } = await approved('Acme')
    const other = await approved('Globex')
    const before = await snapshot()
    for (const role of ['crew_lead', 'worker'] as const) {
      const user = await userWithRole(admin.token, role)
      await fails(`/api/v1/statements/${statementOf('w1')}/pay`, user.token, 403, { method: 'POST', json: {} })
    }
    await fails(`/api/v1/statements/${other.statementOf('w1')}/pay`, admin.token, 404, { method: 'POST', json: {} })
    expect(await snapshot()).toEqual(before)
    const manager = await userWithRole(admin.token, 'manager')
    expect((await ok('payStatement', manager.token, `/api/v1/statements/${statementOf('w1')}/pay`, { json: {} })).status).toBe('paid')
  })
})
