import { describe, expect, it } from 'vitest'
import { CookieJar } from './cookie-jar'
import { renewedSession } from './session-renewal'
import type { BuildertrendBrowserSession } from './settings'

const stored: BuildertrendBrowserSession = {
  kind: 'browser_session',
  cookies: [
    { name: '.AspNet.Auth0', value: 'ticket-1' },
    { name: 'ASP.NET_SessionId', value: 'sid-1' },
  ],
}
const jarOf = (entries: Record<string, string>) => {
  const jar = new CookieJar()
  for (const [name, value] of Object.entries(entries)) jar.set(name, value)
  return jar
}

describe('renewedSession', () => {
  it('should answer null while the jar holds the stored session cookies, whatever else it holds', () => {
    expect(renewedSession(stored, jarOf({ '.AspNet.Auth0': 'ticket-1', 'ASP.NET_SessionId': 'sid-1', _ga: 'tracking' }))).toBeNull()
  })

  it('should give the re-issued ticket with the rest of the session, and nothing that is not a session cookie', () => {
    const renewed = renewedSession(stored, jarOf({ '.AspNet.Auth0': 'ticket-2', 'ASP.NET_SessionId': 'sid-1', GAESA: 'affinity', _ga: 'tracking' }))
    expect(renewed).toEqual({
      kind: 'browser_session',
      cookies: [
        { name: '.AspNet.Auth0', value: 'ticket-2' },
        { name: 'ASP.NET_SessionId', value: 'sid-1' },
        { name: 'GAESA', value: 'affinity' },
      ],
    })
  })

  it('should never hand over a jar whose ticket Buildertrend cleared, nor a value no browser would send', () => {
    expect(renewedSession(stored, jarOf({ 'ASP.NET_SessionId': 'sid-1' }))).toBeNull()
    expect(renewedSession(stored, jarOf({ '.AspNet.Auth0': 'bad value; with spaces', 'ASP.NET_SessionId': 'sid-1' }))).toBeNull()
  })
})
