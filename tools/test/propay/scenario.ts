/**
 * A small organisation with synced work, for the ProPay API tests: a non-recurring job J1 (one visit, done) with
 * an amount budget of $1,000 and two workers, w1 (crew lead) and w2, at $25/h; and a recurring job R1 with two visits.
 * @module
 */
import { env } from 'cloudflare:workers'
import { and, eq } from 'drizzle-orm'
import { createDb } from '../../../worker/db/client'
import { workers } from '../../../worker/db/schema'
import { orgWithAdmin, userWithRole } from '../fixtures'
import { ok } from './api'
import { connectionWith } from './synced-fixtures'

export const HOUR = 3600

export async function scenario(name?: string) {
  const admin = await orgWithAdmin(name)
  const connectionId = await connectionWith(admin.orgId, {
    jobs: [
      { externalId: 'J1', name: 'Front lawn renovation', number: '1001', recurring: false, managerExternalId: 'boss', budgetLaborCents: 100_000 },
      { externalId: 'R1', name: 'Weekly maintenance', number: '1002', recurring: true, managerExternalId: 'boss' },
    ],
    milestones: [
      { externalId: 'M1', jobExternalId: 'J1', status: 'pending_review', crewLeaderExternalId: 'w1' },
      { externalId: 'V1', jobExternalId: 'R1', status: 'pending_review', estimatedSeconds: 10 * HOUR, crewLeaderExternalId: 'w1' },
      { externalId: 'V2', jobExternalId: 'R1', status: 'scheduled', estimatedSeconds: 10 * HOUR, crewLeaderExternalId: 'w1' },
    ],
    workers: [
      { externalId: 'w1', name: 'Wes' },
      { externalId: 'w2', name: 'Wanda' },
      { externalId: 'boss', name: 'Bo' },
    ],
    wages: [
      { workerExternalId: 'w1', hourlyCents: 2500 },
      { workerExternalId: 'w2', hourlyCents: 2500 },
    ],
    timeEntries: [
      { workerExternalId: 'w1', milestoneExternalId: 'M1', hours: 8 },
      { workerExternalId: 'w2', milestoneExternalId: 'M1', hours: 8 },
      { workerExternalId: 'w1', milestoneExternalId: 'V1', hours: 3 },
      { workerExternalId: 'w2', milestoneExternalId: 'V1', hours: 3 },
    ],
  })
  return { admin, connectionId }
}

/** The scenario with J1's ProPay created by the admin: $1,000 − $400 = $600 saved, $300 pool. */
export async function withProPay(name?: string) {
  const s = await scenario(name)
  const propay = await ok('createProPay', s.admin.token, '/api/v1/propays', { json: { connectionId: s.connectionId, jobExternalId: 'J1' } }, 201)
  return { ...s, propay }
}

/**
 * A user of the admin's org who is vendor worker `workerId`: the worker's synced email is theirs (in capitals, as
 * vendors often store it; the match ignores case).
 */
export async function userForWorker(adminToken: string, connectionId: string, role: 'worker' | 'crew_lead' | 'manager', workerId: string) {
  const user = await userWithRole(adminToken, role)
  await createDb(env.DB)
    .update(workers)
    .set({ email: user.email.toUpperCase() })
    .where(and(eq(workers.connectionId, connectionId), eq(workers.externalId, workerId)))
  return user
}
