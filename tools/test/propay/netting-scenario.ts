/**
 * An organisation for the payroll tests: the whole pool goes to the crew at a 50% split, and worker n1 (alone) works
 * two jobs of the same week: NA saves $200 (n1's bonus $100.00) and NB runs $50 over budget (n1's share of the
 * overage $25.00). Netting is on unless `netting` says otherwise.
 * @module
 */
import { ok } from './api'
import { scenario } from './scenario'
import { seedSynced } from './synced-fixtures'

export async function nettingScenario(netting = { enabled: true, rollOver: false }, name?: string) {
  const s = await scenario(name)
  const { admin, connectionId } = s
  await ok('updateBonusSettings', admin.token, '/api/v1/bonus-settings', {
    json: {
      pool: { splitBp: 5000, bucketsBp: { crew: 10_000, crew_lead: 0, manager: 0, company: 0, other: 0 }, otherRecipientIds: [] },
      negativeNetting: netting,
    },
  })
  await seedSynced(admin.orgId, connectionId, {
    jobs: [
      { externalId: 'NA', budgetLaborCents: 30_000, managerExternalId: 'boss' },
      { externalId: 'NB', budgetLaborCents: 5_000, managerExternalId: 'boss' },
    ],
    milestones: [
      { externalId: 'MA', jobExternalId: 'NA', status: 'pending_review' },
      { externalId: 'MB', jobExternalId: 'NB', status: 'pending_review' },
    ],
    workers: [{ externalId: 'n1', name: 'Núñez, "Jr."', branchExternalId: 'north' }],
    wages: [{ workerExternalId: 'n1', hourlyCents: 2500 }],
    timeEntries: [
      { workerExternalId: 'n1', milestoneExternalId: 'MA', hours: 4, workDate: '2026-05-05' },
      { workerExternalId: 'n1', milestoneExternalId: 'MB', hours: 4, workDate: '2026-05-05' },
    ],
  })
  const approveJob = async (jobExternalId: string, approvalDate = '2026-05-06') => {
    const created = await ok('createProPay', admin.token, '/api/v1/propays', { json: { connectionId, jobExternalId, managerUserId: admin.adminId } }, 201)
    return ok('approveProPay', admin.token, `/api/v1/propays/${created.id}/approve`, { json: { approvalDate } })
  }
  return { ...s, approveJob }
}
