/**
 * `/api/v1/connections`: connect a vendor account (credentials checked live, then encrypted), see its
 * status and history, pause/resume, reconnect, force a sync, disconnect. Admins manage; managers watch
 * and force syncs; everyone else is refused.
 * @module
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { CreateConnectionRequest, PageSyncRequest, UpdateConnectionRequest } from '../../shared/api/connections'
import { requireRole } from '../auth/require-role'
import { encryptCredentials } from '../crypto/credentials'
import { createDb, type Db } from '../db/client'
import { connections, organizations, propaySyncPasses, syncRuns, syncStreams } from '../db/schema'
import type { AppEnv } from '../env'
import { ApiError } from '../http/api-error'
import { json, params } from '../http/validate'
import { refuseVendorAddressUnlessAllowed } from '../connectors/vendor-base-url'
import { connectorFor, connectors } from '../sync/registry'
import { nowIso } from '../util/clock'
import { loadOwnedConnection } from './load-owned'
import { requestPageSync } from './page-sync'
import { parseVendorInput } from './parse-vendor-input'
import { isSameAccount, sameAccountAs } from './same-account'
import { verifyWithVendor } from './verify-vendor'
import { FORCE_SYNC_COOLDOWN_MS, startSyncNow } from '../sync/start-sync'
import { toConnectionView } from './view'
import { withCredentialKinds } from './credential-kind'

const IdParam = z.object({ id: z.string().min(1).max(100) })

const loadOwned = loadOwnedConnection

type ConnectionRow = typeof connections.$inferSelect
type StreamRow = typeof syncStreams.$inferSelect

type PassRow = Pick<typeof propaySyncPasses.$inferSelect, 'connectionId' | 'jobsDone' | 'jobsTotal'>

const viewOf = (row: ConnectionRow, streamRows: readonly StreamRow[], passes: readonly PassRow[] = []) =>
  toConnectionView(
    row,
    connectorFor(row.vendor).streams(row.settings as never),
    streamRows.filter((s) => s.connectionId === row.id),
    Date.now(),
    passes.find((p) => p.connectionId === row.id),
  )

async function view(db: Db, key: string, row: ConnectionRow) {
  const [withKind] = await withCredentialKinds(db, key, [row])
  return viewOf(withKind!, await db.select().from(syncStreams).where(eq(syncStreams.connectionId, row.id)))
}

/** The org's live connections, as a subquery: stream rows carry no org of their own. */
const ownedIds = (db: Db, orgId: string) =>
  db.select({ id: connections.id }).from(connections).where(and(eq(connections.orgId, orgId), isNull(connections.deletedAt)))

/**
 * The caller's connection (or all of them) with their stream rows and bonus passes under way in one D1 round trip:
 * these are what the extension polls most (bench/README.md, API latency), and each round trip costs more than the view
 * itself.
 */
async function ownedWithStreams(db: Db, key: string, orgId: string, id?: string) {
  const [rows, streamRows, passes] = await db.batch([
    db
      .select()
      .from(connections)
      .where(and(eq(connections.orgId, orgId), isNull(connections.deletedAt), id === undefined ? undefined : eq(connections.id, id)))
      .orderBy(connections.createdAt),
    db
      .select()
      .from(syncStreams)
      .where(and(inArray(syncStreams.connectionId, ownedIds(db, orgId)), id === undefined ? undefined : eq(syncStreams.connectionId, id))),
    db
      .select({ connectionId: propaySyncPasses.connectionId, jobsDone: propaySyncPasses.jobsDone, jobsTotal: propaySyncPasses.jobsTotal })
      .from(propaySyncPasses)
      .where(and(eq(propaySyncPasses.orgId, orgId), id === undefined ? undefined : eq(propaySyncPasses.connectionId, id))),
  ])
  return (await withCredentialKinds(db, key, rows)).map((row) => viewOf(row, streamRows, passes))
}

async function orgTimeZone(db: Db, orgId: string) {
  const [org] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId))
  return org?.timeZone ?? 'UTC'
}

export const connectionRoutes = new Hono<AppEnv>()
  .get('/', requireRole('admin', 'manager'), async (c) => {
    return c.json({ connections: await ownedWithStreams(createDb(c.env.DB), c.env.CREDENTIALS_KEY, c.get('auth').orgId) }, 200)
  })
  .post('/', requireRole('admin'), json(CreateConnectionRequest), async (c) => {
    const input = c.req.valid('json')
    refuseVendorAddressUnlessAllowed(c.env, input.settings)
    const connector = connectors[input.vendor]
    if (!connector) throw new ApiError('unprocessable', `Connecting ${input.vendor} is not available yet.`)
    const [credentials, settings] = parseVendorInput(
      { schema: connector.credentialsSchema, value: input.credentials, what: 'credentials' },
      { schema: connector.settingsSchema, value: input.settings, what: 'settings' },
    )
    const db = createDb(c.env.DB)
    const { orgId } = c.get('auth')
    const id = crypto.randomUUID()
    const account = await verifyWithVendor(connector, credentials, settings, await orgTimeZone(db, orgId), id)
    const { accountLabel } = account
    const existing = await db
      .select({ id: connections.id })
      .from(connections)
      .where(and(eq(connections.orgId, orgId), eq(connections.vendor, input.vendor), isNull(connections.deletedAt), sameAccountAs(account)))
    if (existing.length) throw new ApiError('conflict', `This ${input.vendor} account is already connected (connection ${existing[0]!.id}). Reconnect it instead of adding it twice.`)
    const sealed = await encryptCredentials(c.env.CREDENTIALS_KEY, id, credentials)
    const now = nowIso()
    await db.insert(connections).values({
      id,
      orgId,
      vendor: input.vendor,
      accountLabel,
      accountId: account.accountId ?? null,
      credentialsCiphertext: sealed.ciphertext,
      credentialsIv: sealed.iv,
      credentialKind: connector.credentialKind(credentials),
      settings: settings as Record<string, unknown>,
      frequencySeconds: input.frequencySeconds ?? connector.defaultFrequencySeconds,
      nextRunAt: now,
      createdAt: now,
      updatedAt: now,
    })
    await startSyncNow(c.env, id, 'initial')
    return c.json(await view(db, c.env.CREDENTIALS_KEY, await loadOwned(db, orgId, id)), 201)
  })
  .get('/:id', requireRole('admin', 'manager'), params(IdParam), async (c) => {
    const [found] = await ownedWithStreams(createDb(c.env.DB), c.env.CREDENTIALS_KEY, c.get('auth').orgId, c.req.valid('param').id)
    if (!found) throw new ApiError('not_found', 'No connection with this id in your organisation.')
    return c.json(found, 200)
  })
  .patch('/:id', requireRole('admin'), params(IdParam), json(UpdateConnectionRequest), async (c) => {
    const db = createDb(c.env.DB)
    const row = await loadOwned(db, c.get('auth').orgId, c.req.valid('param').id)
    const input = c.req.valid('json')
    refuseVendorAddressUnlessAllowed(c.env, input.settings)
    const connector = connectorFor(row.vendor)
    const patch: Partial<typeof connections.$inferInsert> = { updatedAt: nowIso() }
    const [settings] = input.settings
      ? parseVendorInput({ schema: connector.settingsSchema, value: { ...row.settings, ...input.settings }, what: 'settings' })
      : [row.settings]
    if (input.settings) patch.settings = settings as Record<string, unknown>
    if (input.frequencySeconds) patch.frequencySeconds = input.frequencySeconds
    let startNow = false
    if (input.credentials) {
      // Reconnect: same connection, same data; new credentials checked live before they replace the old.
      const [credentials] = parseVendorInput({ schema: connector.credentialsSchema, value: input.credentials, what: 'credentials' })
      const account = await verifyWithVendor(connector, credentials, settings, await orgTimeZone(db, row.orgId), row.id)
      const { accountLabel } = account
      if (connector.otherAccountOnReconnect && !isSameAccount(account, row)) throw new ApiError('conflict', connector.otherAccountOnReconnect(accountLabel, row.accountLabel))
      const sealed = await encryptCredentials(c.env.CREDENTIALS_KEY, row.id, credentials)
      // The label names the credential (ExakTime: the key's last characters; a renamed Buildertrend company), so it
      // follows the new one; the account id is kept or, on a row older than it, learned now.
      Object.assign(patch, { accountLabel, accountId: account.accountId ?? row.accountId, credentialsCiphertext: sealed.ciphertext, credentialsIv: sealed.iv, credentialKind: connector.credentialKind(credentials), status: 'pending', lastErrorCode: null, lastErrorMessage: null, nextRunAt: nowIso() })
      startNow = !row.paused
    }
    if (input.paused !== undefined && input.paused !== row.paused) {
      patch.paused = input.paused
      patch.status = input.paused ? 'paused' : 'pending'
      // Resuming runs at once; pausing lets a step in flight finish its page and stop.
      if (!input.paused) {
        patch.nextRunAt = nowIso()
        startNow = row.status !== 'relink_needed' || !!input.credentials
        if (row.status === 'relink_needed' && !input.credentials) patch.status = 'relink_needed'
      }
    }
    await db.update(connections).set(patch).where(eq(connections.id, row.id))
    if (startNow) await startSyncNow(c.env, row.id, 'manual')
    return c.json(await view(db, c.env.CREDENTIALS_KEY, await loadOwned(db, row.orgId, row.id)), 200)
  })
  .delete('/:id', requireRole('admin'), params(IdParam), async (c) => {
    const db = createDb(c.env.DB)
    const row = await loadOwned(db, c.get('auth').orgId, c.req.valid('param').id)
    // Disconnecting destroys the credentials at once; synced data stays for the bonus history.
    await db
      .update(connections)
      .set({ deletedAt: nowIso(), credentialsCiphertext: '', credentialsIv: '', leaseToken: null, leaseUntil: null, currentRunId: null, updatedAt: nowIso() })
      .where(eq(connections.id, row.id))
    return c.json({ ok: true as const }, 200)
  })
  .post('/:id/sync', requireRole('admin', 'manager'), params(IdParam), async (c) => {
    const db = createDb(c.env.DB)
    const row = await loadOwned(db, c.get('auth').orgId, c.req.valid('param').id)
    const now = Date.now()
    if (row.paused) throw new ApiError('conflict', 'This connection is paused. Resume it to sync.')
    if (row.status === 'relink_needed') throw new ApiError('conflict', `${row.lastErrorMessage ?? 'The vendor refused our credentials.'} Reconnect before syncing.`)
    if (row.lastForcedAt) {
      const waitMs = Date.parse(row.lastForcedAt) + FORCE_SYNC_COOLDOWN_MS - now
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000)
        throw new ApiError('rate_limited', `A sync was forced (or started for a new time entry or material) less than a minute ago. Try again in ${seconds} s.`, undefined, { 'Retry-After': String(seconds) })
      }
    }
    await db.update(connections).set({ lastForcedAt: nowIso(now), nextRunAt: nowIso(now) }).where(eq(connections.id, row.id))
    const started = await startSyncNow(c.env, row.id, 'manual', now)
    const message = started ? 'Sync started.' : 'A sync is already running; it will pick up the latest changes.'
    return c.json({ started, message, connection: await view(db, c.env.CREDENTIALS_KEY, await loadOwned(db, row.orgId, row.id)) }, 202)
  })
  .post('/:id/page-sync', requireRole('admin', 'manager'), params(IdParam), json(PageSyncRequest), async (c) => {
    const db = createDb(c.env.DB)
    const row = await loadOwned(db, c.get('auth').orgId, c.req.valid('param').id)
    const { action, recordId } = c.req.valid('json')
    const answer = await requestPageSync(c.env, row, action)
    // The hint is logged, never stored as data: the run re-reads the vendor.
    console.log(`page-sync ${row.id} ${action}${recordId ? ` ${recordId}` : ''}: ${answer.started ? 'started' : `runs at ${answer.runsAt ?? 'the end of the run in progress'}`}`)
    return c.json(answer, 202)
  })
  .get('/:id/runs', requireRole('admin', 'manager'), params(IdParam), async (c) => {
    const db = createDb(c.env.DB)
    const row = await loadOwned(db, c.get('auth').orgId, c.req.valid('param').id)
    const runs = await db.select().from(syncRuns).where(eq(syncRuns.connectionId, row.id)).orderBy(desc(syncRuns.startedAt)).limit(50)
    return c.json(
      {
        runs: runs.map((r) => ({
          id: r.id,
          trigger: r.trigger,
          kind: r.kind,
          status: r.status,
          startedAt: r.startedAt,
          finishedAt: r.finishedAt,
          requests: r.requests,
          added: r.added,
          updated: r.updated,
          deleted: r.deleted,
          unchanged: r.unchanged,
          error: r.errorCode ? { code: r.errorCode, message: r.errorMessage ?? '' } : null,
        })),
      },
      200,
    )
  })
