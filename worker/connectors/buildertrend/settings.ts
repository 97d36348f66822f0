/**
 * What a Buildertrend connection needs: the session of the admin's signed-in Chrome, or the admin's website username
 * and password (Buildertrend has no public API for this data; docs/vendors/buildertrend.md §1), and how far back and
 * how wide to read time.
 * @module
 */
import { z } from 'zod'
import { VendorBaseUrl } from '../vendor-base-url'
import { isValidTimeZone } from '../../util/zoned-time'

/** Trimmed: stray spaces pasted with an email or password are the most common reason a connect fails. */
export const BuildertrendPassword = z.object({
  kind: z.literal('password').optional(),
  username: z.string().trim().min(1, 'Username is required').max(320),
  password: z.string().trim().min(1, 'Password is required').max(500),
})
export type BuildertrendPassword = z.infer<typeof BuildertrendPassword>

/**
 * The cookies that carry a signed-in buildertrend.net session, the three RO-PULL names ("Re-copy .AspNet.Auth0,
 * ASP.NET_SessionId, and GAESA from a logged-in buildertrend.net tab", docs/vendors/buildertrend.md §16.2). Any other
 * cookie of the site is dropped, never stored.
 */
export const SESSION_COOKIE_NAMES = ['.AspNet.Auth0', 'ASP.NET_SessionId', 'GAESA'] as const
export const REQUIRED_SESSION_COOKIES = ['.AspNet.Auth0', 'ASP.NET_SessionId'] as const
/** `.AspNet.Auth0` is ≈2.8 KB (BC-API); Chrome keeps at most 4 KB per cookie. */
const MAX_COOKIE_VALUE = 4096
/** RFC 6265 cookie-octets: printable ASCII without space, `"`, `,`, `;` and `\`. */
const COOKIE_OCTETS = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/

const SessionCookie = z.object({
  name: z.string().max(200),
  value: z
    .string()
    .min(1, 'A session cookie value is empty: sign in to Buildertrend in this browser first.')
    .max(MAX_COOKIE_VALUE, `A session cookie value is longer than ${MAX_COOKIE_VALUE} characters, which no browser keeps: read the cookies again from buildertrend.net.`)
    .regex(COOKIE_OCTETS, 'A session cookie value holds characters a cookie cannot hold: read the cookies again from buildertrend.net.'),
})

/** Keeps only the session cookies, the last of each name (a browser sends one per name for this host). */
export function sessionCookiesOnly<T extends { name: string }>(cookies: readonly T[]): T[] {
  const kept = new Map<string, T>()
  for (const cookie of cookies) if ((SESSION_COOKIE_NAMES as readonly string[]).includes(cookie.name)) kept.set(cookie.name, cookie)
  return [...kept.values()]
}

/** A session a person opened by signing in at buildertrend.net in Chrome, handed over by the extension (#14). */
export const BuildertrendBrowserSession = z.object({
  kind: z.literal('browser_session'),
  cookies: z
    .array(z.object({ name: z.string().max(200), value: z.unknown() }).passthrough())
    .max(200, 'Too many cookies: send only the buildertrend.net session cookies.')
    // Other names are dropped before their values are even checked: they are not ours to keep.
    .transform((cookies) => sessionCookiesOnly(cookies))
    .pipe(z.array(SessionCookie.strip()))
    .refine(
      (cookies) => REQUIRED_SESSION_COOKIES.every((name) => cookies.some((c) => c.name === name)),
      'This browser holds no Buildertrend session (the .AspNet.Auth0 and ASP.NET_SessionId cookies are missing). Sign in to Buildertrend in this tab first.',
    ),
})
export type BuildertrendBrowserSession = z.infer<typeof BuildertrendBrowserSession>

/** Either a session from the admin's Chrome (`kind: 'browser_session'`) or the website username and password. */
export const BuildertrendCredentials = z.discriminatedUnion('kind', [BuildertrendBrowserSession, BuildertrendPassword])
export type BuildertrendCredentials = z.infer<typeof BuildertrendCredentials>

export const isBrowserSession = (c: BuildertrendCredentials): c is BuildertrendBrowserSession => c.kind === 'browser_session'

export const BT_APP_URL = 'https://buildertrend.net'
export const BT_LOGIN_URL = 'https://login.buildertrend.com'

export const BuildertrendSettings = z.object({
  /** The company's go-live date: time before it is never imported. */
  syncStartDate: z.iso.date('syncStartDate must be a date like 2026-01-15'),
  /** Development and tests only: a local Buildertrend sandbox serving both login and the app's API. */
  baseUrl: VendorBaseUrl,
  /**
   * Weeks before the current week re-read every sync: there is no modified-since filter
   * (docs/vendors/buildertrend.md §11).
   */
  windowWeeks: z.number().int().min(1).max(52).default(6),
  /** The company's zone for Buildertrend's offset-less times; the organisation's zone when absent. */
  timeZone: z.string().refine(isValidTimeZone, 'timeZone must be an IANA time zone like America/Chicago').optional(),
  /** Time clock grid page size (200–500 worked for integrators). */
  pageSize: z.number().int().min(10).max(500).default(500),
})
export type BuildertrendSettings = z.infer<typeof BuildertrendSettings>

export const appUrlOf = (s: BuildertrendSettings) => (s.baseUrl ?? BT_APP_URL).replace(/\/+$/, '')
export const loginUrlOf = (s: BuildertrendSettings) => (s.baseUrl ?? BT_LOGIN_URL).replace(/\/+$/, '')
