import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { captureQueue } from '../../tools/test/aspire-sandbox'
import { btBrowserSession, connectBuildertrendSessionRequest, createBtTenant } from '../../tools/test/buildertrend-sandbox'
import { orgWithAdmin } from '../../tools/test/fixtures'
import { decryptCredentials } from '../crypto/credentials'
import { createDb } from '../db/client'
import { storeRenewedCredentials } from './renewed-credentials'

const rowOf = async (id: string) =>
  (await env.DB.prepare('SELECT id, credentials_ciphertext AS credentialsCiphertext, credentials_iv AS credentialsIv, credential_kind AS credentialKind FROM connections WHERE id = ?')
    .bind(id)
    .first<{ id: string; credentialsCiphertext: string; credentialsIv: string; credentialKind: string | null }>())!

describe('storeRenewedCredentials', () => {
  it('should seal the renewed credentials and their kind over the ones the step read, and never over ones a person replaced meanwhile', async () => {
    captureQueue()
    const { token } = await orgWithAdmin()
    const tenant = await createBtTenant({ size: 'empty' })
    const { id } = (await (await connectBuildertrendSessionRequest(token, await btBrowserSession(tenant))).json()) as { id: string }
    // As a row stored before the kind was kept: the renewal stores it with the credentials.
    await env.DB.prepare('UPDATE connections SET credential_kind = NULL WHERE id = ?').bind(id).run()
    const read = await rowOf(id)
    const renewed = { kind: 'browser_session', cookies: [{ name: '.AspNet.Auth0', value: 'renewed-ticket' }, { name: 'ASP.NET_SessionId', value: 'sid' }] }
    const db = createDb(env.DB)

    // A reconnect stored other credentials after the step read its own: the renewal of the old session loses.
    expect(await storeRenewedCredentials(db, env.CREDENTIALS_KEY, { id, credentialsCiphertext: 'what-the-step-read-before-a-reconnect' }, renewed, 'browser_session')).toBe(false)
    expect(await rowOf(id)).toEqual(read)

    expect(await storeRenewedCredentials(db, env.CREDENTIALS_KEY, read, renewed, 'browser_session')).toBe(true)
    const stored = await rowOf(id)
    expect(stored.credentialKind).toBe('browser_session')
    expect(stored.credentialsCiphertext).not.toContain('renewed-ticket')
    expect(await decryptCredentials(env.CREDENTIALS_KEY, id, { ciphertext: stored.credentialsCiphertext, iv: stored.credentialsIv })).toEqual(renewed)
  })
})
