import { describe, expect, it } from 'vitest'
import { call, userWithRole } from '../../tools/test/fixtures'
import { fails, ok } from '../../tools/test/propay/api'
import { snapshot } from '../../tools/test/propay/snapshot'
import { scenario, withProPay } from '../../tools/test/propay/scenario'
import { seedSynced, updateMilestone } from '../../tools/test/propay/synced-fixtures'

const approve = (token: string, id: string, json: unknown = { approvalDate: '2026-05-06' }) =>
  ok('approveProPay', token, `/api/v1/propays/${id}/approve`, { json })

describe('approve', () => {
  it('should post one held line item per worker and role on that week’s statements and freeze the breakdown', async () => {
    const { admin, connectionId, propay } = await withProPay()
    const approved = await approve(admin.token, propay.id)
    expect(approved).toMatchObject({ status: 'approved', approvalRound: 1, approvalDate: '2026-05-06', approvable: false })
    expect(approved.lineItems.map((i) => [i.workerId, i.role, i.amountCents, i.status, i.holdReason, i.heldUntil])).toEqual([
      ['boss', 'manager', 3000, 'held', 'waiting_period', '2026-05-06'],
      ['w1', 'crew', 10_500, 'held', 'waiting_period', '2026-05-06'],
      ['w1', 'crew_lead', 6000, 'held', 'waiting_period', '2026-05-06'],
      ['w2', 'crew', 10_500, 'held', 'waiting_period', '2026-05-06'],
    ])
    // New time after approval changes nothing: the breakdown was frozen.
    await updateMilestone(connectionId, 'M1', { status: 'in_progress' })
    const later = await ok('getProPay', admin.token, `/api/v1/propays/${propay.id}`)
    expect(later.breakdown).toEqual(approved.breakdown)
  })

  it('should approve only once when two approvals race, posting each line item once', async () => {
    const { admin, propay } = await withProPay()
    const body = { approvalDate: '2026-05-06' }
    const answers = await Promise.all([1, 2].map(() => call(`/api/v1/propays/${propay.id}/approve`, { method: 'POST', token: admin.token, json: body })))
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409])
    const state = await snapshot()
    expect(state.propays.map((p) => [p.status, p.approvalRound])).toEqual([['approved', 1]])
    expect(state.lineItems).toHaveLength(4)
    expect(state.statements).toHaveLength(3)
  })

  it('should refuse while a disqualifier is unresolved, and pay $0 to everyone when one fails', async () => {
    const { admin, propay } = await withProPay()
    await ok('updateProPay', admin.token, `/api/v1/propays/${propay.id}`, {
      json: { safeguards: { disqualifiers: [{ id: 'safety', label: 'Safety violation', outcome: 'unresolved' }] } },
    })
    const before = await snapshot()
    expect((await fails(`/api/v1/propays/${propay.id}/approve`, admin.token, 409, { method: 'POST', json: {} })).message).toMatch(/Disqualifier "Safety violation" is not resolved/)
    const unknown = await fails(`/api/v1/propays/${propay.id}/approve`, admin.token, 400, { method: 'POST', json: { disqualifiers: [{ id: 'nope', outcome: 'pass' }] } })
    expect(unknown.details).toEqual([{ path: 'disqualifiers.0.id', message: 'This ProPay has no disqualifier nope.' }])
    expect(await snapshot()).toEqual(before)
    const voided = await approve(admin.token, propay.id, { approvalDate: '2026-05-06', disqualifiers: [{ id: 'safety', outcome: 'fail' }] })
    expect(voided.status).toBe('approved')
    expect(voided.breakdown!.savings.noBonusReason).toBe('disqualified')
    expect(voided.settings!.disqualifiers).toEqual([{ id: 'safety', label: 'Safety violation', outcome: 'fail' }])
    expect(voided.lineItems).toEqual([])
  })

  it('should take a penalty set at approval off the crew bucket', async () => {
    const { admin, propay } = await withProPay()
    await ok('updateProPay', admin.token, `/api/v1/propays/${propay.id}`, {
      json: { safeguards: { penalties: [{ id: 'tools', category: 'Minor tool damage', amountCents: 0, outcome: 'unresolved' }] } },
    })
    const approved = await approve(admin.token, propay.id, { approvalDate: '2026-05-06', penalties: [{ id: 'tools', outcome: 'applied', amountCents: 1000 }] })
    expect(approved.breakdown!.safeguards.penaltiesDeductedCents).toBe(1000)
    expect(approved.lineItems.filter((i) => i.role === 'crew').map((i) => i.amountCents)).toEqual([10_000, 10_000])
  })

  it('should refuse while nobody is set to receive a non-empty manager bucket', async () => {
    const { admin, propay } = await withProPay()
    const unset = await ok('updateProPay', admin.token, `/api/v1/propays/${propay.id}`, { json: { people: { managerWorkerId: null } } })
    expect(unset.blockers.map((b) => b.code)).toEqual(['no_manager_payee'])
    const before = await snapshot()
    expect((await fails(`/api/v1/propays/${propay.id}/approve`, admin.token, 409, { method: 'POST', json: {} })).message).toMatch(/manager bucket: set people.managerWorkerId/)
    expect(await snapshot()).toEqual(before)
  })
})

describe('unapprove', () => {
  it('should void the unpaid line items, keep the statements with updated totals, and allow a second approval', async () => {
    const { admin, propay } = await withProPay()
    const first = await approve(admin.token, propay.id)
    const back = await ok('unapproveProPay', admin.token, `/api/v1/propays/${propay.id}/unapprove`, { method: 'POST' })
    expect(back).toMatchObject({ status: 'active', approvalDate: null, approvalRound: 1 })
    expect(back.lineItems.map((i) => i.status)).toEqual(['voided', 'voided', 'voided', 'voided'])
    const { statements } = await ok('listStatements', admin.token, '/api/v1/statements')
    expect(statements.map((s) => [s.status, s.totalCents])).toEqual([
      ['open', 0],
      ['open', 0],
      ['open', 0],
    ])
    const again = await approve(admin.token, propay.id, { approvalDate: '2026-05-07' })
    expect(again.approvalRound).toBe(2)
    const round2 = again.lineItems.filter((i) => i.approvalRound === 2)
    expect(round2.map((i) => i.statementId).sort()).toEqual(first.lineItems.map((i) => i.statementId).sort())
    const totals = await ok('listStatements', admin.token, '/api/v1/statements')
    expect(totals.statements.map((s) => s.totalCents).sort()).toEqual([10_500, 16_500, 3000].sort())
  })

  it('should recompute from what is synced now once it is active again, unapproved or restored', async () => {
    const { admin, connectionId, propay } = await withProPay()
    expect((await approve(admin.token, propay.id)).figures).toMatchObject({ actualCents: 40_000 })
    // Time that arrives while approved leaves the frozen breakdown alone; once active again it counts at once.
    await seedSynced(admin.orgId, connectionId, { timeEntries: [{ externalId: 'late-1', workerExternalId: 'w2', milestoneExternalId: 'M1', hours: 4 }] })
    const back = await ok('unapproveProPay', admin.token, `/api/v1/propays/${propay.id}/unapprove`, { method: 'POST' })
    expect(back.figures).toMatchObject({ actualCents: 50_000 })
    await ok('cancelProPay', admin.token, `/api/v1/propays/${propay.id}/cancel`, { method: 'POST' })
    await seedSynced(admin.orgId, connectionId, { timeEntries: [{ externalId: 'late-2', workerExternalId: 'w2', milestoneExternalId: 'M1', hours: 4 }] })
    const restored = await ok('restoreProPay', admin.token, `/api/v1/propays/${propay.id}/restore`, { method: 'POST' })
    expect(restored.figures).toMatchObject({ actualCents: 60_000 })
  })

  it('should refuse to unapprove an active ProPay and leave it as it is', async () => {
    const { admin, propay } = await withProPay()
    const before = await snapshot()
    expect((await fails(`/api/v1/propays/${propay.id}/unapprove`, admin.token, 409, { method: 'POST' })).message).toBe('Only an approved ProPay can be unapproved; this one is active.')
    expect(await snapshot()).toEqual(before)
  })
})

describe('cancel and restore', () => {
  it('should cancel an active ProPay, refuse to approve it, and restore it to active', async () => {
    const { admin, propay } = await withProPay()
    expect((await ok('cancelProPay', admin.token, `/api/v1/propays/${propay.id}/cancel`, { method: 'POST' })).status).toBe('canceled')
    const before = await snapshot()
    expect((await fails(`/api/v1/propays/${propay.id}/approve`, admin.token, 409, { method: 'POST', json: {} })).message).toBe('A canceled ProPay cannot be approved; restore it first.')
    expect((await fails(`/api/v1/propays/${propay.id}/cancel`, admin.token, 409, { method: 'POST' })).message).toBe('A canceled ProPay cannot be canceled; restore it first.')
    expect(await snapshot()).toEqual(before)
    expect((await ok('restoreProPay', admin.token, `/api/v1/propays/${propay.id}/restore`, { method: 'POST' })).status).toBe('active')
    expect((await fails(`/api/v1/propays/${propay.id}/restore`, admin.token, 409, { method: 'POST' })).message).toBe('Only a canceled ProPay can be restored; this one is active.')
  })

  it('should unapprove an approved ProPay on the way to canceled, and refuse once a line item is paid', async () => {
    const { admin, propay } = await withProPay()
    await approve(admin.token, propay.id)
    const canceled = await ok('cancelProPay', admin.token, `/api/v1/propays/${propay.id}/cancel`, { method: 'POST' })
    expect(canceled.status).toBe('canceled')
    expect(canceled.lineItems.every((i) => i.status === 'voided')).toBe(true)

    await ok('restoreProPay', admin.token, `/api/v1/propays/${propay.id}/restore`, { method: 'POST' })
    const again = await approve(admin.token, propay.id)
    await ok('payStatement', admin.token, `/api/v1/statements/${again.lineItems.find((i) => i.approvalRound === 2)!.statementId}/pay`, { method: 'POST', json: {} })
    const before = await snapshot()
    expect((await fails(`/api/v1/propays/${propay.id}/cancel`, admin.token, 409, { method: 'POST' })).message).toMatch(/already paid/)
    expect(await snapshot()).toEqual(before)
  })
})

describe('who may change the lifecycle', () => {
  const actions = [
    ['approve', { approvalDate: '2026-05-06' }],
    ['unapprove', undefined],
    ['cancel', undefined],
    ['restore', undefined],
  ] as const

  it('should refuse other managers, crew leads and workers with 403 and another organisation with 404, changing nothing', async () => {
    const { admin, propay } = await withProPay('Acme')
    const other = await scenario('Globex')
    const bystander = await userWithRole(admin.token, 'manager')
    const crewLead = await userWithRole(admin.token, 'crew_lead')
    const worker = await userWithRole(admin.token, 'worker')
    const before = await snapshot()
    for (const [action, json] of actions) {
      const path = `/api/v1/propays/${propay.id}/${action}`
      expect((await fails(path, bystander.token, 403, { method: 'POST', json })).message).toBe(`Only an admin or this ProPay's manager can ${action} it.`)
      expect((await fails(path, crewLead.token, 403, { method: 'POST', json })).message).toBe('Only an admin or a manager can do this.')
      await fails(path, worker.token, 403, { method: 'POST', json })
      await fails(path, other.admin.token, 404, { method: 'POST', json })
    }
    expect(await snapshot()).toEqual(before)
  })

  it('should let the ProPay’s own manager approve and unapprove it', async () => {
    const { admin, connectionId } = await scenario()
    const owner = await userWithRole(admin.token, 'manager')
    const created = await ok('createProPay', owner.token, '/api/v1/propays', { json: { connectionId, jobExternalId: 'J1' } }, 201)
    expect((await approve(owner.token, created.id)).status).toBe('approved')
    expect((await ok('unapproveProPay', owner.token, `/api/v1/propays/${created.id}/unapprove`, { method: 'POST' })).status).toBe('active')
  })
})
