import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { captureQueue } from '../../../tools/test/aspire-sandbox'
import { btControl, connectBuildertrend, connectBuildertrendRequest, createBtTenant } from '../../../tools/test/buildertrend-sandbox'
import { orgWithAdmin } from '../../../tools/test/fixtures'
import type { SyncMessage } from '../../sync/queue-messages'
import { ACCOUNT_LOCKED, HUMAN_CHECK, WRONG_PASSWORD } from './auth'

const messageOf = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message
const connectionCount = async () => (await env.DB.prepare('SELECT count(*) AS n FROM connections').first<{ n: number }>())!.n

describe('connecting Buildertrend', () => {
  let queue: SyncMessage[]
  beforeEach(() => {
    queue = captureQueue()
  })

  it('should connect with trimmed credentials and name the account by its company', async () => {
    const tenant = await createBtTenant({ size: 'empty', builderName: 'Cedar & Stone Builders' })
    const { token } = await orgWithAdmin()
    const created = await connectBuildertrend(token, tenant)
    expect(created).toMatchObject({ vendor: 'buildertrend', accountLabel: 'Buildertrend: Cedar & Stone Builders' })
    expect(queue).toHaveLength(1)
  })

  it.each([
    ['wrong_password', WRONG_PASSWORD],
    ['captcha', HUMAN_CHECK],
    ['mfa', HUMAN_CHECK],
    ['challenge_html', HUMAN_CHECK],
    ['locked', ACCOUNT_LOCKED],
  ] as const)('should refuse the %s outcome with a 422 a person can act on, saving nothing', async (loginOutcome, message) => {
    const tenant = await createBtTenant({ size: 'empty', loginOutcome })
    const { token } = await orgWithAdmin()
    const res = await connectBuildertrendRequest(token, { username: tenant.username, password: tenant.password })
    expect(res.status).toBe(422)
    expect(await messageOf(res)).toBe(message)
    expect(queue).toHaveLength(0)
    expect(await connectionCount()).toBe(0)
  })

  it('should ask for a sign-in in Chrome while Auth0 wants a captcha, and connect once it does not', async () => {
    const tenant = await createBtTenant({ size: 'empty', captchaOnLogin: true })
    const { token } = await orgWithAdmin()
    const refused = await connectBuildertrendRequest(token, { username: tenant.username, password: tenant.password })
    expect(refused.status).toBe(422)
    expect(await messageOf(refused)).toMatch(/Sign in to Buildertrend in Chrome/)
    await btControl(`/tenants/${tenant.id}/captcha`, { method: 'PUT', json: { on: false } })
    expect((await connectBuildertrendRequest(token, { username: tenant.username, password: tenant.password })).status).toBe(201)
  })

  it('should name the account by its builder id when Buildertrend gives no company name', async () => {
    const tenant = await createBtTenant({ size: 'empty', builderName: ' ' })
    const { token } = await orgWithAdmin()
    const { builderId } = await btControl<{ builderId: number }>(`/tenants/${tenant.id}`)
    expect(await connectBuildertrend(token, tenant)).toMatchObject({ accountLabel: `Buildertrend: builder ${builderId}` })
  })

  it('should say the password is wrong when it is, without a second attempt that could lock the account', async () => {
    const tenant = await createBtTenant({ size: 'empty' })
    const { token } = await orgWithAdmin()
    const res = await connectBuildertrendRequest(token, { username: tenant.username, password: 'not-it' })
    expect(res.status).toBe(422)
    expect(await messageOf(res)).toMatch(/did not accept this username and password/)
  })

  it('should connect an account migrated to Auth0 (the older login refuses it) and one without the Auth0 grant', async () => {
    const { token } = await orgWithAdmin()
    for (const loginOutcome of ['migrated', 'legacy'] as const) {
      const tenant = await createBtTenant({ size: 'empty', loginOutcome, builderName: `Builder ${loginOutcome}` })
      expect((await connectBuildertrendRequest(token, { username: tenant.username, password: tenant.password })).status).toBe(201)
    }
  })

  it('should wait for a slow sign-in', async () => {
    const tenant = await createBtTenant({ size: 'empty', loginDelayMs: 1500 })
    const { token } = await orgWithAdmin()
    expect((await connectBuildertrendRequest(token, { username: tenant.username, password: tenant.password })).status).toBe(201)
  })

  it('should say Buildertrend is unreachable when it is, with a 503', async () => {
    const { token } = await orgWithAdmin()
    const res = await connectBuildertrendRequest(token, { username: 'a@b.test', password: 'x' }, { baseUrl: 'http://127.0.0.1:9' })
    expect(res.status).toBe(503)
    expect(await messageOf(res)).toMatch(/Buildertrend could not be reached/)
  })

  it('should report a missing username and password field by field', async () => {
    const { token } = await orgWithAdmin()
    const res = await connectBuildertrendRequest(token, { username: '   ', password: '' })
    expect(res.status).toBe(400)
    expect(await messageOf(res)).toMatch(/credentials.username: Username is required.*credentials.password: Password is required/)
  })

  it('should refuse a settings time zone that does not exist', async () => {
    const tenant = await createBtTenant({ size: 'empty' })
    await btControl(`/tenants/${tenant.id}`)
    const { token } = await orgWithAdmin()
    const res = await connectBuildertrendRequest(token, { username: tenant.username, password: tenant.password }, { timeZone: 'Mars/Olympus' })
    expect(res.status).toBe(400)
    expect(await messageOf(res)).toMatch(/settings.timeZone/)
  })
})
