/**
 * Vendor credentials never leave the vault: for each vendor, recognisable canary credentials go through
 * connecting, a full sync, refusals, relinking and reconnecting, and then no API answer (body or header),
 * no console line and no column of any D1 table holds them, as sent or lowercase, URL-encoded or base64.
 */
import { env } from 'cloudflare:workers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConnectionView } from '../../shared/api/connections'
import { HIDDEN } from '../sync/scrub-secrets'
import type { SyncMessage } from '../sync/queue-messages'
import { getRoutes, recordApi, sweepGetRoutes } from '../../tools/test/api-recorder'
import { captureQueue, connectAspire, control, createTenant, cronCycle, drain, sandboxUrl } from '../../tools/test/aspire-sandbox'
import { btBrowserSession, btControl, browserSessionCredentials, connectBuildertrendRequest, connectBuildertrendSessionRequest, createBtTenant } from '../../tools/test/buildertrend-sandbox'
import { canary, findLeaks, type Seen } from '../../tools/test/canaries'
import { recordConsole } from '../../tools/test/console-recorder'
import { d1Text, tableNames } from '../../tools/test/d1-text'
import { createExakTimeTenant, exControl, postExakTimeConnection } from '../../tools/test/exaktime-sandbox'
import { call, orgWithAdmin } from '../../tools/test/fixtures'
import { encryptCredentials } from '../crypto/credentials'

type Org = Awaited<ReturnType<typeof orgWithAdmin>>

let queue: SyncMessage[]
let api: ReturnType<typeof recordApi>
let logs: ReturnType<typeof recordConsole>

beforeEach(() => {
  queue = captureQueue()
  api = recordApi()
  logs = recordConsole()
})
afterEach(() => {
  api.restore()
  logs.restore()
})

const json = async <T>(res: Response, status: number): Promise<T> => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`)
  return (await res.json()) as T
}
const view = async (token: string, id: string) => ConnectionView.parse(await json(await call(`/api/v1/connections/${id}`, { token }), 200))
const reconnect = (token: string, id: string, credentials: Record<string, string>) =>
  call(`/api/v1/connections/${id}`, { method: 'PATCH', token, json: { credentials } })

/** A time entry for a synced worker and work ticket, two days ago, to go out through the outbox. */
async function aTimeEntry(connectionId: string) {
  const ids = await env.DB.prepare(
    'SELECT (SELECT external_id FROM workers WHERE connection_id = ?1 ORDER BY external_id LIMIT 1) AS worker, (SELECT external_id FROM milestones WHERE connection_id = ?1 ORDER BY external_id LIMIT 1) AS ticket',
  )
    .bind(connectionId)
    .first<{ worker: string; ticket: string }>()
  const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)
  return { connectionId, workerExternalId: ids!.worker, milestoneExternalId: ids!.ticket, startAt: `${day}T02:03:00Z`, endAt: `${day}T03:33:00Z` }
}

/** A program with a launch date, so syncs create ProPays and the bonus routes have real rows. */
async function startBonusProgram(token: string) {
  await json(await call('/api/v1/bonus-settings', { method: 'PATCH', token, json: { launchDate: '2000-01-01' } }), 200)
}

/** Far more than any test job costs: the approved ProPay pays out, so statements get line items. */
const GENEROUS_BUDGET = { type: 'amount', amountCents: 100_000_000 } as const

/**
 * Real ids for every `:id` route. A ProPay is created when the sync made none, and one is approved with
 * a generous budget, which posts statements, where the vendor's data has finished work to approve.
 */
async function realIds(org: Org, connectionId: string) {
  const token = org.token
  const work = await env.DB.prepare(
    `SELECT m.external_id AS milestone, m.job_external_id AS job, t.worker_external_id AS worker
     FROM milestones m JOIN time_entries t ON t.connection_id = m.connection_id AND t.milestone_external_id = m.external_id AND t.deleted_at IS NULL
     WHERE m.connection_id = ?1 AND m.deleted_at IS NULL
     ORDER BY m.status IN ('pending_review', 'completed') DESC, m.external_id LIMIT 1`,
  )
    .bind(connectionId)
    .first<{ milestone: string; job: string; worker: string }>()
  if (!work) throw new Error('the sync brought no milestone with time on it')
  let { propays } = await json<{ propays: Array<{ id: string }> }>(await call('/api/v1/propays', { token }), 200)
  if (!propays.length) {
    const body = { connectionId, jobExternalId: work.job, milestoneExternalId: work.milestone, budget: GENEROUS_BUDGET }
    propays = [await json<{ id: string }>(await call('/api/v1/propays', { method: 'POST', token, json: body }), 201)]
  }
  for (const { id } of propays) {
    // With a generous budget every bucket pays out, the manager's too: someone must receive it.
    await json(await call(`/api/v1/propays/${id}`, { method: 'PATCH', token, json: { budget: GENEROUS_BUDGET, people: { managerWorkerId: work.worker } } }), 200)
    if ((await call(`/api/v1/propays/${id}/approve`, { method: 'POST', token, json: {} })).status === 200) break
  }
  const { jobs } = await json<{ jobs: Array<{ id: string }> }>(await call(`/api/v1/jobs?connectionId=${connectionId}`, { token }), 200)
  const { statements } = await json<{ statements: Array<{ id: string; periodStart: string }> }>(await call('/api/v1/statements', { token }), 200)
  return {
    ids: { users: org.adminId, connections: connectionId, jobs: jobs[0]!.id, propays: propays[0]!.id, statements: statements[0]?.id ?? NO_STATEMENT },
    queries: {
      '/api/v1/milestones': `connectionId=${connectionId}&externalId=${encodeURIComponent(work.milestone)}`,
      '/api/v1/time-entries': `connectionId=${connectionId}`,
      '/api/v1/jobs': `connectionId=${connectionId}`,
      '/api/v1/statements': `connectionId=${connectionId}`,
      // The payroll file of the pay period the approvals went to (any date reads an empty file otherwise).
      '/api/v1/statements/export.csv': `period=${statements[0]?.periodStart ?? '2026-01-01'}`,
    },
  }
}

const NO_STATEMENT = 'no-statement'

/**
 * Reads every GET route for the org, then looks for the canaries everywhere the test could see.
 * `noStatements`: the vendor's data has no finished work, so nothing can be approved and
 * `/statements/:id` can only answer 404.
 */
async function expectNoCanaryAnywhere(org: Org, connectionId: string, canaries: string[], options: { noStatements?: boolean } = {}) {
  const { ids, queries } = await realIds(org, connectionId)
  expect(ids.statements === NO_STATEMENT).toBe(!!options.noStatements)
  const statuses = await sweepGetRoutes(org.token, ids, queries)
  expect(Object.entries(statuses).filter(([, status]) => status !== 200)).toEqual(options.noStatements ? [['/api/v1/statements/:id', 404]] : [])
  // The recorders and the scanner themselves work: each finds a canary where one is known to be.
  expect(logs.methods).toEqual(expect.arrayContaining(['log', 'info', 'warn', 'error', 'debug', 'trace']))
  console.debug(`recorder check ${canaries[0]}`)
  expect(findLeaks(canaries, logs.lines)).toEqual([expect.stringContaining('in console.debug')])
  logs.lines.pop()
  const everything: Seen[] = [...api.answers, ...logs.lines, ...(await d1Text())]
  expect(findLeaks(canaries, [{ where: 'proof', text: btoa(`user:${canaries[0]}`) }])).toHaveLength(1)
  expect(findLeaks(canaries, [{ where: 'proof', text: encodeURIComponent(canaries[0]!).toLowerCase() }])).toHaveLength(1)
  expect(api.answers.length).toBeGreaterThan(getRoutes().length)
  expect((await tableNames()).length).toBeGreaterThan(20)
  expect(findLeaks(canaries, everything)).toEqual([])
}

describe('credentials never leak', () => {
  it('should keep an Aspire Client ID and Secret out of every answer, log line and column', async () => {
    const clientId = canary('AspireClient')
    const secret = canary('AspireSecret')
    const wrongSecret = canary('AspireWrong')
    const tenant = await createTenant({ size: 'small', clientId, secret })
    const org = await orgWithAdmin()
    await startBonusProgram(org.token)

    const refused = await call('/api/v1/connections', {
      method: 'POST',
      token: org.token,
      json: { vendor: 'aspire', credentials: { clientId, secret: wrongSecret }, settings: { syncStartDate: '2000-01-01', baseUrl: sandboxUrl() } },
    })
    expect(refused.status).toBe(422)
    // Aspire quoting our credentials back, while we check them, in a sync and in a refused write: the
    // quote reaches the caller, the run history and the outbox with the credentials hidden.
    const faults = `/tenants/${encodeURIComponent(clientId)}/faults`
    const echo = (path: string, method?: string) => ({ kind: 'status', status: 400, path, method, message: `Client ${clientId} with secret ${secret} may not do that`, count: 20 })
    await control(faults, { json: echo('/Branches') })
    const unchecked = await call('/api/v1/connections', {
      method: 'POST',
      token: org.token,
      json: { vendor: 'aspire', credentials: { clientId, secret }, settings: { syncStartDate: '2000-01-01', baseUrl: sandboxUrl() } },
    })
    expect(unchecked.status).toBe(503)
    expect(await unchecked.text()).toContain(`Client ${HIDDEN} with secret ${HIDDEN}`)
    await control(faults, { method: 'DELETE' })

    const { id } = await connectAspire(org.token, tenant)
    await drain(queue)
    expect((await view(org.token, id)).status).toBe('ok')

    await control(faults, { json: echo('/WorkTickets') })
    await cronCycle(queue, Date.now() + 121_000)
    const partial = await view(org.token, id)
    expect(partial.status).toBe('partial')
    expect(partial.lastError?.message).toContain(`Client ${HIDDEN} with secret ${HIDDEN}`)
    await control(faults, { method: 'DELETE' })

    await control(faults, { json: echo('/WorkTicketTimes', 'POST') })
    const entry = await json<{ id: string }>(await call('/api/v1/time-entries', { method: 'POST', token: org.token, json: await aTimeEntry(id) }), 202)
    await drain(queue)
    const { pushes } = await json<{ pushes: Array<{ id: string; state: string; lastError: string | null }> }>(await call(`/api/v1/connections/${id}/pushes`, { token: org.token }), 200)
    expect(pushes.find((p) => p.id === entry.id)).toMatchObject({ state: 'failed', lastError: expect.stringContaining(`Client ${HIDDEN} with secret ${HIDDEN}`) })
    await control(faults, { method: 'DELETE' })

    // Aspire stops accepting the key: relink needed; a wrong reconnect is refused, the right one resumes.
    await control(`/tenants/${encodeURIComponent(clientId)}/expire-tokens`, { json: { refreshTokens: true } })
    await control(faults, { json: { kind: 'status', status: 401, path: '/Authorization', count: 3 } })
    await cronCycle(queue, Date.now() + 2 * 121_000)
    expect((await view(org.token, id)).status).toBe('relink_needed')
    await control(faults, { method: 'DELETE' })
    expect((await reconnect(org.token, id, { clientId, secret: wrongSecret })).status).toBe(422)
    expect((await reconnect(org.token, id, { clientId, secret })).status).toBe(200)
    await drain(queue)
    expect((await view(org.token, id)).status).toBe('ok')

    await expectNoCanaryAnywhere(org, id, [clientId, secret, wrongSecret])
  }, 120_000)

  it('should keep a Buildertrend username, passwords and session cookies out of every answer, log line and column', async () => {
    const username = canary('BtUser')
    const password = canary('BtPassword')
    const newPassword = canary('BtNewPassword')
    const wrongPassword = canary('BtWrong')
    const tenant = await createBtTenant({ size: 'small', username, password })
    const org = await orgWithAdmin()
    await startBonusProgram(org.token)

    const refused = await connectBuildertrendRequest(org.token, { username, password: wrongPassword })
    expect(refused.status).toBe(422)
    const { id } = await json<{ id: string }>(await connectBuildertrendRequest(org.token, { username, password }), 201)
    await drain(queue)
    expect((await view(org.token, id)).status).toBe('ok')

    // The password is changed in Buildertrend and the session ends: relink, then reconnect.
    await btControl(`/tenants/${tenant.id}`, { method: 'PATCH', json: { password: newPassword } })
    await btControl(`/tenants/${tenant.id}/expire-sessions`, { json: { mode: 'relogin' } })
    await cronCycle(queue, Date.now() + 901_000)
    expect((await view(org.token, id)).status).toBe('relink_needed')
    expect((await reconnect(org.token, id, { username, password })).status).toBe(422)
    expect((await reconnect(org.token, id, { username, password: newPassword })).status).toBe(200)
    await drain(queue)
    expect((await view(org.token, id)).status).toBe('ok')

    // The session Buildertrend handed out (its cookies and the bearer beside them) is a credential too.
    const { sessions } = await btControl<{ sessions: Array<{ auth: string; sessionId: string; bearer: string }> }>(`/tenants/${tenant.id}/sessions`)
    expect(sessions.length).toBeGreaterThanOrEqual(2)
    await expectNoCanaryAnywhere(org, id, [username, password, newPassword, wrongPassword, ...sessions.flatMap((s) => [s.auth, s.sessionId, s.bearer])])
  }, 120_000)

  it('should keep the cookies of a Buildertrend browser session out of every answer, log line and column', async () => {
    const tenant = await createBtTenant({ size: 'small' })
    const other = await createBtTenant({ size: 'empty' })
    const org = await orgWithAdmin()
    await startBonusProgram(org.token)
    const patchSession = (id: string, cookies: Array<{ name: string; value: string }>) =>
      call(`/api/v1/connections/${id}`, { method: 'PATCH', token: org.token, json: { credentials: browserSessionCredentials(cookies) } })

    // An expired session is refused at connect; a live one connects and syncs.
    const stale = await btBrowserSession(tenant)
    await btControl(`/tenants/${tenant.id}/expire-sessions`, { json: { mode: 'relogin' } })
    expect((await connectBuildertrendSessionRequest(org.token, stale)).status).toBe(422)
    const first = await btBrowserSession(tenant)
    const { id } = await json<{ id: string }>(await connectBuildertrendSessionRequest(org.token, first), 201)
    await drain(queue)
    expect((await view(org.token, id)).status).toBe('ok')

    // Buildertrend ends it: relink; another company's session is refused; a fresh one of ours refreshes.
    await btControl(`/tenants/${tenant.id}/expire-sessions`, { json: { mode: 'redirect' } })
    await cronCycle(queue, Date.now() + 901_000)
    expect((await view(org.token, id)).status).toBe('relink_needed')
    const foreign = await btBrowserSession(other)
    expect((await patchSession(id, foreign)).status).toBe(409)
    const fresh = await btBrowserSession(tenant)
    expect((await patchSession(id, fresh)).status).toBe(200)
    await drain(queue)
    expect((await view(org.token, id)).status).toBe('ok')

    // Buildertrend re-issues the ticket mid-sync: the new one is stored, sealed like the rest.
    await btControl(`/tenants/${tenant.id}/rotate-sessions`, { json: { afterRequests: 1 } })
    await cronCycle(queue, Date.now() + 1_802_000)
    expect((await view(org.token, id)).status).toBe('ok')
    const { sessions } = await btControl<{ sessions: Array<{ supersededBy?: string }> }>(`/tenants/${tenant.id}/sessions`)
    const reissued = sessions.flatMap((s) => (s.supersededBy ? [s.supersededBy] : []))
    expect(reissued).toHaveLength(1)

    await expectNoCanaryAnywhere(org, id, [...stale, ...first, ...foreign, ...fresh].map((c) => c.value).concat(reissued))
  }, 120_000)

  it('should keep an ExakTime API key, and a stored username and password, out of every answer, log line and column', async () => {
    const apiKey = canary('ExKey')
    const wrongKey = canary('ExWrongKey')
    const newKey = canary('ExNewKey')
    const username = canary('ExUser')
    const password = canary('ExPassword')
    const tenant = await createExakTimeTenant({ size: 'small', apiKeys: [{ key: apiKey, access: 'read' }] })
    const companyId = tenant.companyId
    const org = await orgWithAdmin()
    await startBonusProgram(org.token)

    expect((await postExakTimeConnection(org.token, { companyId, apiKey: wrongKey })).status).toBe(422)
    // A username and password are refused before anything is sent or stored.
    expect((await postExakTimeConnection(org.token, { companyId, username, password })).status).toBe(400)
    const { id } = await json<{ id: string }>(await postExakTimeConnection(org.token, { companyId, apiKey }), 201)
    await drain(queue)
    expect((await view(org.token, id)).status).toBe('ok')

    // The key is deleted in Arcoro: relink, with a message that names no key.
    await exControl(`/tenants/${companyId}/api-keys/${encodeURIComponent(apiKey)}`, { method: 'DELETE' })
    await cronCycle(queue, Date.now() + 2 * 3600_000)
    const revoked = await view(org.token, id)
    expect(revoked.status).toBe('relink_needed')
    expect(revoked.statusText).toMatch(/Arcoro refused the ExakTime API key/)
    // A new key: the old one is refused, the new one resumes.
    await exControl(`/tenants/${companyId}/api-keys`, { json: { key: newKey, access: 'read' } })
    expect((await reconnect(org.token, id, { companyId, apiKey })).status).toBe(422)
    expect((await reconnect(org.token, id, { companyId, apiKey: newKey })).status).toBe(200)
    await drain(queue)
    expect((await view(org.token, id)).status).toBe('ok')

    // A connection stored when a username and password were accepted: it relinks, and they stay hidden too.
    const legacy = await encryptCredentials(env.CREDENTIALS_KEY, id, { companyId, username, password })
    await env.DB.prepare('UPDATE connections SET credentials_ciphertext = ?1, credentials_iv = ?2 WHERE id = ?3').bind(legacy.ciphertext, legacy.iv, id).run()
    await cronCycle(queue, Date.now() + 4 * 3600_000)
    expect((await view(org.token, id)).statusText).toMatch(/no longer accepts a username and password/)

    await expectNoCanaryAnywhere(org, id, [apiKey, wrongKey, newKey, username, password], { noStatements: true })
  }, 120_000)
})
