import { describe, expect, it } from 'vitest'
import { CookieJar } from './cookie-jar'

const answer = (...cookies: string[]) => {
  const headers = new Headers()
  for (const c of cookies) headers.append('set-cookie', c)
  return new Response(null, { headers })
}

describe('CookieJar', () => {
  it('should take every Set-Cookie, the newest value winning, and send name=value pairs only', () => {
    const jar = new CookieJar()
    expect(jar.header()).toBeNull()
    jar.absorb(answer('.AspNet.Auth0=a=b==; path=/; secure; HttpOnly; SameSite=None', 'ASP.NET_SessionId=s1; path=/; HttpOnly'))
    jar.absorb(answer('ASP.NET_SessionId=s2; path=/'))
    expect(jar.header()).toBe('.AspNet.Auth0=a=b==; ASP.NET_SessionId=s2')
  })

  it('should drop a cookie the server ends: empty, Max-Age 0 or an Expires in the past', () => {
    const jar = new CookieJar()
    jar.absorb(answer('a=1', 'b=2', 'c=3', 'd=4'))
    jar.absorb(answer('a=; path=/', 'b=x; Max-Age=0', 'c=x; expires=Thu, 01 Jan 1970 00:00:00 GMT', 'd=5; expires=Fri, 01 Jan 2100 00:00:00 GMT'))
    expect(jar.header()).toBe('d=5')
    expect(jar.has('a')).toBe(false)
  })

  it('should ignore lines that are no cookie', () => {
    const jar = new CookieJar()
    jar.absorb(answer('garbage', '=nameless'))
    expect(jar.size).toBe(0)
  })
})
