import { describe, expect, it } from 'vitest'
import { BuildertrendCredentials, isBrowserSession, sessionCookiesOnly } from './settings'

const auth = { name: '.AspNet.Auth0', value: 'chunk-of-ticket' }
const sid = { name: 'ASP.NET_SessionId', value: 'abc123' }
const gaesa = { name: 'GAESA', value: 'CpUBaffinity' }
const issues = (value: unknown) => {
  const result = BuildertrendCredentials.safeParse(value)
  return result.success ? [] : result.error.issues.map((i) => i.message)
}

describe('Buildertrend credentials', () => {
  it('should keep a username and password as today, trimmed', () => {
    const parsed = BuildertrendCredentials.parse({ username: ' a@b.test ', password: 'pw ' })
    expect(parsed).toEqual({ username: 'a@b.test', password: 'pw' })
    expect(isBrowserSession(parsed)).toBe(false)
  })

  it('should keep only the three session cookies of a browser session, dropping every other name', () => {
    const parsed = BuildertrendCredentials.parse({
      kind: 'browser_session',
      cookies: [{ name: '_ga', value: 'GA1.2' }, auth, { name: '__AntiXsrfToken', value: 'x' }, sid, gaesa, { name: 'intercom', value: 'has spaces; and "quotes"' }],
    })
    expect(parsed).toEqual({ kind: 'browser_session', cookies: [auth, sid, gaesa] })
    expect(isBrowserSession(parsed)).toBe(true)
  })

  it('should drop extra fields Chrome lists beside a cookie (domain, path, httpOnly)', () => {
    const parsed = BuildertrendCredentials.parse({ kind: 'browser_session', cookies: [{ ...auth, domain: '.buildertrend.net', httpOnly: true }, sid] })
    expect(parsed).toEqual({ kind: 'browser_session', cookies: [auth, sid] })
  })

  it.each([
    ['no .AspNet.Auth0', [sid, gaesa], /Sign in to Buildertrend in this tab first/],
    ['no ASP.NET_SessionId', [auth], /Sign in to Buildertrend in this tab first/],
    ['an empty value', [auth, { ...sid, value: '' }], /empty/],
    ['a space in a value', [auth, { ...sid, value: 'a b' }], /characters a cookie cannot hold/],
    ['a semicolon in a value', [auth, { ...sid, value: 'a;b' }], /characters a cookie cannot hold/],
    ['a 4097-character value', [{ ...auth, value: 'x'.repeat(4097) }, sid], /longer than 4096/],
    ['a number as a value', [auth, { ...sid, value: 42 }], /./],
  ])('should refuse %s with words a person can act on', (_what, cookies, words) => {
    const messages = issues({ kind: 'browser_session', cookies })
    expect(messages.length).toBeGreaterThan(0)
    expect(messages.join(' ')).toMatch(words)
  })

  it('should refuse an unknown kind', () => {
    expect(issues({ kind: 'api_key', key: 'x' }).length).toBe(1)
  })

  it('should keep the last cookie of a name', () => {
    expect(sessionCookiesOnly([auth, { ...auth, value: 'newer' }])).toEqual([{ ...auth, value: 'newer' }])
  })
})
