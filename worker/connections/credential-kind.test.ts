import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { ConnectionList, ConnectionView } from '../../shared/api/connections'
import { insertConnection } from '../../tools/test/connection-fixtures'
import { call, orgWithAdmin } from '../../tools/test/fixtures'
import { encryptCredentials } from '../crypto/credentials'
import { createDb } from '../db/client'
import { connections } from '../db/schema'
import { withCredentialKinds } from './credential-kind'

const SESSION = { kind: 'browser_session', cookies: [{ name: '.AspNet.Auth0', value: 'ticket-4f2a' }, { name: 'ASP.NET_SessionId', value: 'sid-77c1' }] }
/** A password connection stored before Buildertrend credentials had a `kind`. */
const OLD_PASSWORD = { username: 'ann@cedar.test', password: 'hunter2-cedar' }

/** A Buildertrend connection row as stored before the kind was kept beside the credentials. */
async function storedWithoutKind(orgId: string, credentials: unknown) {
  const id = crypto.randomUUID()
  const sealed = await encryptCredentials(env.CREDENTIALS_KEY, id, credentials)
  return insertConnection(orgId, {
    id,
    vendor: 'buildertrend',
    accountLabel: 'Buildertrend: Cedar Homes',
    credentialsCiphertext: sealed.ciphertext,
    credentialsIv: sealed.iv,
    credentialKind: null,
    settings: { syncStartDate: '2026-01-01' },
  })
}

const storedKind = async (id: string) => (await env.DB.prepare('SELECT credential_kind AS kind FROM connections WHERE id = ?').bind(id).first<{ kind: string | null }>())!.kind
const list = async (token: string) => ConnectionList.parse(await (await call('/api/v1/connections', { token })).json()).connections
const kindsIn = (connections: ConnectionView[]) => Object.fromEntries(connections.map((c) => [c.id, c.credentialKind]))

describe('the credential kind in the connection view', () => {
  it('should learn the kind of rows stored before it was kept, once, and never show the credentials', async () => {
    const { orgId, token } = await orgWithAdmin()
    const session = await storedWithoutKind(orgId, SESSION)
    const password = await storedWithoutKind(orgId, OLD_PASSWORD)
    const aspire = await insertConnection(orgId, { credentialKind: null })
    const first = await list(token)
    expect(kindsIn(first)).toEqual({ [session]: 'browser_session', [password]: 'password', [aspire]: 'api_key' })
    expect([await storedKind(session), await storedKind(password), await storedKind(aspire)]).toEqual(['browser_session', 'password', 'api_key'])
    const text = JSON.stringify(first)
    for (const secret of ['ticket-4f2a', 'sid-77c1', 'hunter2-cedar', 'fixture-secret']) expect(text).not.toContain(secret)

    // Stored now, a read no longer decrypts: with the ciphertext made unreadable the kind still shows.
    await env.DB.prepare("UPDATE connections SET credentials_ciphertext = 'AAAA' WHERE id = ?").bind(session).run()
    const one = ConnectionView.parse(await (await call(`/api/v1/connections/${session}`, { token })).json())
    expect(one.credentialKind).toBe('browser_session')
  })

  it('should show no kind, and still answer, for credentials it cannot read, storing none so the next read tries again', async () => {
    const { orgId, token } = await orgWithAdmin()
    const unreadable = await insertConnection(orgId, { credentialKind: null, credentialsCiphertext: 'AAAA' })
    const readable = await insertConnection(orgId, { credentialKind: null })
    expect(kindsIn(await list(token))).toEqual({ [unreadable]: null, [readable]: 'api_key' })
    expect(await storedKind(unreadable)).toBeNull()
  })

  it('should not write what it learned over the credentials and kind a reconnect stored meanwhile', async () => {
    const { orgId } = await orgWithAdmin()
    const id = await storedWithoutKind(orgId, SESSION)
    const db = createDb(env.DB)
    const [read] = await db.select().from(connections).where(eq(connections.id, id))
    // A reconnect with a password lands between this read and the write of the kind learned from it.
    const sealed = await encryptCredentials(env.CREDENTIALS_KEY, id, OLD_PASSWORD)
    await db.update(connections).set({ credentialsCiphertext: sealed.ciphertext, credentialsIv: sealed.iv, credentialKind: 'password' }).where(eq(connections.id, id))
    await withCredentialKinds(db, env.CREDENTIALS_KEY, [read!])
    expect(await storedKind(id)).toBe('password')
    // The same write without the reconnect does land: the guard, not a failure, kept it out above.
    await db.update(connections).set({ credentialsCiphertext: read!.credentialsCiphertext, credentialsIv: read!.credentialsIv, credentialKind: null }).where(eq(connections.id, id))
    await withCredentialKinds(db, env.CREDENTIALS_KEY, [read!])
    expect(await storedKind(id)).toBe('browser_session')
  })
})
