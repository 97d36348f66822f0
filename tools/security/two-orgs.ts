/**
 * Two fully populated organisations for the tenant-isolation probe: each with a user of every role, a synced
 * connection to every vendor sandbox, a fixture connection whose work gives ProPays in every state (active,
 * approved, paid, canceled), statements open and paid, review-queue items, outbox items, a sync conflict, sync runs
 * and a disconnected connection. Everything goes through the real API and sync engine except the fixture
 * connection's synced rows, which are written as a sync would leave them.
 * @module
 */
import { env } from 'cloudflare:workers'
import { and, eq } from 'drizzle-orm'
import type { LoginResponse, Role } from '../../shared/api/auth'
import type { ProPayDetail } from '../../shared/api/propays'
import type { StatementView } from '../../shared/api/statements'
import { createDb } from '../../worker/db/client'
import { workers } from '../../worker/db/schema'
import { createOrgWithAdmin } from '../../worker/orgs/create-org'
import { seedSynced } from '../test/propay/synced-fixtures'
import type { SyncMessage } from '../../worker/sync/queue-messages'
import { connectAspire, control, createTenant, drain, type SandboxTenant, sandboxUrl } from '../test/aspire-sandbox'
import { connectBuildertrend, createBtTenant } from '../test/buildertrend-sandbox'
import { insertConnection } from '../test/connection-fixtures'
import { connectExakTime, createExakTimeTenant, exKey } from '../test/exaktime-sandbox'
import { call } from '../test/fixtures'
import { nowIso } from '../../worker/util/clock'

export const ROLES = ['admin', 'manager', 'crew_lead', 'worker'] as const satisfies readonly Role[]

export interface OrgUser {
  id: string
  email: string
  name: string
  token: string
}

export interface SeededOrg {
  label: string
  orgId: string
  name: string
  /** Every user of this org has this password; the two orgs' passwords differ. */
  password: string
  users: Record<Role, OrgUser>
  connections: { aspire: string; buildertrend: string; exaktime: string; fixture: string; deleted: string }
  aspireTenant: SandboxTenant
  aspireBaseUrl: string
  /** What the ExakTime connection was made with (Company ID + API key), for fuzzing its credential changes. */
  exaktimeCredentials: { companyId: string; apiKey: string }
  /** Vendor ids on the fixture connection, prefixed with the org's label so the other org has none of them. */
  fixture: { jobs: string[]; milestones: string[]; workers: string[]; openMilestone: string; freeJob: string; route: string }
}

const HOUR = 3600

async function expectStatus(res: Response, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${await res.text()}`)
  return res
}

async function json<T>(res: Response | Promise<Response>, status: number, what: string): Promise<T> {
  return (await expectStatus(await res, status, what)).json() as Promise<T>
}

async function signIn(email: string, password: string) {
  return json<LoginResponse>(call('/api/v1/auth/login', { method: 'POST', json: { email, password } }), 200, `sign in ${email}`)
}

/** The fixture connection's work: non-recurring jobs J1 and J2, recurring R1 with visits V1 and V2. */
function fixtureWork(label: string) {
  const x = (id: string) => `${label}-${id}`
  return {
    jobs: [
      { externalId: x('J1'), name: `${label} Front lawn renovation`, number: `${label}1001`, recurring: false, managerExternalId: x('boss'), budgetLaborCents: 100_000 },
      { externalId: x('R1'), name: `${label} Weekly maintenance`, number: `${label}1002`, recurring: true, managerExternalId: x('boss') },
      { externalId: x('J2'), name: `${label} Patio install`, number: `${label}1003`, recurring: false, managerExternalId: x('boss'), budgetLaborCents: 50_000 },
    ],
    milestones: [
      { externalId: x('M1'), jobExternalId: x('J1'), status: 'pending_review' as const, crewLeaderExternalId: x('w1') },
      { externalId: x('V1'), jobExternalId: x('R1'), status: 'pending_review' as const, estimatedSeconds: 10 * HOUR, crewLeaderExternalId: x('w1') },
      { externalId: x('V2'), jobExternalId: x('R1'), status: 'scheduled' as const, estimatedSeconds: 10 * HOUR, crewLeaderExternalId: x('w1') },
      { externalId: x('M2'), jobExternalId: x('J2'), status: 'in_progress' as const, crewLeaderExternalId: x('w1') },
    ],
    workers: [
      { externalId: x('w1'), name: `${label} Wesley Crewlead` },
      { externalId: x('w2'), name: `${label} Wanda Worker` },
      { externalId: x('boss'), name: `${label} Bonita Boss` },
    ],
    wages: [
      { workerExternalId: x('w1'), hourlyCents: 2500 },
      { workerExternalId: x('w2'), hourlyCents: 2500 },
    ],
    timeEntries: [
      { workerExternalId: x('w1'), milestoneExternalId: x('M1'), hours: 8 },
      { workerExternalId: x('w2'), milestoneExternalId: x('M1'), hours: 8 },
      { workerExternalId: x('w1'), milestoneExternalId: x('V1'), hours: 3 },
      { workerExternalId: x('w2'), milestoneExternalId: x('V1'), hours: 3 },
    ],
  }
}

/** Makes a signed-in user the vendor worker `workerExternalId` (the worker's synced email is theirs). */
async function linkWorker(connectionId: string, workerExternalId: string, email: string) {
  await createDb(env.DB).update(workers).set({ email }).where(and(eq(workers.connectionId, connectionId), eq(workers.externalId, workerExternalId)))
}

/** ProPays in every state and statements open and paid, on the fixture connection, through the API. */
async function proPaysAndStatements(token: string, connectionId: string, label: string) {
  const create = (body: Record<string, unknown>) => json<ProPayDetail>(call('/api/v1/propays', { method: 'POST', token, json: { connectionId, ...body } }), 201, 'create ProPay')
  const j1 = await create({ jobExternalId: `${label}-J1` })
  await json(call(`/api/v1/propays/${j1.id}/approve`, { method: 'POST', token, json: { approvalDate: '2026-05-06' } }), 200, 'approve ProPay')
  await create({ jobExternalId: `${label}-R1`, milestoneExternalId: `${label}-V1` })
  const v2 = await create({ jobExternalId: `${label}-R1`, milestoneExternalId: `${label}-V2` })
  await json(call(`/api/v1/propays/${v2.id}/cancel`, { method: 'POST', token }), 200, 'cancel ProPay')
  const { statements } = await json<{ statements: StatementView[] }>(call(`/api/v1/statements?connectionId=${connectionId}`, { token }), 200, 'list statements')
  if (statements.length < 2) throw new Error(`approval made ${statements.length} statements`)
  await json(call(`/api/v1/statements/${statements[0]!.id}/pay`, { method: 'POST', token, json: { payDate: '2027-01-15' } }), 200, 'pay statement')
}

/** A time entry and two material edits pushed to Aspire, one of them contested in Aspire: outbox items and a conflict. */
async function outboxAndConflict(token: string, tenant: SandboxTenant, connectionId: string, queue: SyncMessage[]) {
  const first = (sql: string) => env.DB.prepare(sql).bind(connectionId).first<{ id: string }>()
  const ticket = await first("SELECT external_id AS id FROM milestones WHERE connection_id = ?1 AND status != 'canceled' ORDER BY external_id LIMIT 1")
  const worker = await first('SELECT external_id AS id FROM workers WHERE connection_id = ?1 AND active = 1 ORDER BY external_id DESC LIMIT 1')
  const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)
  await json(
    call('/api/v1/time-entries', {
      method: 'POST',
      token,
      json: { connectionId, workerExternalId: worker!.id, milestoneExternalId: ticket!.id, startAt: `${day}T02:03:00Z`, endAt: `${day}T03:33:00Z` },
    }),
    202,
    'create time entry',
  )
  const materials = await env.DB.prepare('SELECT id, external_id FROM material_allocations WHERE connection_id = ?1 AND inventory_location_external_id IS NOT NULL ORDER BY external_id LIMIT 2')
    .bind(connectionId)
    .all<{ id: string; external_id: string }>()
  const [plain, contested] = materials.results
  await json(call(`/api/v1/materials/${plain!.id}`, { method: 'PATCH', token, json: { quantity: 42 } }), 202, 'update material')
  await control(`/tenants/${tenant.clientId}/records/ItemAllocations/${contested!.external_id}`, { method: 'PATCH', json: { ItemQuantity: 99 } })
  await json(call(`/api/v1/materials/${contested!.id}`, { method: 'PATCH', token, json: { quantity: 5 } }), 202, 'update contested material')
  await drain(queue)
}

/**
 * One organisation, populated through the API. `label` prefixes its names and fixture vendor ids; `seed` picks
 * the sandbox tenants' generated data. The caller must have captured the sync queue (`captureQueue`). With
 * `autoProPays` (the default) the bonus program is launched before the syncs, so synced work gets ProPays too.
 */
export async function seedOrg(label: string, seed: number, queue: SyncMessage[], { autoProPays = true } = {}): Promise<SeededOrg> {
  const name = `${label} Landscaping Org`
  const password = `${label} correct horse battery staple`
  const adminEmail = `admin@${label.toLowerCase()}-landscaping.test`
  const db = createDb(env.DB)
  const { orgId, adminId } = await createOrgWithAdmin(db, { name, admin: { email: adminEmail, name: `${label} Ada Admin`, password } })
  const admin: OrgUser = { id: adminId, email: adminEmail, name: `${label} Ada Admin`, token: (await signIn(adminEmail, password)).token }
  const users = { admin } as Record<Role, OrgUser>
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    const email = `${role}@${label.toLowerCase()}-landscaping.test`
    const userName = `${label} ${role} person`
    const created = await json<{ id: string }>(call('/api/v1/users', { method: 'POST', token: admin.token, json: { email, name: userName, role, password } }), 201, `create ${role}`)
    users[role] = { id: created.id, email, name: userName, token: (await signIn(email, password)).token }
  }
  // ProPays are created automatically for synced work from the launch date on.
  if (autoProPays) await json(call('/api/v1/bonus-settings', { method: 'PATCH', token: admin.token, json: { launchDate: '2000-01-01' } }), 200, 'launch bonus program')

  const aspireTenant = await createTenant({ size: 'small', seed })
  const aspire = (await connectAspire(admin.token, aspireTenant)).id
  const buildertrend = (await connectBuildertrend(admin.token, await createBtTenant({ size: 'small', seed }))).id
  const exaktimeCredentials = exKey(await createExakTimeTenant({ size: 'small', seed }))
  const exaktime = (await connectExakTime(admin.token, exaktimeCredentials)).id
  await drain(queue)
  await outboxAndConflict(admin.token, aspireTenant, aspire, queue)

  const work = fixtureWork(label)
  const fixture = await insertConnection(orgId)
  await seedSynced(orgId, fixture, work)
  await linkWorker(fixture, `${label}-w1`, users.crew_lead.email)
  await linkWorker(fixture, `${label}-w2`, users.worker.email)
  await proPaysAndStatements(admin.token, fixture, label)
  const deleted = await insertConnection(orgId, { deletedAt: nowIso(), credentialsCiphertext: '', credentialsIv: '' })

  return {
    label,
    orgId,
    name,
    password,
    users,
    connections: { aspire, buildertrend, exaktime, fixture, deleted },
    aspireTenant,
    aspireBaseUrl: sandboxUrl(),
    exaktimeCredentials,
    fixture: {
      jobs: work.jobs.map((j) => j.externalId),
      milestones: work.milestones.map((m) => m.externalId),
      workers: work.workers.map((w) => w.externalId),
      openMilestone: `${label}-M2`,
      freeJob: `${label}-J2`,
      route: `${label}-route`,
    },
  }
}
