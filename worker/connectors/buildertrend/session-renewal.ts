/**
 * A browser session Buildertrend re-issued while we used it. ASP.NET cookie authentication renews its ticket by
 * `Set-Cookie` once a ticket is past half its lifetime (sliding expiration); whether Buildertrend does is open
 * (docs/vendors/buildertrend.md §16.9.3). If it does and we kept the cookies the admin handed over, the connection
 * would die when those reach their end even though every sync kept the session alive. So after each answer that
 * proved the session live, the jar's session cookies that differ from the stored ones are handed to the engine,
 * which seals and stores them (`SyncContext.renewCredentials`).
 * @module
 */
import type { CookieJar } from './cookie-jar'
import { BuildertrendBrowserSession, SESSION_COOKIE_NAMES } from './settings'

/** The renewed credentials, or null when the jar holds the same session cookies (or no complete, valid session). */
export function renewedSession(stored: BuildertrendBrowserSession, jar: CookieJar): BuildertrendBrowserSession | null {
  const held = new Map(jar.entries())
  const cookies = SESSION_COOKIE_NAMES.filter((name) => held.has(name)).map((name) => ({ name, value: held.get(name)! }))
  const before = new Map(stored.cookies.map((c) => [c.name, c.value]))
  if (cookies.length === before.size && cookies.every((c) => before.get(c.name) === c.value)) return null
  // The same schema as a connect: a jar missing the ticket, or a value no browser would send back, is not stored.
  const parsed = BuildertrendBrowserSession.safeParse({ kind: 'browser_session', cookies })
  return parsed.success ? parsed.data : null
}
