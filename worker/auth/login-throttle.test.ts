import { env } from 'cloudflare:workers'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ErrorBody } from '../../shared/api/errors'
import { createDb } from '../db/client'
import { PASSWORD, call, orgWithAdmin } from '../../tools/test/fixtures'
import { LOGIN_LIMITS, LOGIN_WINDOW_MS, countAttempt, pruneLoginThrottles } from './login-throttle'

const START = Date.UTC(2026, 10, 23, 8, 0)
const MINUTE = 60_000

const signIn = (email: string, password: string, ip?: string) =>
  call('/api/v1/auth/login', { method: 'POST', json: { email, password }, headers: ip ? { 'cf-connecting-ip': ip } : {} })

async function failures(email: string, times: number, ip?: string) {
  for (let i = 0; i < times; i++) expect((await signIn(email, 'a wrong guess', ip)).status).toBe(401)
}

async function expectThrottled(res: Response, message: string, retryAfterSeconds: number) {
  expect(res.status).toBe(429)
  expect(res.headers.get('retry-after')).toBe(String(retryAfterSeconds))
  expect(ErrorBody.parse(await res.json()).error).toEqual({ code: 'rate_limited', message })
}

const rowCount = async () => (await env.DB.prepare('SELECT count(*) AS n FROM login_throttles').first<{ n: number }>())!.n

describe('sign-in throttling', () => {
  beforeEach(() => {
    // Only Date is faked: D1, WebCrypto and the sandboxes keep real timers.
    vi.useFakeTimers({ toFake: ['Date'], now: START })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('should refuse the attempt after 5 wrong passwords with 429, Retry-After and when to try again', async () => {
    const { email } = await orgWithAdmin()
    await failures(email, LOGIN_LIMITS.account)
    await expectThrottled(await signIn(email, 'a sixth guess'), 'Too many sign-in attempts. Try again in 15 minutes.', 900)
  })

  it('should refuse even the right password while throttled, and count the wait down', async () => {
    const { email } = await orgWithAdmin()
    await failures(email, 5)
    await expectThrottled(await signIn(email, PASSWORD), 'Too many sign-in attempts. Try again in 15 minutes.', 900)
    vi.setSystemTime(START + 10 * MINUTE + 30_000)
    // Attempts while throttled do not push the end of the window back.
    await expectThrottled(await signIn(email, PASSWORD), 'Too many sign-in attempts. Try again in 5 minutes.', 270)
    vi.setSystemTime(START + 14 * MINUTE + 59_000)
    await expectThrottled(await signIn(email, PASSWORD), 'Too many sign-in attempts. Try again in 1 minute.', 1)
  })

  it('should let the right password in once the window has passed', async () => {
    const { email } = await orgWithAdmin()
    await failures(email, 5)
    vi.setSystemTime(START + LOGIN_WINDOW_MS)
    expect((await signIn(email, PASSWORD)).status).toBe(200)
  })

  it('should give an unknown email exactly the answers a real one gets', async () => {
    const { email } = await orgWithAdmin()
    await failures(email, 5)
    await failures('nobody@nowhere.test', 5)
    const real = await signIn(email, 'guess')
    const unknown = await signIn('nobody@nowhere.test', 'guess')
    expect([real.status, unknown.status]).toEqual([429, 429])
    expect(unknown.headers.get('retry-after')).toBe(real.headers.get('retry-after'))
    expect(await unknown.json()).toEqual(await real.json())
  })

  it('should count the email however it was typed', async () => {
    const { email } = await orgWithAdmin()
    await failures(` ${email.toUpperCase()} `, 5)
    expect((await signIn(email, PASSWORD)).status).toBe(429)
  })

  it('should clear the failures of an account on a successful sign-in', async () => {
    const { email } = await orgWithAdmin()
    await failures(email, 4)
    expect((await signIn(email, PASSWORD)).status).toBe(200)
    await failures(email, 5)
    expect((await signIn(email, PASSWORD)).status).toBe(429)
  })

  it('should throttle one address guessing across many emails, and only that address', async () => {
    const { email } = await orgWithAdmin()
    for (let i = 0; i < LOGIN_LIMITS.address; i++) await failures(`victim${i}@example.test`, 1, '203.0.113.7')
    await expectThrottled(await signIn(email, PASSWORD, '203.0.113.7'), 'Too many sign-in attempts from this network. Try again in 15 minutes.', 900)
    expect((await signIn(email, PASSWORD, '198.51.100.2')).status).toBe(200)
  })

  it("should not let a guesser's own good sign-in wipe the address's other failures", async () => {
    const { email } = await orgWithAdmin()
    for (let i = 0; i < LOGIN_LIMITS.address - 1; i++) await failures(`victim${i}@example.test`, 1, '203.0.113.7')
    expect((await signIn(email, PASSWORD, '203.0.113.7')).status).toBe(200)
    await failures('one-more@example.test', 1, '203.0.113.7')
    expect((await signIn('another@example.test', 'guess', '203.0.113.7')).status).toBe(429)
  })

  it('should not let parallel guesses slip past the limit', async () => {
    const { email } = await orgWithAdmin()
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(email, `guess ${i}`)))
    expect(answers.filter((r) => r.status === 401)).toHaveLength(LOGIN_LIMITS.account)
    expect(answers.filter((r) => r.status === 429)).toHaveLength(12 - LOGIN_LIMITS.account)
  })

  it('should keep no readable email or address', async () => {
    await failures('someone@example.test', 1, '203.0.113.7')
    const dump = JSON.stringify((await env.DB.prepare('SELECT * FROM login_throttles').all()).results)
    expect(dump).not.toContain('someone')
    expect(dump).not.toContain('203.0.113.7')
  })
})

describe('pruning throttle rows', () => {
  it('should drop the rows whose window has ended and keep the others', async () => {
    const db = createDb(env.DB)
    await countAttempt(db, { email: 'old@example.test', ip: '203.0.113.7' }, START)
    await countAttempt(db, { email: 'recent@example.test' }, START + 10 * MINUTE)
    expect(await rowCount()).toBe(3)
    await pruneLoginThrottles(db, START + LOGIN_WINDOW_MS)
    expect(await rowCount()).toBe(1)
    // The remaining row still throttles: its count carried on.
    for (let i = 0; i < 4; i++) expect(await countAttempt(db, { email: 'recent@example.test' }, START + 11 * MINUTE)).toBeNull()
    expect(await countAttempt(db, { email: 'recent@example.test' }, START + 11 * MINUTE)).toEqual({ scope: 'account', retryAfterSeconds: 840 })
  })
})
