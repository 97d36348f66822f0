/**
 * The organisation the fuzzer attacks: one fully seeded org (see two-orgs.ts), plus an approvable ProPay for the
 * lifecycle routes to move back and forth, spare connections for the fuzzer's successful deletes to consume, and an
 * Aspire sandbox account not yet connected (so a create can succeed).
 * @module
 */
import type { ProPayDetail } from '../../../shared/api/propays'
import { seedSynced } from '../../test/propay/synced-fixtures'
import { createTenant, type SandboxTenant } from '../../test/aspire-sandbox'
import { insertConnection } from '../../test/connection-fixtures'
import { call } from '../../test/fixtures'
import type { SyncMessage } from '../../../worker/sync/queue-messages'
import { orgIds, type OrgIds } from '../org-ids'
import { seedOrg, type SeededOrg } from '../two-orgs'

export interface FuzzWorld {
  org: SeededOrg
  ids: OrgIds
  /** An active ProPay whose work is complete and nothing blocks: approve, unapprove, cancel and restore all work on it. */
  target: string
  spareConnections: string[]
  freshTenant: Pick<SandboxTenant, 'clientId' | 'secret'>
}

/** Job F-J3, done, within budget, worked by F-w1 and F-w2; its ProPay is approvable. */
async function approvableProPay(org: SeededOrg) {
  const connectionId = org.connections.fixture
  await seedSynced(org.orgId, connectionId, {
    jobs: [{ externalId: 'F-J3', name: 'F Retaining wall', recurring: false, managerExternalId: 'F-boss', budgetLaborCents: 80_000 }],
    milestones: [{ externalId: 'F-M3', jobExternalId: 'F-J3', status: 'pending_review', crewLeaderExternalId: 'F-w1' }],
    timeEntries: [
      { workerExternalId: 'F-w1', milestoneExternalId: 'F-M3', hours: 6 },
      { workerExternalId: 'F-w2', milestoneExternalId: 'F-M3', hours: 6 },
    ],
  })
  const res = await call('/api/v1/propays', { method: 'POST', token: org.users.admin.token, json: { connectionId, jobExternalId: 'F-J3' } })
  const created = (await res.json()) as ProPayDetail
  if (res.status !== 201 || !created.approvable) throw new Error(`the fuzz target ProPay is not approvable: ${res.status} ${JSON.stringify(created).slice(0, 500)}`)
  return created.id
}

export async function seedFuzzWorld(queue: SyncMessage[]): Promise<FuzzWorld> {
  // Without ProPays for all synced work: the fixture's ProPays in every state suffice, and lists stay quick.
  const org = await seedOrg('F', 7, queue, { autoProPays: false })
  // Before the target exists, so the other routes' valid requests never act on it. Vendor ids only another org has
  // do not matter here: the org is its own "other".
  const ids = await orgIds(org, org)
  const target = await approvableProPay(org)
  const spareConnections = [await insertConnection(org.orgId), await insertConnection(org.orgId)]
  const freshTenant = await createTenant({ size: 'empty' })
  return { org, ids, target, spareConnections, freshTenant }
}
