import { describe, expect, it } from 'vitest'
import { ok } from '../../tools/test/propay/api'
import { nettingScenario } from '../../tools/test/propay/netting-scenario'

describe('negative netting on statements', () => {
  it('should net +$100.00 of bonus and −$25.00 of overage on one statement to $75.00 (issue #17)', async () => {
    const { admin, approveJob } = await nettingScenario()
    const bonus = await approveJob('NA')
    const over = await approveJob('NB')
    expect(bonus.lineItems.map((i) => [i.workerId, i.kind, i.amountCents, i.status])).toEqual([['n1', 'bonus', 10_000, 'held']])
    expect(over.lineItems.map((i) => [i.workerId, i.kind, i.amountCents, i.status])).toEqual([['n1', 'overage', -2_500, 'in_process']])
    const statement = await ok('getStatement', admin.token, `/api/v1/statements/${bonus.lineItems[0]!.statementId}`)
    expect(over.lineItems[0]!.statementId).toBe(statement.id)
    expect(statement.totalCents).toBe(7_500)
  })

  it('should create no overage items with netting off', async () => {
    const { approveJob } = await nettingScenario({ enabled: false, rollOver: false })
    expect((await approveJob('NB')).lineItems).toEqual([])
  })

  it('should never go below $0, and drop the remainder without roll-over', async () => {
    const { admin, approveJob } = await nettingScenario()
    const over = await approveJob('NB')
    const id = over.lineItems[0]!.statementId
    expect((await ok('getStatement', admin.token, `/api/v1/statements/${id}`)).totalCents).toBe(0)
    const paid = await ok('payStatement', admin.token, `/api/v1/statements/${id}/pay`, { json: { payDate: '2026-05-08' } })
    expect([paid.status, paid.totalCents, paid.carryOutCents]).toEqual(['paid', 0, 0])
    const rest = await ok('listStatements', admin.token, '/api/v1/statements?workerId=n1')
    expect(rest.statements.map((s) => s.number)).toEqual([paid.number])
  })

  it('should roll the remainder over to the worker’s next statement with roll-over on', async () => {
    const { admin, approveJob } = await nettingScenario({ enabled: true, rollOver: true })
    const over = await approveJob('NB')
    const paid = await ok('payStatement', admin.token, `/api/v1/statements/${over.lineItems[0]!.statementId}/pay`, { json: { payDate: '2026-05-08' } })
    expect([paid.totalCents, paid.carryOutCents]).toEqual([0, 2_500])
    const next = (await ok('listStatements', admin.token, '/api/v1/statements?workerId=n1&status=open')).statements
    expect(next.map((s) => [s.periodStart, s.carriedInCents, s.totalCents])).toEqual([['2026-05-11', 2_500, 0]])
    // A later bonus for that period absorbs the carried $25.00: $100.00 → $75.00.
    const bonus = await approveJob('NA', '2026-05-12')
    const absorbed = await ok('getStatement', admin.token, `/api/v1/statements/${bonus.lineItems[0]!.statementId}`)
    expect([absorbed.id, absorbed.totalCents]).toEqual([next[0]!.id, 7_500])
  })
})
